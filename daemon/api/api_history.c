/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_history.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/jsonw.h"
#include "store/plan_write.h"
#include "time/moment_json.h"

/*
 * GET .../history: the plan's changes, newest first (?item=REF, ?who=NAME, ?limit=N).
 * POST .../undo: reverts the asker's last change, or {"id": N}; refused when a later change
 * touched what it touched.
 */

struct history_out {
	struct jsonw w;
	struct api_what x;
	const char *tz;
};

/* The row whose before and after the change shows: its first row of an item, else its first. */
static const struct change_row *main_row(const struct change *c)
{
	for (size_t i = 0; i < c->nrows; i++)
		if (strcmp(c->rows[i].tbl, "items") == 0)
			return &c->rows[i];
	return c->nrows > 0 ? &c->rows[0] : NULL;
}

static void write_json_or_null(struct jsonw *w, const char *key, const char *json)
{
	jsonw_key(w, key);
	if (json != NULL)
		jsonw_raw(w, json, strlen(json));
	else
		jsonw_null(w);
}

static int write_change(const struct change *c, void *arg)
{
	struct history_out *o = arg;
	const struct change_row *m = main_row(c);
	char *what = api_history_what(&o->x, c);

	jsonw_object(&o->w);
	jsonw_key_int(&o->w, "id", c->id);
	moment_json_instant(&o->w, "at", c->at, o->tz);
	jsonw_key(&o->w, "by");
	jsonw_string(&o->w, c->by);
	jsonw_key(&o->w, "via");
	jsonw_string(&o->w, c->via);
	jsonw_key(&o->w, "what");
	jsonw_string(&o->w, what);
	jsonw_key(&o->w, "ref");
	if (*o->x.ref != '\0')
		jsonw_string(&o->w, o->x.ref);
	else
		jsonw_null(&o->w);
	write_json_or_null(&o->w, "before", m != NULL ? m->before : NULL);
	write_json_or_null(&o->w, "after", m != NULL ? m->after : NULL);
	jsonw_key(&o->w, "undoes");
	if (c->undoes != 0)
		jsonw_int(&o->w, c->undoes);
	else
		jsonw_null(&o->w);
	jsonw_key_int(&o->w, "rows", (int64_t)c->total);
	jsonw_end(&o->w, '}');
	free(what);
	return 0;
}

/* ?who=NAME as the history keeps it: a person's stored name, else as typed. */
static const char *who_name(struct request *r, const char *who, char *buf, size_t len,
			    struct error *err)
{
	int64_t id;
	int found;

	if (who == NULL || *who == '\0')
		return NULL;
	found = store_person_lookup(r->daemon->db, r->plan->id, who, &id, NULL, err);
	if (found == 1)
		store_history_person_name(r->daemon->db, id, buf, len);
	else
		snprintf(buf, len, "%s", who);
	error_clear(err);
	return buf;
}

static int read_query(struct request *r, struct history_query *q, char *who, size_t len,
		      struct error *err)
{
	const char *item = http_query(r, "item"), *limit = http_query(r, "limit");
	char *end = NULL;

	if (http_query_only(r, "item|who|limit", err) == -1)
		return -1;
	q->plan_id = r->plan->id;
	q->limit = 50;
	if (limit != NULL) {
		q->limit = strtoll(limit, &end, 10);
		if (*limit == '\0' || *end != '\0' || q->limit <= 0)
			return error_set(err, ERR_INVALID,
					 "limit «%s»: give a number of changes, 1 or more", limit);
	}
	if (item != NULL && api_item_resolve(r->daemon->db, r->plan, item, &q->item_id, err) == -1)
		return -1;
	q->by = who_name(r, http_query(r, "who"), who, len, err);
	return 0;
}

int api_history(struct request *r, struct error *err)
{
	struct history_query q = { 0 };
	struct history_out o = { .x = { .db = r->daemon->db, .lang = r->plan->lang },
				 .tz = r->plan->tz };
	char who[256];
	int rc;

	if (read_query(r, &q, who, sizeof who, err) == -1)
		return -1;
	jsonw_init(&o.w);
	jsonw_object(&o.w);
	jsonw_key(&o.w, "changes");
	jsonw_array(&o.w);
	rc = store_history_each(r->daemon->db, &q, write_change, &o, err);
	jsonw_end(&o.w, ']');
	jsonw_end(&o.w, '}');
	if (rc == 0)
		rc = api_reply_jsonw(r, &o.w, err);
	jsonw_free(&o.w);
	return rc;
}
