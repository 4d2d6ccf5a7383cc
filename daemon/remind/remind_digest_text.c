/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remind/remind_digest.h"
#include "store/item_mark_store.h"
#include "time/moment.h"
#include "time/civil.h"
#include "time/tz.h"

/* What a digest says: the person's day, in the plan's language, one line per item. */

struct digest_words {
	const char *subject;	 /* "%s": the day */
	const char *hello;	 /* "%s": the person */
	const char *sections[3]; /* today, deadlines soon, overdue */
	const char *hint;	 /* "%s": the done command */
	const char *footer;
	const char *marks;	     /* what others marked since the last digest */
	const char *done, *reopened; /* "done: NAME, TIME" */
	const char *page;
};

static const struct digest_words words_ru = {
	"Сводка на %s",
	"Здравствуйте, %s!",
	{ "Сегодня:", "Сроки в ближайшие три дня:", "Просрочено:" },
	"Отметить выполненное: %s НОМЕР",
	"Это письмо отправлено автоматически (qweekd).",
	"Отмечено сотрудниками со времени прошлой сводки:",
	"выполнено",
	"снова в работе",
	"Ваша страница",
};
static const struct digest_words words_uk = {
	"Зведення на %s",
	"Доброго дня, %s!",
	{ "Сьогодні:", "Терміни найближчими трьома днями:", "Прострочено:" },
	"Позначити виконане: %s НОМЕР",
	"Цей лист надіслано автоматично (qweekd).",
	"Позначено працівниками від попереднього зведення:",
	"виконано",
	"знову в роботі",
	"Ваша сторінка",
};
static const struct digest_words words_en = {
	"Digest for %s",
	"Hello %s,",
	{ "Today:", "Due within three days:", "Overdue:" },
	"To mark one done: %s REF",
	"This message was sent automatically (qweekd).",
	"Marked by staff since the last digest:",
	"done",
	"reopened",
	"Your page",
};

enum { TODAY, SOON, OVERDUE, MARKS, NSECTIONS };

struct digest_ctx {
	const struct plan *plan;
	const struct digest_words *w;
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

/* A mark by someone else: "  3 Title — done: Иванова А. П., 14.11.2017 12:00", its note under. */
static int add_mark(const struct item_mark *m, void *arg)
{
	struct digest_ctx *x = arg;
	FILE *f = x->section[MARKS];
	char when[64];

	moment_human_instant(m->at, x->plan->tz, when, sizeof when);
	if (*m->label != '\0')
		fprintf(f, "  %s %s — ", m->label, m->title);
	else
		fprintf(f, "  @%lld %s — ", (long long)m->item_id, m->title);
	fprintf(f, "%s: %s%s%s\n", strcmp(m->state, "done") == 0 ? x->w->done : x->w->reopened,
		m->by, *m->by != '\0' ? ", " : "", when);
	if (*m->note != '\0') {
		fputs("    «", f);
		for (const char *s = m->note; *s != '\0'; s++)
			fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
		fputs("»\n", f);
	}
	x->count[MARKS]++;
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

static int compose(struct digest_ctx *x, const struct remind_digest_in *in, const char *day,
		   struct remind_msg *out)
{
	const struct digest_words *w = x->w;
	const char *heads[NSECTIONS] = { w->sections[0], w->sections[1], w->sections[2], w->marks };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return -1;
	fprintf(f, w->hello, in->person->name);
	fputs("\n\n", f);
	for (int s = 0; s < NSECTIONS; s++)
		if (x->count[s] > 0)
			fprintf(f, "%s\n%s\n", heads[s], x->text[s]);
	fprintf(f, w->hint, in->done_hint);
	if (in->page_url != NULL)
		fprintf(f, "\n%s: %s", w->page, in->page_url);
	fprintf(f, "\n\n-- \n%s\n", w->footer);
	if (fclose(f) != 0 || asprintf(&out->subject, w->subject, day) == -1) {
		free(buf);
		out->subject = NULL;
		return -1;
	}
	out->body = buf;
	return 0;
}

int64_t remind_digest_since(struct db *db, int64_t person_id, int64_t at)
{
	int64_t last = remind_digest_store_last_sent(db, person_id, at);

	return last != 0 ? last : at - 86400;
}

int remind_digest_text(struct db *db, const struct remind_digest_in *in, struct remind_msg *out,
		       int *empty, struct error *err)
{
	const struct plan *plan = in->plan;
	struct digest_ctx x = { .plan = plan, .at = in->at };
	struct item_filter f = { "open", in->person->id, in->at };
	char day[16];
	int rc = -1;

	x.w = strcmp(plan->lang, "uk") == 0 ? &words_uk :
	      strcmp(plan->lang, "en") == 0 ? &words_en :
					      &words_ru;
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
	if (store_item_each(db, plan->id, &f, add_item, &x, err) == -1 ||
	    store_item_mark_each(db, plan->id, in->since, in->at, in->person->name, add_mark, &x,
				 err) == -1)
		goto out;
	for (int s = 0; s < NSECTIONS; s++) {
		fclose(x.section[s]);
		x.section[s] = NULL;
		*empty &= x.count[s] == 0;
	}
	rc = *empty ? 0 : compose(&x, in, day, out);
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
