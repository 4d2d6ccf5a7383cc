/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "rules.h"
#include "tz.h"

/* Reminder rules as data, and the one function that says when each fires for an item. */

const struct rule rules_default[] = {
	{ "1d", RULE_EVENT, 24 * 3600, -1 },
	{ "1h", RULE_EVENT, 3600, -1 },
	{ "3d", RULE_DEADLINE, 3 * 24 * 3600, -1 },
	{ "1d", RULE_DEADLINE, 24 * 3600, -1 },
	{ "day-09", RULE_DEADLINE, 0, 9 * 3600 },
	{ NULL, RULE_EVENT, 0, 0 },
};

enum rule_kind rules_kind_of(const char *item_kind)
{
	return strcmp(item_kind, "deadline") == 0 ? RULE_DEADLINE : RULE_EVENT;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* The local day (Y, M, D) the item is on: a stored "YYYY-MM-DD", "YYYY-MM" or an instant. */
static int item_day(const char *stored, int64_t at, const char *tz, int *y, int *m, int *d)
{
	struct tz_local l;
	size_t len = strlen(stored);

	if (len == 10 && sscanf(stored, "%4d-%2d-%2d", y, m, d) == 3)
		return 0;
	if (len == 7 && sscanf(stored, "%4d-%2d", y, m) == 2 && *m >= 1 && *m <= 12) {
		*d = days_in_month(*y, *m);
		return 0;
	}
	if (tz_from_utc(tz, at, &l) == -1)
		return -1;
	*y = l.year;
	*m = l.month;
	*d = l.day;
	return 0;
}

int rules_fire_at(const struct rule *r, const struct item *it, const char *tz, int64_t *out)
{
	enum rule_kind kind = rules_kind_of(it->kind);
	const char *stored = kind == RULE_DEADLINE ? it->due_at : it->start_at;
	int y, m, d;

	if (r->kind != kind)
		return 0;
	if (r->at_local < 0) {
		*out = it->at - r->before_sec;
		return 1;
	}
	if (item_day(stored, it->at, tz, &y, &m, &d) == -1 ||
	    tz_to_utc(tz, y, m, d, r->at_local / 3600, r->at_local / 60 % 60, r->at_local % 60,
		      out) == -1)
		return -1;
	return kind == RULE_DEADLINE && *out > it->at ? 0 : 1;
}
