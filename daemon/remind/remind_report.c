/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/moment.h"
#include "remind/remind_report.h"
#include "grow.h"

/*
 * What `qweek remind list` shows. Reminders to come are not stored anywhere: they are worked
 * out here from each open item's rules and its next reminder, for the people it reaches now.
 */

/* One reminder to come. */
struct pend {
	int64_t fire, item_id, person_id;
	int copy;
	char rule[REMIND_NAME_LEN];
};

struct pend_ctx {
	struct db *db;
	const struct config *config;
	const struct plan *plan;
	struct remind_rules rules;
	struct remind_people only; /* when asked for one person or group: who */
	int filtered, stopped;
	int64_t now;
	struct pend *v;
	size_t n, cap;
	struct error *err;
};

static json_t *instant_or_null(int64_t t, const char *tz)
{
	char buf[40];

	if (t == 0)
		return json_null();
	moment_iso_instant(t, tz, buf, sizeof buf);
	return json_string(buf);
}

static json_t *ref_json(int64_t item_id, const char *label)
{
	char buf[32];

	if (item_id == 0)
		return json_null();
	if (*label != '\0')
		return json_string(label);
	snprintf(buf, sizeof buf, "@%lld", (long long)item_id);
	return json_string(buf);
}

json_t *remind_report_row(const struct remind_row *row, const char *label, const char *title,
			  const char *person, const char *tz)
{
	return json_pack(
		"{s:I, s:s, s:o, s:o, s:o, s:s, s:s, s:s, s:b, s:s, s:i, s:o, s:o, s:s}", "id",
		(json_int_t)row->id, "state", row->state, "at",
		instant_or_null(row->occurrence, tz), "item", ref_json(row->item_id, label),
		"item_id", row->item_id ? json_integer(row->item_id) : json_null(), "title", title,
		"person", person, "rule", row->rule, "copy", row->copy, "channel", row->channel,
		"attempts", row->attempts, "next_try", instant_or_null(row->next_try, tz),
		"sent_at", instant_or_null(row->sent_at, tz), "reason", row->reason);
}

static int push(struct pend_ctx *x, int64_t fire, int64_t item_id, const struct remind_person *p,
		const char *rule)
{
	struct pend *v;

	if (x->filtered) {
		int in = 0;
		for (size_t i = 0; i < x->only.n; i++)
			in |= x->only.v[i].id == p->id;
		if (!in)
			return 0;
	}
	if (grow(&x->v, &x->cap, x->n + 1, sizeof *x->v) == -1)
		return error_set(x->err, ERR_INTERNAL, "out of memory");
	v = &x->v[x->n++];
	v->fire = fire;
	v->item_id = item_id;
	v->person_id = p->id;
	v->copy = p->copy;
	snprintf(v->rule, sizeof v->rule, "%s", rule);
	return 0;
}

/* The occurrences to come of IT from FROM on: every rule's, and the next overdue notice. */
static int occurrences(const struct remind_item *it, const struct remind_list *list, int overdue_at,
		       const char *tz, int64_t from, struct remind_occ *occ)
{
	struct remind_subject s;
	int n = 0;

	remind_item_subject(it, &s);
	for (int i = 0; i < list->n; i++)
		if (remind_fire(&list->r[i], &s, tz, &occ[n].fire) == 1 && occ[n].fire >= from) {
			remind_rule_name(&list->r[i], occ[n].rule);
			occ[n++].overdue = 0;
		}
	if (remind_overdue_next(overdue_at, s.late_after, from, tz, &occ[n].fire) == 1) {
		snprintf(occ[n].rule, sizeof occ[n].rule, "%s", REMIND_OVERDUE_RULE);
		occ[n++].overdue = 1;
	}
	return n;
}

/* Views a row of store_item_each as a remind_item (read-only: never freed). */
static void view(const struct item *src, struct remind_item *it)
{
	it->id = src->id;
	it->plan_id = src->plan_id;
	it->at = src->at;
	it->late_after = src->late_after;
	it->updated = src->updated;
	it->seq = src->seq;
	it->kind = (char *)src->kind;
	it->state = (char *)src->state;
	it->label = (char *)src->label;
	it->title = (char *)src->title;
	it->place = (char *)src->place;
	it->who = (char *)src->who;
	it->start_at = (char *)src->start_at;
	it->end_at = (char *)src->end_at;
	it->due_at = (char *)src->due_at;
}

