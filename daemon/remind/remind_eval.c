/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "remind/remind_int.h"
#include "store/plan_write.h"

/*
 * What comes due. Each item keeps one instant, its next reminder (remind_next); when that has
 * come, the item's reminders that fell due since are worked out, and each person's latest one
 * is queued in the log (one row per channel) — unless it is too late to be of use, which is
 * what a long stop of the daemon or a jump of the clock leaves. Older ones that came due in
 * the same window are recorded as skipped: nobody wants three overdue notices at once.
 */

#define PLAN_CACHE_MAX 8

/* The plans met during one pass, with their rules. */
struct plan_cache {
	int n;
	struct {
		struct plan *plan;
		struct remind_rules rules;
	} v[PLAN_CACHE_MAX];
};

static void plan_cache_free(struct plan_cache *c)
{
	for (int i = 0; i < c->n; i++)
		plan_free(c->v[i].plan);
	c->n = 0;
}

/* Plan ID and its rules (owned by C); 0 or -1 with ERR. */
static int plan_get(struct db *db, struct plan_cache *c, int64_t id, struct plan **plan,
		    struct remind_rules **rules, struct error *err)
{
	int i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].plan->id == id)
			goto found;
	if (c->n == PLAN_CACHE_MAX)
		plan_cache_free(c);
	i = c->n;
	if ((c->v[i].plan = remind_store_plan(db, id, err)) == NULL)
		return -1;
	if (remind_store_plan_rules(db, id, &c->v[i].rules, err) == -1) {
		plan_free(c->v[i].plan);
		return -1;
	}
	c->n++;
found:
	*plan = c->v[i].plan;
	*rules = &c->v[i].rules;
	return 0;
}

/* What one row of the log gets: the item, the person, and which reminder. */
struct occ_ctx {
	struct db *db;
	const struct config *config;
	const struct remind_item *item;
	int64_t now;
};

/* Records occurrence O for person P as STATE ("queued" or "skipped", with REASON). */
static int record(const struct occ_ctx *x, const struct remind_person *p,
		  const struct remind_occ *o, const char *state, const char *reason,
		  struct error *err)
{
	const char *channels[2];
	int n = 0, queued = strcmp(state, "queued") == 0;
	struct remind_row row = { 0 };

	if (remind_has_email(x->config, p->email))
		channels[n++] = "email";
	if (remind_has_hook(x->config))
		channels[n++] = "hook";
	row.plan_id = x->item->plan_id;
	row.item_id = x->item->id;
	row.person_id = p->id;
	row.occurrence = o->fire;
	row.copy = p->copy;
	row.created = x->now;
	snprintf(row.rule, sizeof row.rule, "%s", o->rule);
	if (n == 0) {
		snprintf(row.channel, sizeof row.channel, "none");
		snprintf(row.state, sizeof row.state, "%s", queued ? "undeliverable" : state);
		snprintf(row.reason, sizeof row.reason, "%s",
			 queued ? "no email address and no "
				  "notify hook: nothing can reach this person" :
				  reason);
		return remind_log_insert(x->db, &row, err) == -1 ? -1 : 0;
	}
	for (int i = 0; i < n; i++) {
		int inserted;

		snprintf(row.channel, sizeof row.channel, "%s", channels[i]);
		snprintf(row.state, sizeof row.state, "%s", state);
		snprintf(row.reason, sizeof row.reason, "%s", reason);
		row.next_try = queued ? x->now : 0;
		if ((inserted = remind_log_insert(x->db, &row, err)) == -1)
			return -1;
		if (inserted && queued &&
		    remind_log_supersede(x->db, row.item_id, p->id, channels[i], o->fire, err))
			return -1;
	}
	return 0;
}

/* Person P's share of the occurrences OCC[N]: the latest is sent if still of use. */
static int for_person(const struct occ_ctx *x, const struct remind_person *p,
		      const struct remind_occ *occ, int n, struct error *err)
{
	int last = -1;

	for (int i = 0; i < n; i++) {
		if (p->copy && !occ[i].overdue)
			continue; /* directors get copies of overdue notices only */
		if (last >= 0 && record(x, p, &occ[last], "skipped",
					"several came due at once: "
					"only the latest counts",
					err) == -1)
			return -1;
		last = i;
	}
	if (last < 0)
		return 0;
	if (remind_useful(x->item, occ[last].overdue, x->now))
		return record(x, p, &occ[last], "queued", "", err);
	return record(
		x, p, &occ[last], "skipped",
		strcmp(x->item->kind, "deadline") == 0 ?
			"came due while reminders could not run; by then the deadline had passed" :
			"came due while reminders could not run; by then it had started",
		err);
}

/* Queues the occurrences OCC[N] of the item for its people (and directors, if overdue). */
static int queue_occurrences(const struct occ_ctx *x, const struct remind_occ *occ, int n,
			     struct error *err)
{
	struct remind_people people = { 0 };
	int overdue = 0, rc = 0;

	for (int i = 0; i < n; i++)
		overdue |= occ[i].overdue;
	if (remind_store_recipients(x->db, x->item->id, &people, err) == -1 ||
	    (overdue && remind_store_directors(x->db, x->item->plan_id, &people, err) == -1))
		rc = -1;
	for (size_t i = 0; rc == 0 && i < people.n; i++)
		rc = for_person(x, &people.v[i], occ, n, err);
	if (rc == 0 && people.n == 0)
		log_info("reminders: item @%lld is due a reminder but has nobody on it",
			 (long long)x->item->id);
	remind_people_free(&people);
	return rc;
}

