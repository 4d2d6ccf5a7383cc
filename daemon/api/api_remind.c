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
 * The reminders' API: a plan's rules (PATCH /plans/{slug}, "remind"), an item's own
 * (PUT /items/{ref}/remind), the listing, the test message, and the scheduler's state.
 */

/* ---- rules ----------------------------------------------------------------------------------- */

/* One parsed section of `plan edit --remind`. */
struct section {
	enum remind_section sec;
	char text[128]; /* canonical; empty for "default" */
};

static int parse_section(const char *line, struct section *s, struct error *err)
{
	struct remind_list l;
	const char *rest;
	int at;

	if (remind_section_split(line, &s->sec, &rest, err) == -1)
		return -1;
	s->text[0] = '\0';
	if (s->sec == REMIND_SEC_OVERDUE) {
		if (remind_overdue_parse(rest, &at, err) == -1)
			return -1;
		remind_overdue_format(at, s->text, sizeof s->text);
	} else if (s->sec != REMIND_SEC_DEFAULT) {
		if (remind_list_parse(rest, &l, err) == -1)
			return -1;
		remind_list_format(&l, s->text, sizeof s->text);
	}
	return 0;
}

/* The plan's schedule again, from now on, after its rules changed (inside a transaction). */
static int reschedule_plan(struct db *db, int64_t plan_id, int64_t now, struct error *err)
{
	int64_t *ids, max_updated;
	size_t n;
	int rc;

	if (remind_store_changed(db, plan_id, 0, 1, &ids, &n, &max_updated, err) == -1)
		return -1;
	rc = remind_recompute(db, plan_id, ids, n, now, now, err);
	free(ids);
	return rc;
}

static int reply_plan(struct request *r, const struct plan *p, struct error *err)
{
	json_t *rules = remind_report_rules(r->daemon->db, p->id, err);

	if (rules == NULL)
		return -1;
	r->reply = api_plan_json(p);
	json_object_set_new(r->reply, "remind", rules);
	return 0;
}

int api_plans_edit(struct request *r, struct error *err)
{
	static const struct field fields[] = { { "remind", FIELD_LINES, 8 }, { NULL, 0, 0 } };
	struct db *db = r->daemon->db;
	json_t *lines = json_object_get(r->body, "remind"), *v;
	struct section s[8];
	const struct plan *p = r->plan;
	struct plan_write w;
	int64_t now = clock_now();
	size_t i, n = 0;
	int rc = -1, bad = 0;

	if (json_in_check(r->body, fields, err) == -1)
		goto out;
	if (json_array_size(lines) == 0) {
		error_set(err, ERR_INVALID, "nothing to change: give --remind \"events 1d, 1h\"");
		goto out;
	}
	json_array_foreach (lines, i, v)
		if (parse_section(json_string_value(v), &s[n++], err) == -1)
			goto out;
	if (plan_write_begin(&w, db, p->id, err) == -1)
		goto out;
	for (i = 0; i < n && !bad; i++)
		bad = remind_store_set_plan_rules(db, p->id, s[i].sec,
						  *s[i].text ? s[i].text : NULL, err) == -1;
	/* The feeds' VALARMs follow the rules: their Last-Modified must move too. */
	if (bad || store_plan_touch(db, p->id, now, err) == -1 ||
	    reschedule_plan(db, p->id, now, err) == -1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	rc = reply_plan(r, p, err);
out:
	return rc;
}

int api_remind_rules(struct request *r, struct error *err)
{
	return reply_plan(r, r->plan, err);
}

/* ---- an item's own rules --------------------------------------------------------------------- */

int remind_item_spec_check(const char *spec, struct error *err)
{
	struct remind_list l;

	if (strcmp(spec, "default") == 0)
		return 0;
	return remind_list_parse(spec, &l, err);
}

int remind_item_spec_set(struct db *db, int64_t item_id, const char *spec, struct error *err)
{
	struct remind_list l;
	char text[128];

	if (strcmp(spec, "default") == 0)
		return remind_store_set_item_rules(db, item_id, NULL, err);
	if (remind_list_parse(spec, &l, err) == -1)
		return -1;
	if (l.n == 0)
		text[0] = '\0';
	else
		remind_list_format(&l, text, sizeof text);
	return remind_store_set_item_rules(db, item_id, text, err);
}

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
