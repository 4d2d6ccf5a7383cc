/* SPDX-License-Identifier: MIT */
/* When reminders fire: each rule's instant for an item, in the plan's zone, and the overdue days. */
#ifndef QWEEK_REMIND_OCCUR_H
#define QWEEK_REMIND_OCCUR_H

#include <stdint.h>

#include "core/remind_rule.h"

/* What an item's reminders depend on (copied from struct item). */
struct remind_subject {
	const char *kind;   /* "event", "span", "deadline" */
	const char *stored; /* the start (events, spans) or the due (deadlines) as stored:
				 * an instant "…Z", a day "YYYY-MM-DD" or a month "YYYY-MM" */
	int64_t at;	    /* the start, or the due moment (for a day: its end) */
	int64_t late_after; /* overdue from this instant on */
};

/* One reminder of one item: when it fires, and which rule ("1d", "09:00", "overdue"). */
struct remind_occ {
	int64_t fire;
	char rule[REMIND_NAME_LEN];
	int overdue;
};

#define REMIND_OVERDUE_RULE "overdue"

/*
 * The instant rule R fires for S in zone TZ. Days count in the zone's calendar, so "1d" before
 * 10:00 is 10:00 the day before whatever the clocks did in between; a whole-day item (a day,
 * a span of days, a day or month deadline) is reminded at 09:00 on the day so many days
 * before its day (a month deadline's day is the month's last), and "1h"-like rules do not
 * apply to it. "09:00" fires on the item's day and applies only up to the item's moment.
 * Returns 1 (sets *OUT), 0 when R does not apply to S, -1 for an unknown zone.
 */
int remind_fire(const struct remind_rule *r, const struct remind_subject *s, const char *tz,
		int64_t *out);

/* True for whole-day items. */
int remind_whole_day(const struct remind_subject *s);

/*
 * The first overdue notice at or after FROM for an item late from LATE_AFTER: the first
 * working day (Monday to Friday, in zone TZ) at AT_LOCAL seconds after local midnight that is
 * after LATE_AFTER and not before FROM. Returns 1 (sets *OUT), 0 when AT_LOCAL < 0, -1.
 */
int remind_overdue_next(int at_local, int64_t late_after, int64_t from, const char *tz,
			int64_t *out);

/*
 * The occurrences of LIST (and, when OVERDUE_AT >= 0, of the overdue notices) for S that fire
 * in [FROM, TO], in time order, into OUT (room for MAX, at least 2). If there are more, the
 * earliest are left out. Returns how many, or -1 for an unknown zone.
 */
int remind_occurrences(const struct remind_list *list, int overdue_at,
		       const struct remind_subject *s, const char *tz, int64_t from, int64_t to,
		       struct remind_occ *out, int max);

/* The first occurrence at or after FROM: 1 (sets *NEXT), 0 none, -1 unknown zone. */
int remind_next(const struct remind_list *list, int overdue_at, const struct remind_subject *s,
		const char *tz, int64_t from, int64_t *next);

#endif
