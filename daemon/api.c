/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "clock.h"
#include "daemon.h"
#include "json_in.h"

/* The route table, and what every handler needs: the plan, items as JSON, REF resolution. */

#define P "/api/v1/plans/:slug"

const struct route api_routes[] = {
	{ EVHTTP_REQ_GET, "/healthz", api_healthz, 0 },
	{ EVHTTP_REQ_PUT, "/api/v1/clock", api_clock_set, 1 },
	{ EVHTTP_REQ_GET, "/api/v1/plans", api_plans_list, 0 },
	{ EVHTTP_REQ_POST, "/api/v1/plans", api_plans_create, 1 },
	{ EVHTTP_REQ_GET, P, api_plans_show, 0 },
	{ EVHTTP_REQ_GET, P "/people", api_people_list, 0 },
	{ EVHTTP_REQ_POST, P "/people", api_people_create, 1 },
	{ EVHTTP_REQ_GET, P "/items", api_items_list, 0 },
	{ EVHTTP_REQ_POST, P "/items", api_items_create, 1 },
	{ EVHTTP_REQ_GET, P "/items/:ref", api_items_show, 0 },
	{ EVHTTP_REQ_PATCH, P "/items/:ref", api_items_edit, 1 },
	{ EVHTTP_REQ_POST, P "/items/:ref/done", api_items_done, 1 },
	{ EVHTTP_REQ_POST, P "/items/:ref/reopen", api_items_reopen, 1 },
	{ EVHTTP_REQ_POST, P "/items/:ref/cancel", api_items_cancel, 1 },
	{ EVHTTP_REQ_GET, P "/status", api_status, 0 },
	{ 0, NULL, NULL, 0 },
};

struct plan *api_plan(struct request *r, struct error *err)
{
	return store_plan_find(r->daemon->db, r->args[0], err);
}

json_t *api_plan_json(const struct plan *p)
{
	char created[40];

	moment_iso_instant(p->created, p->tz, created, sizeof created);
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:i}", "slug", p->slug,
			 "title", p->title, "org", p->org, "from", p->first_day, "to",
			 p->last_day, "tz", p->tz, "lang", p->lang, "created", created, "items",
			 p->nitems, "people", p->npeople);
}

json_t *api_name_list(const char *joined)
{
	json_t *a = json_array();
	const char *s = joined;

	while (*s != '\0') {
		size_t n = strcspn(s, "\x1f");
		json_array_append_new(a, json_stringn(s, n));
		s += n;
		if (*s == '\x1f')
			s++;
	}
	return a;
}

static json_t *iso_or_null(const char *stored, const char *tz)
{
	char buf[40];

	if (*stored == '\0')
		return json_null();
	moment_iso(stored, tz, buf, sizeof buf);
	return json_string(buf);
}

static json_t *instant_or_null(int64_t t, const char *tz)
{
	char buf[40];

	if (t == 0)
		return json_null();
	moment_iso_instant(t, tz, buf, sizeof buf);
	return json_string(buf);
}

static json_t *text_or_null(const char *s)
{
	return *s != '\0' ? json_string(s) : json_null();
}

static json_t *parent_ref(const struct item *it)
{
	char buf[32];

	if (it->parent_id == 0)
		return json_null();
	if (*it->parent_label != '\0')
		return json_string(it->parent_label);
	snprintf(buf, sizeof buf, "@%lld", (long long)it->parent_id);
	return json_string(buf);
}

json_t *api_item_json(const struct item *it, const struct plan *p, int64_t now)
{
	int overdue = strcmp(it->state, "open") == 0 && it->late_after <= now;

	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:o, "
			 "s:s, s:b, s:o, s:o, s:o, s:o, s:o, s:o, s:I}",
			 "id", (json_int_t)it->id, "label", it->label, "title", it->title,
			 "description", it->description, "where", it->place,
			 "parent", parent_ref(it),
			 "parent_id", it->parent_id ? json_integer(it->parent_id) : json_null(),
			 "kind", it->kind, "when", it->when_text,
			 "start", iso_or_null(it->start_at, p->tz),
			 "end", iso_or_null(it->end_at, p->tz),
			 "due", iso_or_null(it->due_at, p->tz),
			 "who", api_name_list(it->who), "state", it->state, "overdue", overdue,
			 "done_at", instant_or_null(it->done_at, p->tz),
			 "done_by", text_or_null(it->done_by), "note", text_or_null(it->note),
			 "created", instant_or_null(it->created, p->tz),
			 "updated", instant_or_null(it->updated, p->tz),
			 "cancelled_at", instant_or_null(it->cancelled_at, p->tz),
			 "seq", (json_int_t)it->seq);
}

static int parse_id_ref(const char *ref, int64_t *id)
{
	char *end;
	long long v;

	if (ref[0] != '@' || ref[1] < '0' || ref[1] > '9')
		return -1;
	v = strtoll(ref + 1, &end, 10);
	if (*end != '\0' || v <= 0)
		return -1;
	*id = v;
	return 0;
}

static int ignore_item(const struct item *it, void *ctx)
{
	(void)it;
	(void)ctx;
	return 0;
}

int api_item_resolve(struct db *db, const struct plan *p, const char *ref, int64_t *id,
		     struct error *err)
{
	int64_t ids[16];
	int n;

	if (parse_id_ref(ref, id) == 0)
		return store_item_get(db, p->id, *id, ignore_item, NULL, err);
	if ((n = store_item_by_label(db, p->id, ref, ids, 16, err)) == -1)
		return -1;
	if (n == 1) {
		*id = ids[0];
		return 0;
	}
	if (n == 0) {
		error_set(err, ERR_NOT_FOUND, "there is no item «%s» in plan %s", ref, p->slug);
		store_item_suggest(db, p->id, ref, err);
		return -1;
	}
	error_set(err, ERR_AMBIGUOUS, "«%s» names %d items; say which with @ID", ref, n);
	store_item_same_label(db, p->id, ref, err);
	return -1;
}

struct reply_ctx {
	struct request *r;
	const struct plan *p;
};

static int reply_one(const struct item *it, void *arg)
{
	struct reply_ctx *c = arg;

	c->r->reply = api_item_json(it, c->p, clock_now());
	return 0;
}

int api_reply_item(struct request *r, const struct plan *p, int64_t id, int status,
		   struct error *err)
{
	struct reply_ctx c = { r, p };

	r->status = status;
	return store_item_get(r->daemon->db, p->id, id, reply_one, &c, err);
}

int api_healthz(struct request *r, struct error *err)
{
	r->reply = json_pack("{s:s}", "status", "ok");
	return 0;
}

int api_clock_set(struct request *r, struct error *err)
{
	static const struct field fields[] = { { "now", FIELD_LINE, 64 }, { NULL, 0, 0 } };
	const char *now;
	int64_t t;

	if (!clock_is_fixed())
		return error_set(err, ERR_NOT_FOUND, "there is nothing at /api/v1/clock");
	if (json_in_check(r->body, fields, err) == -1)
		return -1;
	now = json_in_str(r->body, "now");
	if (now == NULL || clock_parse_utc(now, &t) == -1)
		return error_set(err, ERR_INVALID, "«now» must be an instant such as "
				 "2017-11-14T03:00:00Z");
	clock_set(t);
	r->reply = json_pack("{s:s}", "now", now);
	return 0;
}
