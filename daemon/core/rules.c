/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "core/rules.h"

/* The default reminder rules, as data: the reminders and the feeds' VALARMs both read them. */

const struct rule rules_default[] = {
	{ "1d", RULE_EVENT, 24 * 3600, -1 },
	{ "1h", RULE_EVENT, 3600, -1 },
	{ "3d", RULE_DEADLINE, 3 * 24 * 3600, -1 },
	{ "1d", RULE_DEADLINE, 24 * 3600, -1 },
	{ "09:00", RULE_DEADLINE, 0, RULES_WHOLE_DAY_AT },
	{ NULL, RULE_EVENT, 0, 0 },
};

enum rule_kind rules_kind_of(const char *item_kind)
{
	return strcmp(item_kind, "deadline") == 0 ? RULE_DEADLINE : RULE_EVENT;
}
