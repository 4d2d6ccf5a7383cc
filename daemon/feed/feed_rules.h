/* SPDX-License-Identifier: MIT */
/* The reminder rules a feed's VALARMs follow: the plan's, and the items' own. */
#ifndef QWEEK_FEED_RULES_H
#define QWEEK_FEED_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "core/remind_rule.h"

/* A plan's rules as the reminders read them (remind_store.h), loaded once per rendering. */
struct feed_rules {
	struct remind_rules plan;
	int64_t *ids; /* items with their own rules, ascending */
	struct remind_list *own;
	size_t n, cap;
};

/* Loads plan PLAN_ID's rules into R; 0, or -1 with ERR. Free with feed_rules_free. */
int feed_rules_load(struct db *db, int64_t plan_id, struct feed_rules *r, struct error *err);
void feed_rules_free(struct feed_rules *r);

/* The rules of item ID of kind KIND ("event", "span", "deadline"): its own, else the plan's. */
const struct remind_list *feed_rules_of(const struct feed_rules *r, int64_t id, const char *kind);

#endif
