/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "store/changes.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "core/jsonw.h"

/* The route table, and what every handler needs: the plan, items as JSON, REF resolution. */

#define P "/api/v1/plans/:slug"

const struct route api_routes[] = {
	{ EVHTTP_REQ_GET, "/feeds/:file", feed_get, 0 },
	{ EVHTTP_REQ_GET, "/healthz", api_healthz, 0 },
	{ EVHTTP_REQ_PUT, "/api/v1/clock", api_clock_set, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, "/api/v1/plans", api_plans_list, ROUTE_TOKEN },
	{ EVHTTP_REQ_POST, "/api/v1/plans", api_plans_create, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P, api_plans_show, 0 },
	{ EVHTTP_REQ_GET, P "/people", api_people_list, 0 },
	{ EVHTTP_REQ_POST, P "/people", api_people_create, ROUTE_WRITES },
	{ EVHTTP_REQ_POST, P "/people/:name/token", api_token_create, ROUTE_WRITES | ROUTE_ADMIN },
	{ EVHTTP_REQ_DELETE, P "/people/:name/token", api_token_revoke, ROUTE_WRITES | ROUTE_ADMIN },
	{ EVHTTP_REQ_POST, P "/people/:name/link", api_person_link, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/items", api_items_list, 0 },
	{ EVHTTP_REQ_POST, P "/items", api_items_create, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/items/:ref", api_items_show, 0 },
	{ EVHTTP_REQ_PATCH, P "/items/:ref", api_items_edit, ROUTE_WRITES },
	{ EVHTTP_REQ_POST, P "/items/:ref/done", api_items_done, ROUTE_WRITES | ROUTE_STAFF },
	{ EVHTTP_REQ_POST, P "/items/:ref/reopen", api_items_reopen, ROUTE_WRITES | ROUTE_STAFF },
	{ EVHTTP_REQ_POST, P "/items/:ref/cancel", api_items_cancel, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/status", api_report_status, 0 },
	{ EVHTTP_REQ_GET, "/api/v1/status", api_status_all, 0 },
	{ EVHTTP_REQ_POST, P "/status-url", api_status_url, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/report", api_report, 0 },
	{ EVHTTP_REQ_GET, "/status/:secret", status_page_get, 0 },
	{ EVHTTP_REQ_GET, "/me/:secret", me_page_get, 0 },
	{ EVHTTP_REQ_POST, "/me/:secret", me_page_post, ROUTE_RAW_BODY },
	{ EVHTTP_REQ_GET, P "/feeds", api_feeds_list, 0 },
	{ EVHTTP_REQ_POST, P "/feeds", api_feeds_create, ROUTE_WRITES },
	{ EVHTTP_REQ_DELETE, P "/feeds", api_feeds_revoke, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/export.ics", api_export_ics, 0 },
	{ EVHTTP_REQ_GET, P "/export.csv", api_export_csv, 0 },
	{ EVHTTP_REQ_POST, P "/import", api_import, ROUTE_WRITES | ROUTE_RAW_BODY },
	{ EVHTTP_REQ_PATCH, P, api_plans_edit, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/remind", api_remind_rules, 0 },
	{ EVHTTP_REQ_GET, P "/items/:ref/remind", api_item_remind_show, 0 },
	{ EVHTTP_REQ_PUT, P "/items/:ref/remind", api_item_remind_set, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/reminders", api_reminders_list, 0 },
	{ EVHTTP_REQ_GET, P "/reminders/undeliverable", api_reminders_unreachable, 0 },
	{ EVHTTP_REQ_POST, P "/reminders/test", api_reminders_test, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/reminders/digest", api_reminders_digests, 0 },
	{ EVHTTP_REQ_PUT, P "/reminders/digest", api_reminders_digest_set, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/reminders/:id", api_reminder_show, 0 },
	{ EVHTTP_REQ_GET, "/api/v1/reminders", api_reminders_status, 0 },
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
			 "title", p->title, "org", p->org, "from", p->first_day, "to", p->last_day,
			 "tz", p->tz, "lang", p->lang, "created", created, "items", p->nitems,
			 "people", p->npeople);
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

void api_write_time(struct jsonw *w, const char *key, const char *stored, const char *tz)
{
	char buf[40];

	jsonw_key(w, key);
	if (*stored == '\0') {
		jsonw_null(w);
		return;
	}
	moment_iso(stored, tz, buf, sizeof buf);
	jsonw_string(w, buf);
}

static void write_instant(struct jsonw *w, const char *key, int64_t t, const char *tz)
{
	char buf[40];

	jsonw_key(w, key);
	if (t == 0) {
		jsonw_null(w);
		return;
	}
	moment_iso_instant(t, tz, buf, sizeof buf);
	jsonw_string(w, buf);
}

static void write_text(struct jsonw *w, const char *key, const char *s, int empty_is_null)
{
	jsonw_key(w, key);
	jsonw_string(w, empty_is_null && *s == '\0' ? NULL : s);
}

static void write_names(struct jsonw *w, const char *key, const char *joined)
{
	jsonw_key(w, key);
	jsonw_array(w);
	while (*joined != '\0') {
		size_t n = strcspn(joined, "\x1f");
		jsonw_stringn(w, joined, n);
		joined += n + (joined[n] == '\x1f');
	}
	jsonw_end(w, ']');
}

static void write_parent(struct jsonw *w, const struct item *it)
{
	char buf[32];

	jsonw_key(w, "parent");
	if (it->parent_id == 0) {
		jsonw_null(w);
	} else if (*it->parent_label != '\0') {
		jsonw_string(w, it->parent_label);
	} else {
		snprintf(buf, sizeof buf, "@%lld", (long long)it->parent_id);
		jsonw_string(w, buf);
	}
	jsonw_key(w, "parent_id");
	if (it->parent_id != 0)
		jsonw_int(w, it->parent_id);
	else
		jsonw_null(w);
}

/* The item's fields (docs/api.md), inside an object the caller opened. */
static void write_item_fields(struct jsonw *w, const struct item *it, const struct plan *p,
			      int64_t now)
{
	jsonw_key(w, "id");
	jsonw_int(w, it->id);
	write_text(w, "label", it->label, 0);
	write_text(w, "title", it->title, 0);
	write_text(w, "description", it->description, 0);
	write_text(w, "where", it->place, 0);
	write_parent(w, it);
	write_text(w, "kind", it->kind, 0);
	write_text(w, "when", it->when_text, 0);
	api_write_time(w, "start", it->start_at, p->tz);
	api_write_time(w, "end", it->end_at, p->tz);
	api_write_time(w, "due", it->due_at, p->tz);
	write_names(w, "who", it->who);
	write_text(w, "state", it->state, 0);
	jsonw_key(w, "overdue");
	jsonw_bool(w, strcmp(it->state, "open") == 0 && it->late_after <= now);
	write_instant(w, "done_at", it->done_at, p->tz);
	write_text(w, "done_by", it->done_by, 1);
	write_text(w, "note", it->note, 1);
	write_instant(w, "created", it->created, p->tz);
	write_instant(w, "updated", it->updated, p->tz);
	write_instant(w, "cancelled_at", it->cancelled_at, p->tz);
	jsonw_key(w, "seq");
	jsonw_int(w, it->seq);
}

void api_item_write(struct jsonw *w, const struct item *it, const struct plan *p, int64_t now)
{
	jsonw_object(w);
	write_item_fields(w, it, p, now);
	jsonw_end(w, '}');
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
	struct jsonw w;
};

/* The item, and the request's warnings within it. */
static int reply_one(const struct item *it, void *arg)
{
	struct reply_ctx *c = arg;
	size_t i;
	json_t *v;

	jsonw_object(&c->w);
	write_item_fields(&c->w, it, c->p, clock_now());
	if (c->r->warnings != NULL && json_array_size(c->r->warnings) > 0) {
		jsonw_key(&c->w, "warnings");
		jsonw_array(&c->w);
		json_array_foreach (c->r->warnings, i, v)
			jsonw_string(&c->w, json_string_value(v));
		jsonw_end(&c->w, ']');
	}
	jsonw_end(&c->w, '}');
	return 0;
}

int api_reply_item(struct request *r, const struct plan *p, int64_t id, int status,
		   struct error *err)
{
	struct reply_ctx c = { r, p, { 0 } };
	int rc;

	jsonw_init(&c.w);
	r->status = status;
	rc = store_item_get(r->daemon->db, p->id, id, reply_one, &c, err);
	if (rc == 0)
		rc = api_reply_jsonw(r, &c.w, err);
	jsonw_free(&c.w);
	return rc;
}

int api_reply_jsonw(struct request *r, struct jsonw *w, struct error *err)
{
	if (w->failed)
		return error_set(err, ERR_INTERNAL, "out of memory");
	r->reply_text = jsonw_take(w, &r->reply_len);
	return 0;
}

int api_healthz(struct request *r, struct error *err)
{
	r->reply =
		json_pack("{s:s, s:b}", "status", "ok", "read_only", db_read_only(r->daemon->db));
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
		return error_set(err, ERR_INVALID,
				 "«now» must be an instant such as "
				 "2017-11-14T03:00:00Z");
	clock_set(t);
	changes_notify(0); /* plan 0: time moved; the reminders look at what is due */
	r->reply = json_pack("{s:s}", "now", now);
	return 0;
}
