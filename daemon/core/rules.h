/* SPDX-License-Identifier: MIT */
/* Reminder rules and the defaults: when the daemon reminds, and the VALARMs feeds carry. */
#ifndef QWEEK_RULES_H
#define QWEEK_RULES_H

#include <stddef.h>
#include <stdint.h>

enum rule_kind {
	RULE_EVENT,    /* events and spans: relative to the start */
	RULE_DEADLINE, /* deadlines: relative to the due moment */
};

/* Whole-day items (a day, a span of days, a day or month deadline) are reminded at 09:00. */
#define RULES_WHOLE_DAY_AT (9 * 3600)

/*
 * One reminder, counted the way people count (remind_occur.h does the sums for the reminders,
 * feed_item.c writes the same as VALARMs):
 *   - AT_LOCAL = -1 and BEFORE_SEC a whole number of days: that many calendar days before the
 *     item's moment, at the same wall time in the plan's zone; for a whole-day item, at
 *     RULES_WHOLE_DAY_AT on the day that many days before its day;
 *   - AT_LOCAL = -1 otherwise: exactly BEFORE_SEC seconds before the moment (not for whole-day
 *     items);
 *   - AT_LOCAL >= 0: on the item's day at that many seconds after local midnight, if that is
 *     not after the item's moment.
 * The item's moment is an event's start or a deadline's due moment (a day's or month's end);
 * its day is an event's first day or a deadline's due day (a month's last day).
 */
struct rule {
	const char *name; /* stable, for logs and for remembering what was sent: "1d" */
	enum rule_kind kind;
	int64_t before_sec;
	int at_local;
};

/* The rules of a plan that has none of its own (feeds and reminders alike), ended by a NULL
 * name. */
extern const struct rule rules_default[];

/* The rule kind for an item kind ("event", "span", "deadline"). */
enum rule_kind rules_kind_of(const char *item_kind);

#endif
