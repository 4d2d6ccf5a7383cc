/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "clock.h"
#include "daemon.h"

/* Reading a plan: the list of items, one item, and the status the director asks for. */

struct list_ctx {
	const struct plan *plan;
	struct jsonw w;
	int64_t now;
};

static int add_item_json(const struct item *it, void *arg)
{
	struct list_ctx *c = arg;

	api_item_write(&c->w, it, c->plan, c->now);
	return 0;
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
	struct list_ctx c = { 0 };
	struct plan *p = api_plan(r, err);
	int rc = -1;

	if (p == NULL || read_filter(r, p, &f, err) == -1)
		goto out;
	c.plan = p;
	c.now = f.now;
	jsonw_init(&c.w);
	jsonw_object(&c.w);
	jsonw_key(&c.w, "items");
	jsonw_array(&c.w);
	rc = store_item_each(r->daemon->db, p->id, &f, add_item_json, &c, err);
	jsonw_end(&c.w, ']');
	jsonw_end(&c.w, '}');
	if (rc == 0)
		rc = api_reply_jsonw(r, &c.w, err);
	jsonw_free(&c.w);
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

struct person_count {
	char *name;
	int64_t total, done, overdue;
};

struct status_ctx {
	const struct plan *plan;
	int64_t now;
	int64_t total, done, open, overdue, cancelled;
	struct person_count *people;	/* in first-seen order; a plan has tens, not thousands */
	size_t npeople, cap;
	struct jsonw late, soon;	/* the item arrays, written as the items pass */
	int failed;
};

static struct person_count *person_row(struct status_ctx *c, const char *name, size_t len)
{
	struct person_count *grown;

	for (size_t i = 0; i < c->npeople; i++)
		if (strncmp(c->people[i].name, name, len) == 0 && c->people[i].name[len] == '\0')
			return &c->people[i];
	if (c->npeople == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		if ((grown = realloc(c->people, c->cap * sizeof *grown)) == NULL)
			return NULL;
		c->people = grown;
	}
	grown = &c->people[c->npeople];
	if ((grown->name = strndup(name, len)) == NULL)
		return NULL;
	grown->total = grown->done = grown->overdue = 0;
	c->npeople++;
	return grown;
}

static void count_people(struct status_ctx *c, const char *who, int done, int late)
{
	struct person_count *row;

	while (*who != '\0') {
		size_t n = strcspn(who, "\x1f");
		if ((row = person_row(c, who, n)) == NULL) {
			c->failed = 1;
			return;
		}
		row->total++;
		row->done += done;
		row->overdue += late;
		who += n + (who[n] == '\x1f');
	}
}

static int count_item(const struct item *it, void *arg)
{
	enum { SOON = 48 * 3600 };
	struct status_ctx *c = arg;
	int done = strcmp(it->state, "done") == 0, open = strcmp(it->state, "open") == 0;
	int late = open && it->late_after <= c->now;

	c->total++;
	c->done += done;
	c->open += open;
	c->overdue += late;
	c->cancelled += !done && !open;
	if (late)
		api_item_write(&c->late, it, c->plan, c->now);
	else if (open && it->at >= c->now && it->at < c->now + SOON)
		api_item_write(&c->soon, it, c->plan, c->now);
	if (done || open)
		count_people(c, it->who, done, late);
	return 0;
}

static void write_count(struct jsonw *w, const char *key, int64_t v)
{
	jsonw_key(w, key);
	jsonw_int(w, v);
}

static void write_status(struct jsonw *w, struct status_ctx *c)
{
	char now[40];

	moment_iso_instant(c->now, c->plan->tz, now, sizeof now);
	jsonw_object(w);
	jsonw_key(w, "plan");
	jsonw_string(w, c->plan->slug);
	jsonw_key(w, "now");
	jsonw_string(w, now);
	write_count(w, "total", c->total);
	write_count(w, "done", c->done);
	write_count(w, "open", c->open);
	write_count(w, "overdue", c->overdue);
	write_count(w, "cancelled", c->cancelled);
	jsonw_key(w, "by_person");
	jsonw_array(w);
	for (size_t i = 0; i < c->npeople; i++) {
		jsonw_object(w);
		jsonw_key(w, "name");
		jsonw_string(w, c->people[i].name);
		write_count(w, "total", c->people[i].total);
		write_count(w, "done", c->people[i].done);
		write_count(w, "overdue", c->people[i].overdue);
		jsonw_end(w, '}');
	}
	jsonw_end(w, ']');
	jsonw_key(w, "overdue_items");
	jsonw_array(w);
	jsonw_raw(w, c->late.buf ? c->late.buf : "", c->late.len);
	jsonw_end(w, ']');
	jsonw_key(w, "due_soon");
	jsonw_array(w);
	jsonw_raw(w, c->soon.buf ? c->soon.buf : "", c->soon.len);
	jsonw_end(w, ']');
	jsonw_end(w, '}');
}

static void status_free(struct status_ctx *c)
{
	for (size_t i = 0; i < c->npeople; i++)
		free(c->people[i].name);
	free(c->people);
	jsonw_free(&c->late);
	jsonw_free(&c->soon);
}

int api_status(struct request *r, struct error *err)
{
	struct item_filter all = { .now = clock_now() };
	struct status_ctx c = { .now = all.now };
	struct plan *p = api_plan(r, err);
	struct jsonw w;
	int rc;

	if (p == NULL)
		return -1;
	c.plan = p;
	jsonw_init(&c.late);
	jsonw_init(&c.soon);
	jsonw_init(&w);
	rc = store_item_each(r->daemon->db, p->id, &all, count_item, &c, err);
	if (rc == 0 && (c.failed || c.late.failed || c.soon.failed))
		rc = error_set(err, ERR_INTERNAL, "out of memory");
	if (rc == 0) {
		write_status(&w, &c);
		rc = api_reply_jsonw(r, &w, err);
	}
	jsonw_free(&w);
	status_free(&c);
	plan_free(p);
	return rc;
}