/* Cancels (or expires) the item's waiting reminders that no longer stand. */
static int settle_open_rows(struct db *db, const struct remind_item *it,
			    const struct remind_list *list, int overdue_at, const char *tz,
			    int64_t now, struct error *err)
{
	struct remind_row rows[32];
	const char *why;
	int n = remind_log_open_of_item(db, it->id, rows, 32, err);

	for (int i = 0; i < n; i++) {
		enum remind_verdict v =
			remind_row_check(db, &rows[i], it, list, overdue_at, tz, now, &why);
		const char *state = v == REMIND_CANCEL	 ? "cancelled" :
				    rows[i].attempts > 0 ? "expired" :
							   "skipped";

		if (v != REMIND_KEEP && remind_log_finish(db, rows[i].id, state, why,
							  rows[i].attempts, 0, 0, err) == -1)
			return -1;
	}
	return n < 0 ? -1 : 0;
}

/* The item's due window [NEXT_AT, NOW]: queue what fell due, and schedule what comes next. */
static int handle_item(struct db *db, const struct config *c, struct plan_cache *cache,
		       const struct remind_due *due, int64_t now, struct error *err)
{
	struct remind_occ occ[REMIND_OCC_MAX];
	struct remind_item it;
	struct remind_subject s;
	struct remind_list list;
	struct remind_rules *rules;
	struct plan *plan;
	struct occ_ctx x = { db, c, &it, now };
	int64_t next = 0;
	int found, n, overdue_at, rc = -1;

	if ((found = remind_item_load(db, due->plan_id, due->item_id, &it, err)) != 1)
		return found == 0 ? remind_store_drop_next(db, due->item_id, err) : -1;
	if (plan_get(db, cache, due->plan_id, &plan, &rules, err) == -1 ||
	    remind_item_rules(db, &it, rules, &list, &overdue_at, err) == -1)
		goto out;
	remind_item_subject(&it, &s);
	if (strcmp(it.state, "open") != 0) {
		rc = settle_open_rows(db, &it, &list, overdue_at, plan->tz, now, err);
		goto schedule;
	}
	if ((n = remind_occurrences(&list, overdue_at, &s, plan->tz, due->next_at, now, occ,
				    REMIND_OCC_MAX)) < 0 ||
	    remind_next(&list, overdue_at, &s, plan->tz, now + 1, &next) == -1) {
		log_error("reminders: item @%lld: cannot compute its reminders in zone %s",
			  (long long)it.id, plan->tz);
		next = 0;
		rc = 0;
		goto schedule;
	}
	rc = n > 0 ? queue_occurrences(&x, occ, n, err) : 0;
schedule:
	if (rc == 0)
		rc = remind_store_set_next(db, it.id, it.plan_id, it.seq, next, err);
out:
	remind_item_free(&it);
	return rc;
}

int remind_eval_due(struct db *db, const struct config *c, int64_t now, struct error *err)
{
	struct remind_due due[REMIND_BATCH];
	struct plan_cache cache = { 0 };
	struct plan_write w;
	int n, rc = 0, rounds = 0;

	while (rc == 0 && rounds++ < REMIND_ROUNDS &&
	       (n = remind_store_due(db, now, due, REMIND_BATCH, err)) != 0) {
		if (n < 0 || plan_write_begin_quiet(&w, db, err) == -1) {
			rc = -1;
			break;
		}
		for (int i = 0; i < n && rc == 0; i++)
			rc = handle_item(db, c, &cache, &due[i], now, err);
		if (rc == -1 || plan_write_commit(&w, err) == -1) {
			plan_write_rollback(&w);
			rc = -1;
		}
	}
	plan_cache_free(&cache);
	return rc;
}

/* Item IT of PLAN changed: its next reminder from max(its last change, FLOOR) on. */
static int recompute_one(struct db *db, struct plan *plan, const struct remind_rules *rules,
			 int64_t id, int64_t floor, int64_t now, struct error *err)
{
	struct remind_item it;
	struct remind_subject s;
	struct remind_list list;
	int64_t next = 0;
	int found, overdue_at, rc = -1;

	if ((found = remind_item_load(db, plan->id, id, &it, err)) != 1)
		return found;
	if (remind_item_rules(db, &it, rules, &list, &overdue_at, err) == -1)
		goto out;
	remind_item_subject(&it, &s);
	if (strcmp(it.state, "open") == 0 &&
	    remind_next(&list, overdue_at, &s, plan->tz, it.updated > floor ? it.updated : floor,
			&next) != 1)
		next = 0;
	if (remind_store_set_next(db, it.id, plan->id, it.seq, next, err) == 0)
		rc = settle_open_rows(db, &it, &list, overdue_at, plan->tz, now, err);
out:
	remind_item_free(&it);
	return rc;
}

int remind_recompute(struct db *db, int64_t plan_id, const int64_t *ids, size_t n, int64_t floor,
		     int64_t now, struct error *err)
{
	struct plan_cache cache = { 0 };
	struct remind_rules *rules;
	struct plan *plan;
	int rc = 0;

	if (n == 0)
		return 0;
	if (plan_get(db, &cache, plan_id, &plan, &rules, err) == -1)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = recompute_one(db, plan, rules, ids[i], floor, now, err);
	plan_cache_free(&cache);
	return rc;
}
