/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"

/* Reading a plan: the list of items and one item (the status: api_report.c). */

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
		return error_set(err, ERR_INVALID,
				 "state «%s»: use open, done, overdue or "
				 "cancelled",
				 state);
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
	const struct plan *p = r->plan;
	int rc = -1;

	if (read_filter(r, p, &f, err) == -1)
		goto out;
	c.plan = p;
	c.now = f.now;
	jsonw_init(&c.w);
	jsonw_object(&c.w);
	jsonw_key(&c.w, "lang"); /* the plan's: the CLI names months in it */
	jsonw_string(&c.w, p->lang);
	jsonw_key(&c.w, "items");
	jsonw_array(&c.w);
	rc = store_item_each(r->daemon->db, p->id, &f, add_item_json, &c, err);
	jsonw_end(&c.w, ']');
	jsonw_end(&c.w, '}');
	if (rc == 0)
		rc = api_reply_jsonw(r, &c.w, err);
	jsonw_free(&c.w);
out:
	return rc;
}

int api_items_show(struct request *r, struct error *err)
{
	const struct plan *p = r->plan;
	int64_t id;
	int rc = -1;

	if (api_item_resolve(r->daemon->db, p, r->args[1], &id, err) == 0)
		rc = api_reply_item(r, p, id, 200, err);
	return rc;
}
