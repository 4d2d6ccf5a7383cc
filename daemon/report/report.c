/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "report/report.h"
#include "survey/survey_results.h"
#include "time/tz.h"
#include "time/when_format.h"
#include "grow.h"

/* Counting by state and by person, once for the JSON status, the status page and the report. */

void report_tally_init(struct report_tally *t, int64_t now)
{
	memset(t, 0, sizeof *t);
	t->now = now;
}

void report_tally_free(struct report_tally *t)
{
	for (size_t i = 0; i < t->npeople; i++)
		free(t->people[i].name);
	free(t->people);
	t->people = NULL;
	t->npeople = t->cap = 0;
}

static struct report_person *person_row(struct report_tally *t, const char *name, size_t len)
{
	struct report_person *grown;

	for (size_t i = 0; i < t->npeople; i++)
		if (strncmp(t->people[i].name, name, len) == 0 && t->people[i].name[len] == '\0')
			return &t->people[i];
	if (grow(&t->people, &t->cap, t->npeople + 1, sizeof *t->people) == -1)
		return NULL;
	grown = &t->people[t->npeople];
	memset(grown, 0, sizeof *grown);
	if ((grown->name = strndup(name, len)) == NULL)
		return NULL;
	t->npeople++;
	return grown;
}

static void count_people(struct report_tally *t, const char *who, int done, int late)
{
	struct report_person *row;

	while (*who != '\0') {
		size_t n = strcspn(who, "\x1f");
		if ((row = person_row(t, who, n)) == NULL) {
			t->failed = 1;
			return;
		}
		row->total++;
		row->done += done;
		row->overdue += late;
		who += n + (who[n] == '\x1f');
	}
}

enum report_mark report_tally_add(struct report_tally *t, const struct item *it)
{
	int done = strcmp(it->state, "done") == 0, open = strcmp(it->state, "open") == 0;
	int late = open && it->late_after <= t->now;

	t->total++;
	t->done += done;
	t->open += open;
	t->overdue += late;
	t->cancelled += !done && !open;
	if (done && it->done_at <= it->late_after)
		t->done_on_time++;
	else if (done)
		t->done_late++;
	if (done || open)
		count_people(t, it->who, done, late);
	if (done)
		return REPORT_DONE;
	if (!open)
		return REPORT_CANCELLED;
	if (late)
		return REPORT_OVERDUE;
	if (it->at >= t->now && it->at < t->now + REPORT_SOON_SEC)
		return REPORT_SOON;
	return REPORT_OPEN;
}

void report_tally_write(struct jsonw *w, const struct report_tally *t, int people)
{
	jsonw_key_int(w, "total", t->total);
	jsonw_key_int(w, "done", t->done);
	jsonw_key_int(w, "open", t->open);
	jsonw_key_int(w, "overdue", t->overdue);
	jsonw_key_int(w, "cancelled", t->cancelled);
	jsonw_key_int(w, "done_on_time", t->done_on_time);
	jsonw_key_int(w, "done_late", t->done_late);
	if (!people)
		return;
	jsonw_key(w, "by_person");
	jsonw_array(w);
	for (size_t i = 0; i < t->npeople; i++) {
		jsonw_object(w);
		jsonw_key(w, "name");
		jsonw_string(w, t->people[i].name);
		jsonw_key_int(w, "total", t->people[i].total);
		jsonw_key_int(w, "done", t->people[i].done);
		jsonw_key_int(w, "overdue", t->people[i].overdue);
		jsonw_end(w, '}');
	}
	jsonw_end(w, ']');
}

int report_percent(int64_t part, int64_t total)
{
	return total > 0 ? (int)(part * 100 / total) : 0;
}

int report_share_on_time(const struct report_tally *t)
{
	return report_percent(t->done_on_time, t->total - t->cancelled);
}

char *report_share_text(const char *lang, const struct report_tally *t, char *buf, size_t len)
{
	int64_t planned = t->total - t->cancelled;
	int n = snprintf(buf, len, "%lld %s %lld %s, %d %%", (long long)t->done, i18n(lang, W_OF),
			 (long long)planned, i18n(lang, W_OF_PLANNED),
			 report_percent(t->done, planned));

	if (t->cancelled > 0 && n >= 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, "; %lld %s", (long long)t->cancelled,
			 i18n(lang, W_STATE_CANCELLED));
	return buf;
}

/* ---- a plan's items, kept --------------------------------------------------------------- */

void report_item_free(struct report_item *it)
{
	free(it->label);
	free(it->title);
	free(it->kind);
	free(it->start_at);
	free(it->end_at);
	free(it->due_at);
	free(it->state);
	free(it->done_by);
	free(it->note);
	free(it->who);
	free(it->place);
}