static int pend_item(const struct item *src, void *arg)
{
	struct pend_ctx *x = arg;
	struct remind_occ occ[REMIND_LIST_MAX + 1];
	struct remind_people people = { 0 };
	struct remind_item it;
	struct remind_list list;
	int64_t next_at = 0;
	int n, overdue_at, rc = 0;

	view(src, &it);
	if (remind_item_rules(x->db, &it, &x->rules, &list, &overdue_at, x->err) == -1 ||
	    remind_store_get_next(x->db, it.id, &next_at, x->err) == -1)
		return -1;
	if (next_at == 0)
		return 0; /* nothing more to come */
	n = occurrences(&it, &list, overdue_at, x->plan->tz, next_at > x->now ? next_at : x->now,
			occ);
	if (n == 0)
		return 0;
	if (remind_store_recipients(x->db, it.id, &people, x->err) == -1 ||
	    (occ[n - 1].overdue &&
	     remind_store_directors(x->db, it.plan_id, &people, x->err) == -1))
		rc = -1;
	for (size_t p = 0; rc == 0 && p < people.n; p++)
		for (int i = 0; rc == 0 && i < n; i++)
			if (!people.v[p].copy || occ[i].overdue)
				rc = push(x, occ[i].fire, it.id, &people.v[p], occ[i].rule);
	remind_people_free(&people);
	return rc;
}

/* pend_item for an item that may be done or cancelled: those have nothing to come. */
static int pend_open(const struct item *src, void *arg)
{
	return strcmp(src->state, "open") == 0 ? pend_item(src, arg) : 0;
}

static int by_fire(const void *a, const void *b)
{
	const struct pend *x = a, *y = b;

	if (x->fire != y->fire)
		return x->fire < y->fire ? -1 : 1;
	if (x->item_id != y->item_id)
		return x->item_id < y->item_id ? -1 : 1;
	return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

static json_t *pend_json(struct pend_ctx *x, const struct pend *e)
{
	struct remind_people p = { 0 };
	struct remind_item it;
	struct remind_row row = { 0 };
	char ref[64];
	const char *channel;
	json_t *o = NULL;
	int email, hook;

	if (remind_item_load(x->db, x->plan->id, e->item_id, &it, x->err) != 1)
		return NULL;
	if (remind_store_person(x->db, x->plan->id, e->person_id, &p, x->err) == 1) {
		email = remind_has_email(x->config, p.v[0].email);
		hook = remind_has_hook(x->config);
		channel = email && hook ? "email+hook" : email ? "email" : hook ? "hook" : "none";
		remind_item_ref(x->db, &it, ref, sizeof ref);
		row.occurrence = e->fire;
		row.item_id = e->item_id;
		row.copy = e->copy;
		snprintf(row.rule, sizeof row.rule, "%s", e->rule);
		snprintf(row.channel, sizeof row.channel, "%s", channel);
		snprintf(row.state, sizeof row.state, "pending");
		o = remind_report_row(&row, ref, it.title, p.v[0].name, x->plan->tz);
		json_object_set_new(o, "id", json_null());
	}
	remind_people_free(&p);
	remind_item_free(&it);
	return o;
}

/* Who the listing is for: one person, or a group's members. */
static int who_filter(struct pend_ctx *x, const struct remind_who *who)
{
	if (who == NULL || who->id == 0)
		return 0;
	x->filtered = 1;
	if (who->is_group)
		return remind_store_members(x->db, who->id, &x->only, x->err);
	return remind_store_person(x->db, x->plan->id, who->id, &x->only, x->err) == -1 ? -1 : 0;
}

static int waiting(struct db *db, const struct plan *p, const struct remind_who *who, json_t *arr,
		   struct error *err)
{
	static const char *const states[] = { "queued", "failed", NULL };
	json_t *rows = json_array();
	size_t i;

	if (remind_report_log(db, p, who, states, 0, rows, err) == -1) {
		json_decref(rows);
		return -1;
	}
	for (i = json_array_size(rows); i > 0; i--) /* oldest first */
		json_array_append(arr, json_array_get(rows, i - 1));
	json_decref(rows);
	return 0;
}

/* The fire of the Nth earliest reminder found so far (X->v sorted as a side effect). */
static int64_t nth_fire(struct pend_ctx *x, size_t nth)
{
	qsort(x->v, x->n, sizeof *x->v, by_fire);
	return x->v[nth - 1].fire;
}

/*
 * The reminders of the plan's items in the order their next reminder comes. An item's come at
 * its next reminder or later, so once NEED of them come before the next item's, the rest of
 * the plan cannot change the first NEED (NEED 0: look at every item).
 */
static int pend_scheduled(struct pend_ctx *x, size_t need)
{
	int64_t *ids, *nexts;
	size_t n;
	int rc = 0;

	if (remind_store_scheduled(x->db, x->plan->id, &ids, &nexts, &n, x->err) == -1)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (need > 0 && x->n >= need && i % 64 == 0 && nth_fire(x, need) < nexts[i]) {
			x->stopped = 1;
			break;
		}
		rc = store_item_get(x->db, x->plan->id, ids[i], pend_open, x, x->err);
	}
	free(ids);
	free(nexts);
	return rc;
}

