/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "time/moment.h"
#include "remind/remind.h"
#include "remind/remind_int.h"
#include "remind/remind_report.h"
#include "store/plan_write.h"

/*
 * The reminders' API, part one: a plan's rules (GET .../remind; they are changed with the plan,
 * api_plan.c) and an item's own (GET and PUT .../items/{ref}/remind).
 */

int api_remind_rules(struct request *r, struct error *err)
{
	return api_plan_reply_rules(r, r->plan, err);
}

/* ---- an item's own rules --------------------------------------------------------------------- */

/* Hour and minute rules never go for an item of whole days (remind_fire): when the item's own
 * list has some, a warning names them. */
static void warn_sub_day(struct request *r, const struct remind_item *it,
			 const struct remind_list *own)
{
	struct remind_subject s;
	char names[128];

	remind_item_subject(it, &s);
	if (remind_whole_day(&s) && remind_list_sub_day(own, names, sizeof names) > 0)
		http_warn(r,
			  "«%s» will not go: hour and minute reminders do not apply to an item "
			  "without a time of day",
			  names);
}

/* {"item", "item_id", "title", "remind" (its own, or null), "rules", "next": [...]}; with
 * WARN, a warning about rules of its own that cannot go. */
static int reply_item_rules(struct request *r, const struct plan *p, int64_t id, int warn,
			    struct error *err)
{
	struct db *db = r->daemon->db;
	struct remind_pending_query pq = { NULL, id, clock_now(), 0, 0, 0 };
	struct remind_rules rules;
	struct remind_list own, list;
	struct remind_item it;
	char ref[64], text[128];
	json_t *next = json_array();
	int has, overdue_at;
	size_t total;

	if (remind_item_load(db, p->id, id, &it, err) != 1 ||
	    remind_store_plan_rules(db, p->id, &rules, err) == -1 ||
	    (has = remind_store_item_rules(db, id, &own, err)) == -1 ||
	    remind_item_rules(db, &it, &rules, &list, &overdue_at, err) == -1 ||
	    remind_report_pending(db, &r->daemon->config, p, &pq, next, &total, err) == -1) {
		json_decref(next);
		remind_item_free(&it);
		return -1;
	}
	if (warn && has)
		warn_sub_day(r, &it, &own);
	remind_item_ref(db, &it, ref, sizeof ref);
	remind_list_format(&list, text, sizeof text);
	r->reply = json_pack("{s:s, s:I, s:s, s:o, s:s, s:s, s:o}", "item", ref, "item_id",
			     (json_int_t)id, "title", it.title, "remind",
			     has ? json_string(own.n ? text : "none") : json_null(), "rules", text,
			     "overdue", overdue_at >= 0 ? "yes" : "no", "next", next);
	remind_item_free(&it);
	return 0;
}

int api_item_remind_set(struct request *r, struct error *err)
{
	static const struct field fields[] = { { "remind", FIELD_LINE, 200 }, { NULL, 0, 0 } };
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	struct plan_write w;
	const char *spec;
	int64_t id, now = clock_now();
	int rc = -1;

	if (json_in_check(r->body, fields, err) == -1 ||
	    api_item_resolve(db, p, r->args[1], &id, err) == -1)
		goto out;
	if ((spec = json_in_str(r->body, "remind")) == NULL) {
		error_set(err, ERR_INVALID,
			  "say the item's reminders: \"2h, 1d\", none, or default");
		goto out;
	}
	if (remind_item_spec_check(spec, err) == -1 || plan_write_begin(&w, db, p->id, err) == -1)
		goto out;
	if (remind_item_spec_set(db, id, spec, err) == -1 ||
	    store_item_touch(db, id, now, err) == -1 ||
	    remind_recompute(db, p->id, &id, 1, now, now, err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	rc = reply_item_rules(r, p, id, 1, err);
out:
	return rc;
}

int api_item_remind_show(struct request *r, struct error *err)
{
	const struct plan *p = r->plan;
	int64_t id;
	int rc = -1;

	if (api_item_resolve(r->daemon->db, p, r->args[1], &id, err) == 0)
		rc = reply_item_rules(r, p, id, 0, err);
	return rc;
}
