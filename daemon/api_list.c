/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "clock.h"
#include "daemon.h"

/* Reading a plan: the list of items, one item, and the status the director asks for. */

struct list_ctx {
	const struct plan *plan;
	json_t *items;
	int64_t now;
};

static int add_item_json(const struct item *it, void *arg)
{
	struct list_ctx *c = arg;

	return json_array_append_new(c->items, api_item_json(it, c->plan, c->now));
}

static int read_filter(struct request *r, const struct plan *p, struct item_filter *f,
		       struct error *err)
{
	const char *state = http_query(r, "state"), *who = http_query(r, "who");
	int found;

	f->now = clock_now();
	f->state = state;
	if (state != NULL && strcmp(state, "open") && strcmp(state, "done") &&
	    strcmp(state, "overdue") && strcmp(state, "cancelled"))
		return error_set(err, ERR_INVALID, "state «%s»: use open, done, overdue or "
				 "cancelled", state);
	if (who == NULL)
		return 0;
	found = store_person_lookup(r->daemon->db, p->id, who, &f->person_id, NULL, err);
	if (found == -1)
		return -1;
	if (!found) {
		error_set(err, ERR_NOT_FOUND, "there is no person or group «%s» in this plan", who);
		store_person_suggest(r->daemon->db, p->id, who, err);
		return -1;
	}
	return 0;
}

int api_items_list(struct request *r, struct error *err)
{
	struct item_filter f = { 0 };
	struct list_ctx c = { .items = json_array() };
	struct plan *p = api_plan(r, err);
	int rc = -1;

	r->reply = json_pack("{s:o}", "items", c.items);
	if (p == NULL || read_filter(r, p, &f, err) == -1)
		goto out;
	c.plan = p;
	c.now = f.now;
	rc = store_item_each(r->daemon->db, p->id, &f, add_item_json, &c, err);
out:
	plan_free(p);
	return rc;
}

int api_items_show(struct request *r, struct error *err)
{
	struct plan *p = api_plan(r, err);
	int64_t id;
	int rc = -1;

	if (p != NULL && api_item_resolve(r->daemon->db, p, r->args[1], &id, err) == 0)
		rc = api_reply_item(r, p, id, 200, err);
	plan_free(p);
	return rc;
}

/* Status: counts by state, by responsible person or group, what is late, what comes next. */
struct status_ctx {
	const struct plan *plan;
	int64_t now;
	json_int_t total, done, open, overdue, cancelled;
	json_t *people;		/* name → {name, total, done, overdue}, in first-seen order */
	json_t *order;		/* the same objects, in order */
	json_t *late, *soon;
};

static void count_person(struct status_ctx *c, const char *name, size_t len, int done, int late)
{
	char *key = strndup(name, len);
	json_t *row = json_object_get(c->people, key);

	if (row == NULL) {
		row = json_pack("{s:s, s:i, s:i, s:i}", "name", key, "total", 0, "done", 0,
				"overdue", 0);
		json_object_set_new(c->people, key, row);
		json_array_append(c->order, row);
	}
	free(key);
	json_object_set_new(row, "total",
			    json_integer(json_integer_value(json_object_get(row, "total")) + 1));
	if (done)
		json_object_set_new(row, "done", json_integer(json_integer_value(
							 json_object_get(row, "done")) + 1));
	if (late)
		json_object_set_new(row, "overdue", json_integer(json_integer_value(
							    json_object_get(row, "overdue")) + 1));
}

static int count_item(const struct item *it, void *arg)
{
	enum { SOON = 48 * 3600 };
	struct status_ctx *c = arg;
	int done = strcmp(it->state, "done") == 0, open = strcmp(it->state, "open") == 0;
	int late = open && it->late_after <= c->now;
	const char *s = it->who;

	c->total++;
	c->done += done;
	c->open += open;
	c->overdue += late;
	c->cancelled += !done && !open;
	if (late)
		json_array_append_new(c->late, api_item_json(it, c->plan, c->now));
	else if (open && it->at >= c->now && it->at < c->now + SOON)
		json_array_append_new(c->soon, api_item_json(it, c->plan, c->now));
	while (*s != '\0' && (done || open)) {
		size_t n = strcspn(s, "\x1f");
		count_person(c, s, n, done, late);
		s += n + (s[n] == '\x1f');
	}
	return 0;
}

int api_status(struct request *r, struct error *err)
{
	struct item_filter all = { .now = clock_now() };
	struct status_ctx c = { .now = all.now };
	struct plan *p = api_plan(r, err);
	char now[40];
	int rc;

	if (p == NULL)
		return -1;
	c.plan = p;
	c.people = json_object();
	c.order = json_array();
	c.late = json_array();
	c.soon = json_array();
	rc = store_item_each(r->daemon->db, p->id, &all, count_item, &c, err);
	moment_iso_instant(c.now, p->tz, now, sizeof now);
	r->reply = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o}", "plan",
			     p->slug, "now", now, "total", c.total, "done", c.done, "open",
			     c.open, "overdue", c.overdue, "cancelled", c.cancelled, "by_person",
			     c.order, "overdue_items", c.late, "due_soon", c.soon);
	json_decref(c.people);
	plan_free(p);
	return rc;
}
