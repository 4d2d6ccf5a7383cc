/* SPDX-License-Identifier: MIT */
/* The default reminder rules: when the daemon reminds, and which VALARMs the feeds carry. */
#ifndef QWEEK_RULES_H
#define QWEEK_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

enum rule_kind {
	RULE_EVENT,	/* events and spans: relative to the start */
	RULE_DEADLINE,	/* deadlines: relative to the due moment */
};

/*
 * One reminder. With AT_LOCAL = -1 it fires BEFORE_SEC seconds (exactly) before the item's
 * moment: an event's start, a deadline's due moment (for a day or a month: the end of it, the
 * moment it becomes late). With AT_LOCAL >= 0 it fires on the item's day (an event's first day,
 * a deadline's due day: its last day for a month) at that many seconds after local midnight in
 * the plan's zone, and BEFORE_SEC is ignored.
 */
struct rule {
	const char *name;	/* stable, for logs and for remembering what was sent: "1d" */
	enum rule_kind kind;
	int64_t before_sec;
	int at_local;
};

/* The rules the daemon uses, ended by a NULL name. */
extern const struct rule rules_default[];

/* The rule kind for an item kind ("event", "span", "deadline"). */
enum rule_kind rules_kind_of(const char *item_kind);

/*
 * The instant rule R fires for item IT of a plan in zone TZ. Returns 1 and sets *OUT; 0 when
 * the rule does not apply (another kind of item, or a time-of-day rule that would fire after
 * the due moment); -1 for an unknown zone or a malformed stored time.
 */
int rules_fire_at(const struct rule *r, const struct item *it, const char *tz, int64_t *out);

#endif
