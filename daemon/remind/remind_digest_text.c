/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remind/remind_digest.h"
#include "time/civil.h"
#include "time/tz.h"

/* What a digest says: the person's day, in the plan's language, one line per item. */

struct digest_words {
	const char *subject;	 /* "%s": the day */
	const char *hello;	 /* "%s": the person */
	const char *sections[3]; /* today, deadlines soon, overdue */
	const char *hint;	 /* "%s": the done command */
	const char *footer;
};

static const struct digest_words words_ru = {
	"Сводка на %s",
	"Здравствуйте, %s!",
	{ "Сегодня:", "Сроки в ближайшие три дня:", "Просрочено:" },
	"Отметить выполненное: %s НОМЕР",
	"Это письмо отправлено автоматически (qweekd).",
};
static const struct digest_words words_uk = {
	"Зведення на %s",
	"Доброго дня, %s!",
	{ "Сьогодні:", "Терміни найближчими трьома днями:", "Прострочено:" },
	"Позначити виконане: %s НОМЕР",
	"Цей лист надіслано автоматично (qweekd).",
};
static const struct digest_words words_en = {
	"Digest for %s",
	"Hello %s,",
	{ "Today:", "Due within three days:", "Overdue:" },
	"To mark one done: %s REF",
	"This message was sent automatically (qweekd).",
};

enum { TODAY, SOON, OVERDUE, NSECTIONS };

struct digest_ctx {
	const struct plan *plan;
	int64_t at, day_begin, day_end, soon_end;
	FILE *section[NSECTIONS];
	char *text[NSECTIONS];
	size_t len[NSECTIONS];
	int count[NSECTIONS];
};

/* Which section item IT goes in, or -1. */
static int section_of(const struct digest_ctx *x, const struct item *it)
{
	if (it->late_after <= x->at)
		return OVERDUE;
	if (strcmp(it->kind, "deadline") == 0)
		return it->at < x->soon_end ? SOON : -1;
	return it->at < x->day_end && it->late_after > x->day_begin ? TODAY : -1;
}

static int add_item(const struct item *it, void *arg)
{
	struct digest_ctx *x = arg;
	struct remind_item view = { 0 };
	char when[160];
	int s = section_of(x, it);

	if (s < 0)
		return 0;
	view.kind = (char *)it->kind;
	view.start_at = (char *)it->start_at;
	view.end_at = (char *)it->end_at;
	view.due_at = (char *)it->due_at;
	remind_text_when(&view, x->plan->tz, when, sizeof when);
	if (*it->label != '\0')
		fprintf(x->section[s], "  %s %s — %s\n", it->label, it->title, when);
	else
		fprintf(x->section[s], "  @%lld %s — %s\n", (long long)it->id, it->title, when);
	x->count[s]++;
	return 0;
}

/* The local day of AT in the plan's zone: its bounds, and the end of the days ahead. */
static int day_bounds(struct digest_ctx *x, char day[16])
{
	struct tz_local l;
	int64_t days;
	int y, m, d;

	if (tz_from_utc(x->plan->tz, x->at, &l) == -1)
		return -1;
	snprintf(day, 16, "%02d.%02d.%04d", l.day, l.month, l.year);
	days = civil_days(l.year, l.month, l.day);
	if (tz_to_utc(x->plan->tz, l.year, l.month, l.day, 0, 0, 0, &x->day_begin) == -1)
		return -1;
	civil_from_days(days + 1, &y, &m, &d);
	if (tz_to_utc(x->plan->tz, y, m, d, 0, 0, 0, &x->day_end) == -1)
		return -1;
	civil_from_days(days + 1 + REMIND_DIGEST_DAYS, &y, &m, &d);
	return tz_to_utc(x->plan->tz, y, m, d, 0, 0, 0, &x->soon_end);
}

static int compose(struct digest_ctx *x, const struct digest_words *w, const char *person,
		   const char *day, const char *done_hint, struct remind_msg *out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return -1;
	fprintf(f, w->hello, person);
	fputs("\n\n", f);
	for (int s = 0; s < NSECTIONS; s++)
		if (x->count[s] > 0)
			fprintf(f, "%s\n%s\n", w->sections[s], x->text[s]);
	fprintf(f, w->hint, done_hint);
	fprintf(f, "\n\n-- \n%s\n", w->footer);
	if (fclose(f) != 0 || asprintf(&out->subject, w->subject, day) == -1) {
		free(buf);
		out->subject = NULL;
		return -1;
	}
	out->body = buf;
	return 0;
}

int remind_digest_text(struct db *db, const struct plan *plan, const struct remind_person *p,
		       int64_t at, const char *done_hint, struct remind_msg *out, int *empty,
		       struct error *err)
{
	const struct digest_words *w = strcmp(plan->lang, "uk") == 0 ? &words_uk :
				       strcmp(plan->lang, "en") == 0 ? &words_en :
								       &words_ru;
	struct digest_ctx x = { .plan = plan, .at = at };
	struct item_filter f = { "open", p->id, at };
	char day[16];
	int rc = -1;

	memset(out, 0, sizeof *out);
	*empty = 1;
	for (int s = 0; s < NSECTIONS; s++)
		if ((x.section[s] = open_memstream(&x.text[s], &x.len[s])) == NULL) {
			error_set(err, ERR_INTERNAL, "out of memory");
			goto out;
		}
	if (day_bounds(&x, day) == -1) {
		error_set(err, ERR_INTERNAL, "the plan's zone %s is unknown", plan->tz);
		goto out;
	}
	if (store_item_each(db, plan->id, &f, add_item, &x, err) == -1)
		goto out;
	for (int s = 0; s < NSECTIONS; s++) {
		fclose(x.section[s]);
		x.section[s] = NULL;
		*empty &= x.count[s] == 0;
	}
	rc = *empty ? 0 : compose(&x, w, p->name, day, done_hint, out);
	if (rc == -1)
		error_set(err, ERR_INTERNAL, "out of memory");
out:
	for (int s = 0; s < NSECTIONS; s++) {
		if (x.section[s] != NULL)
			fclose(x.section[s]);
		free(x.text[s]);
	}
	return rc;
}