/* Names joined by '\x1f' as "A, B", malloc'd. */
static char *join_names(const char *who)
{
	size_t n = strlen(who), seps = 0;
	char *out, *o;

	for (const char *s = who; *s != '\0'; s++)
		seps += *s == '\x1f';
	if ((o = out = malloc(n + seps + 1)) == NULL)
		return NULL;
	for (const char *s = who; *s != '\0'; s++) {
		if (*s == '\x1f') {
			*o++ = ',';
			*o++ = ' ';
		} else
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

int report_item_copy(struct report_item *d, const struct item *s)
{
	memset(d, 0, sizeof *d);
	d->id = s->id;
	d->at = s->at;
	d->late_after = s->late_after;
	d->done_at = s->done_at;
	d->label = strdup(s->label);
	d->title = strdup(s->title);
	d->kind = strdup(s->kind);
	d->start_at = strdup(s->start_at);
	d->end_at = strdup(s->end_at);
	d->due_at = strdup(s->due_at);
	d->state = strdup(s->state);
	d->done_by = strdup(s->done_by);
	d->note = strdup(s->note);
	d->who = join_names(s->who);
	d->place = strdup(s->place);
	if (!d->label || !d->title || !d->kind || !d->start_at || !d->end_at || !d->due_at ||
	    !d->state || !d->done_by || !d->note || !d->who || !d->place) {
		report_item_free(d);
		return -1;
	}
	return 0;
}

static int keep_item(const struct item *it, void *arg)
{
	struct report *r = arg;

	if (grow(&r->items, &r->cap, r->nitems + 1, sizeof *r->items) == -1)
		return -1;
	if (report_item_copy(&r->items[r->nitems], it) == -1)
		return -1;
	/* A deadline is due by the end of its day: it belongs to that day, not the next. */
	if (report_local_day(it->at - (strcmp(it->kind, "deadline") == 0), r->plan->tz,
			     r->items[r->nitems].day) == -1)
		snprintf(r->items[r->nitems].day, 11, "%s", "?");
	r->items[r->nitems++].mark = report_tally_add(&r->tally, it);
	return r->tally.failed ? -1 : 0;
}

struct report *report_load(struct db *db, struct plan *p, int64_t now, struct error *err)
{
	struct item_filter all = { .now = now };
	struct report *r = calloc(1, sizeof *r);

	if (r == NULL) {
		plan_free(p);
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	r->plan = p;
	r->survey_count = -1;
	report_tally_init(&r->tally, now);
	if (store_item_each(db, p->id, &all, keep_item, r, err) == -1) {
		if (err->kind == ERR_NONE)
			error_set(err, ERR_INTERNAL, "out of memory");
		report_free(r);
		return NULL;
	}
	return r;
}

void report_free(struct report *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nitems; i++)
		report_item_free(&r->items[i]);
	free(r->items);
	report_tally_free(&r->tally);
	survey_results_free(r->survey);
	plan_free(r->plan);
	free(r);
}

/* ---- how times read --------------------------------------------------------------------- */

int report_local_day(int64_t t, const char *tz, char buf[11])
{
	struct tz_local l;

	if (tz_from_utc(tz, t, &l) == -1)
		return -1;
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)l.year % 10000u, (unsigned)l.month % 100u,
		 (unsigned)l.day % 100u);
	return 0;
}

/* A stored time as people write it: an instant, a day, or a month in LANG ("ноябрь 2026"). */
static void human(const char *stored, const char *tz, const char *lang, char *buf, size_t len)
{
	size_t n = strlen(stored);
	int64_t t;
	int y, m;

	if (n == 20 && clock_parse_utc(stored, &t) == 0)
		moment_human_instant(t, tz, buf, len);
	else if (n == 10)
		moment_human_day(stored, buf, len);
	else if (n == 7 && sscanf(stored, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12)
		snprintf(buf, len, "%s %04d", when_month_word(m, lang, 0), y);
	else
		snprintf(buf, len, "%s", stored);
}

char *report_when(const struct report_item *it, const char *tz, const char *lang, char *buf,
		  size_t len)
{
	char a[40], b[40];

	if (*it->due_at != '\0') {
		human(it->due_at, tz, lang, a, sizeof a);
		if (strlen(it->due_at) == 7) /* a month is a deadline by itself: "ноябрь 2026" */
			snprintf(buf, len, "%s", a);
		else
			snprintf(buf, len, "%s %s", i18n(lang, W_DUE_BY), a);
		return buf;
	}
	human(it->start_at, tz, lang, a, sizeof a);
	if (*it->end_at == '\0') {
		snprintf(buf, len, "%s", a);
		return buf;
	}
	human(it->end_at, tz, lang, b, sizeof b);
	if (strlen(a) == 16 && strlen(b) == 16 && strncmp(a, b, 10) == 0)
		snprintf(buf, len, "%s–%s", a, b + 11);
	else
		snprintf(buf, len, "%s–%s", a, b);
	return buf;
}

char *report_outcome(const struct report_item *it, int64_t now, const char *lang, char *buf,
		     size_t len)
{
	char d[64];

	switch (it->mark) {
	case REPORT_DONE:
		if (it->done_at <= it->late_after)
			snprintf(buf, len, "%s", i18n(lang, W_ON_TIME));
		else
			snprintf(buf, len, "%s %s", i18n(lang, W_LATE_BY),
				 i18n_duration(lang, it->done_at - it->late_after, d, sizeof d));
		break;
	case REPORT_OVERDUE:
		snprintf(buf, len, "%s (%s %s)", i18n(lang, W_NOT_DONE), i18n(lang, W_OVERDUE_BY),
			 i18n_duration(lang, now - it->late_after, d, sizeof d));
		break;
	case REPORT_CANCELLED:
		snprintf(buf, len, "%s", i18n(lang, W_STATE_CANCELLED));
		break;
	default:
		snprintf(buf, len, "%s", i18n(lang, W_IN_PROGRESS));
		break;
	}
	return buf;
}

char *report_completed(const struct report_item *it, const char *tz, char *buf, size_t len)
{
	char at[40];

	*buf = '\0';
	if (it->mark != REPORT_DONE || it->done_at == 0)
		return buf;
	moment_human_instant(it->done_at, tz, at, sizeof at);
	snprintf(buf, len, "%s%s%s", at, *it->done_by != '\0' ? ", " : "", it->done_by);
	return buf;
}