int remind_report_pending(struct db *db, const struct config *c, const struct plan *p,
			  struct remind_pending_query *q, json_t *arr, size_t *total,
			  struct error *err)
{
	struct pend_ctx x = { .db = db, .config = c, .plan = p, .now = q->now, .err = err };
	size_t need;
	int rc = -1;

	*total = 0;
	if ((q->item_id == 0 && waiting(db, p, q->who, arr, err) == -1) ||
	    who_filter(&x, q->who) == -1 || remind_store_plan_rules(db, p->id, &x.rules, err) == -1)
		goto out;
	need = q->count || q->limit <= 0	       ? 0 :
	       (size_t)q->limit > json_array_size(arr) ? (size_t)q->limit - json_array_size(arr) :
							 0;
	x.stopped = q->limit > 0 && need == 0 && !q->count; /* the waiting ones fill it */
	if (q->item_id != 0 ? store_item_get(db, p->id, q->item_id, pend_open, &x, err) :
	    x.stopped	    ? 0 :
			      pend_scheduled(&x, need))
		goto out;
	q->stopped = x.stopped;
	if (x.n > 1)
		qsort(x.v, x.n, sizeof *x.v, by_fire);
	*total = json_array_size(arr) + x.n;
	for (size_t i = 0; i < x.n; i++) {
		json_t *o;

		if (q->limit > 0 && (int)json_array_size(arr) >= q->limit)
			break;
		if ((o = pend_json(&x, &x.v[i])) != NULL)
			json_array_append_new(arr, o);
	}
	rc = 0;
out:
	remind_people_free(&x.only);
	free(x.v);
	return rc;
}

struct log_ctx {
	json_t *arr;
	const char *tz;
};

static int add_row(const struct remind_row *row, const char *label, const char *title,
		   const char *person, void *arg)
{
	struct log_ctx *x = arg;

	return json_array_append_new(x->arr, remind_report_row(row, label, title, person, x->tz));
}

int remind_report_log(struct db *db, const struct plan *p, const struct remind_who *who,
		      const char *const *states, int limit, json_t *arr, struct error *err)
{
	struct remind_log_query q = { p->id, who != NULL ? who->id : 0, states, limit, 0 };
	struct log_ctx x = { arr, p->tz };

	return remind_log_each(db, &q, add_row, &x, err);
}

struct reach_ctx {
	const struct config *config;
	json_t *arr;
};

static int add_unreachable(int64_t id, const char *name, const char *kind, const char *email,
			   int open_items, int members, void *arg)
{
	struct reach_ctx *x = arg;
	const char *why;

	if (strcmp(kind, "group") == 0) {
		if (members > 0 || open_items == 0)
			return 0;
		why = "the group has no members: its items reach nobody";
	} else if (remind_has_email(x->config, email) || remind_has_hook(x->config)) {
		return 0;
	} else if (*email == '\0') {
		why = "no email address, and no notify hook is configured";
	} else {
		why = "email is not configured in qweekd ([smtp] url), and no notify hook either";
	}
	return json_array_append_new(x->arr, json_pack("{s:s, s:s, s:s, s:i, s:s}", "name", name,
						       "kind", kind, "email", email, "open_items",
						       open_items, "reason", why));
}

int remind_report_unreachable(struct db *db, const struct config *c, const struct plan *p,
			      json_t *arr, struct error *err)
{
	struct reach_ctx x = { c, arr };

	return remind_store_reach(db, p->id, add_unreachable, &x, err);
}

json_t *remind_report_rules(struct db *db, int64_t plan_id, struct error *err)
{
	struct remind_rules r, d;
	char ev[128], dl[128], od[16], dev[128], ddl[128], dod[16];
	json_t *own = json_array();

	if (remind_store_plan_rules(db, plan_id, &r, err) == -1) {
		json_decref(own);
		return NULL;
	}
	remind_rules_default(&d);
	remind_list_format(&r.events, ev, sizeof ev);
	remind_list_format(&r.deadlines, dl, sizeof dl);
	remind_overdue_format(r.overdue_at, od, sizeof od);
	remind_list_format(&d.events, dev, sizeof dev);
	remind_list_format(&d.deadlines, ddl, sizeof ddl);
	remind_overdue_format(d.overdue_at, dod, sizeof dod);
	if (strcmp(ev, dev) != 0)
		json_array_append_new(own, json_string("events"));
	if (strcmp(dl, ddl) != 0)
		json_array_append_new(own, json_string("deadlines"));
	if (strcmp(od, dod) != 0)
		json_array_append_new(own, json_string("overdue"));
	return json_pack("{s:s, s:s, s:s, s:o}", "events", ev, "deadlines", dl, "overdue", od,
			 "own", own);
}
