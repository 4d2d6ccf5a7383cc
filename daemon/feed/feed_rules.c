/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "feed/feed_rules.h"
#include "store/remind_store.h"
#include "grow.h"

/*
 * The rules behind a feed's VALARMs are the reminders' own: what `plan edit --remind` and
 * `add/edit --remind` stored, read through the reminders' store, so that a calendar app
 * reminds when qweekd does. An item's own rules are read for the whole plan in one query.
 */

static int keep_own(int64_t item_id, const struct remind_list *l, void *ctx)
{
	struct feed_rules *r = ctx;
	size_t cap = r->cap; /* both arrays have R->cap: IDS grows on a copy of it */

	if (grow(&r->ids, &cap, r->n + 1, sizeof *r->ids) == -1 ||
	    grow(&r->own, &r->cap, r->n + 1, sizeof *r->own) == -1)
		return -1;
	r->ids[r->n] = item_id;
	r->own[r->n++] = *l;
	return 0;
}

int feed_rules_load(struct db *db, int64_t plan_id, struct feed_rules *r, struct error *err)
{
	memset(r, 0, sizeof *r);
	if (remind_store_plan_rules(db, plan_id, &r->plan, err) == -1 ||
	    remind_store_plan_item_rules(db, plan_id, keep_own, r, err) == -1) {
		feed_rules_free(r);
		return -1;
	}
	return 0;
}

void feed_rules_free(struct feed_rules *r)
{
	free(r->ids);
	free(r->own);
	memset(r, 0, sizeof *r);
}

const struct remind_list *feed_rules_of(const struct feed_rules *r, int64_t id, const char *kind)
{
	size_t lo = 0, hi = r->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->ids[mid] == id)
			return &r->own[mid];
		if (r->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return strcmp(kind, "deadline") == 0 ? &r->plan.deadlines : &r->plan.events;
}
