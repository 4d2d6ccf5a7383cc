/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remind/remind_occur.h"
#include "time/civil.h"
#include "time/tz.h"

/*
 * Reminder instants. Everything is computed from wall time in the plan's zone and converted
 * once (tz_to_utc), so "09:00" is 09:00 on both sides of a daylight-saving change, a day is a
 * calendar day, and a wall time that occurs twice (the night the clocks go back) is taken once.
 */

int remind_whole_day(const struct remind_subject *s)
{
	size_t len = strlen(s->stored);

	return len == 10 || len == 7;
}

/* The item's local day (days since the epoch): its stored day, a month's last, an instant's. */
static int item_day(const struct remind_subject *s, const char *tz, int64_t *days)
{
	size_t len = strlen(s->stored);
	struct tz_local l;
	int y, m, d;

	if (len == 10 && sscanf(s->stored, "%4d-%2d-%2d", &y, &m, &d) == 3) {
		*days = civil_days(y, m, d);
		return 0;
	}
	if (len == 7 && sscanf(s->stored, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12) {
		*days = civil_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
		return 0;
	}
	if (tz_from_utc(tz, s->at, &l) == -1)
		return -1;
	*days = civil_days(l.year, l.month, l.day);
	return 0;
}

/* The instant of local wall time SECS after midnight of day DAYS in TZ. */
static int day_at(int64_t days, int64_t secs, const char *tz, int64_t *out)
{
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	return tz_to_utc(tz, y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60),
			 out);
}

/* "1d" before a timed item: the same wall time N calendar days earlier. */
static int days_before(const struct remind_subject *s, int64_t n, const char *tz, int64_t *out)
{
	struct tz_local l;
	int64_t days;

	if (tz_from_utc(tz, s->at, &l) == -1)
		return -1;
	days = civil_days(l.year, l.month, l.day) - n;
	return day_at(days, (int64_t)l.hour * 3600 + l.minute * 60 + l.second, tz, out);
}

int remind_fire(const struct remind_rule *r, const struct remind_subject *s, const char *tz,
		int64_t *out)
{
	int whole = remind_whole_day(s);
	int64_t day;

	switch (r->type) {
	case REMIND_BEFORE_SEC:
		if (whole)
			return 0;
		*out = s->at - r->amount;
		return 1;
	case REMIND_BEFORE_DAYS:
		if (!whole)
			return days_before(s, r->amount, tz, out) == -1 ? -1 : 1;
		if (item_day(s, tz, &day) == -1 || day_at(day - r->amount, REMIND_MORNING, tz, out))
			return -1;
		return 1;
	case REMIND_ON_DAY:
		if (item_day(s, tz, &day) == -1 || day_at(day, r->amount, tz, out) == -1)
			return -1;
		return whole ? *out < s->late_after : *out <= s->at;
	}
	return 0;
}

int remind_overdue_next(int at_local, int64_t late_after, int64_t from, const char *tz,
			int64_t *out)
{
	int64_t start = from > late_after + 1 ? from : late_after + 1, days;
	struct tz_local l;

	if (at_local < 0)
		return 0;
	if (tz_from_utc(tz, start, &l) == -1)
		return -1;
	days = civil_days(l.year, l.month, l.day);
	for (int i = 0; i < 10; i++, days++) {
		int wd = civil_weekday(days);

		if (wd == 0 || wd == 6)
			continue;
		if (day_at(days, at_local, tz, out) == -1)
			return -1;
		if (*out >= start)
			return 1;
	}
	return 0; /* not reached: a week always has a working day */
}

static int by_fire(const void *a, const void *b)
{
	const struct remind_occ *x = a, *y = b;

	if (x->fire != y->fire)
		return x->fire < y->fire ? -1 : 1;
	return x->overdue - y->overdue;
}

/* The rules' occurrences in [FROM, TO] into OUT; returns how many, or -1. */
static int rule_occurrences(const struct remind_list *list, const struct remind_subject *s,
			    const char *tz, int64_t from, int64_t to, struct remind_occ *out,
			    int max)
{
	int n = 0, rc;
	int64_t t;

	for (int i = 0; i < list->n && n < max; i++) {
		if ((rc = remind_fire(&list->r[i], s, tz, &t)) == -1)
			return -1;
		if (rc == 0 || t < from || t > to)
			continue;
		out[n].fire = t;
		out[n].overdue = 0;
		remind_rule_name(&list->r[i], out[n].rule);
		n++;
	}
	return n;
}

int remind_occurrences(const struct remind_list *list, int overdue_at,
		       const struct remind_subject *s, const char *tz, int64_t from, int64_t to,
		       struct remind_occ *out, int max)
{
	int n = rule_occurrences(list, s, tz, from, to, out, max - 1), room, kept = 0, rc;
	int64_t t = from;
	struct remind_occ *ring;

	if (n < 0)
		return -1;
	room = max - n;
	ring = out + n;
	/* Overdue notices: keep the latest ROOM of them, in a ring. */
	while ((rc = remind_overdue_next(overdue_at, s->late_after, t, tz, &t)) == 1 && t <= to) {
		struct remind_occ *o = &ring[kept % room];

		o->fire = t;
		o->overdue = 1;
		snprintf(o->rule, sizeof o->rule, "%s", REMIND_OVERDUE_RULE);
		kept++;
		t++;
	}
	if (rc == -1)
		return -1;
	n += kept < room ? kept : room;
	qsort(out, (size_t)n, sizeof *out, by_fire);
	return n;
}

int remind_next(const struct remind_list *list, int overdue_at, const struct remind_subject *s,
		const char *tz, int64_t from, int64_t *next)
{
	int found = 0, rc;
	int64_t t;

	for (int i = 0; i < list->n; i++) {
		if ((rc = remind_fire(&list->r[i], s, tz, &t)) == -1)
			return -1;
		if (rc == 1 && t >= from && (!found || t < *next)) {
			*next = t;
			found = 1;
		}
	}
	if ((rc = remind_overdue_next(overdue_at, s->late_after, from, tz, &t)) == -1)
		return -1;
	if (rc == 1 && (!found || t < *next)) {
		*next = t;
		found = 1;
	}
	return found;
}
