/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/jsonw.h"
#include "time/moment_json.h"

/* What every handler needs: plans and items as JSON, REF resolution, replies. */

json_t *api_plan_json(const struct plan *p)
{
	char created[40];

	moment_iso_instant(p->created, p->tz, created, sizeof created);
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:s?}", "slug",
			 p->slug, "title", p->title, "org", p->org, "from", p->first_day, "to",
			 p->last_day, "tz", p->tz, "lang", p->lang, "created", created, "items",
			 p->nitems, "people", p->npeople, "director", p->director);
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
	moment_json_stored(w, "start", it->start_at, p->tz);
	moment_json_stored(w, "end", it->end_at, p->tz);
	moment_json_stored(w, "due", it->due_at, p->tz);
	write_names(w, "who", it->who);
	write_text(w, "state", it->state, 0);
	jsonw_key(w, "overdue");
	jsonw_bool(w, strcmp(it->state, "open") == 0 && it->late_after <= now);
	moment_json_instant(w, "done_at", it->done_at, p->tz);
	write_text(w, "done_by", it->done_by, 1);
	write_text(w, "note", it->note, 1);
	moment_json_instant(w, "created", it->created, p->tz);
	moment_json_instant(w, "updated", it->updated, p->tz);
	moment_json_instant(w, "cancelled_at", it->cancelled_at, p->tz);
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

static int read_cancelled(const struct item *it, void *ctx)
{
	*(int *)ctx = strcmp(it->state, "cancelled") == 0;
	return 0;
}

/*
 * Of the N items IDS that share a label, the one that is not cancelled, when there is exactly
 * one (a cancelled test item does not make "done 3" ambiguous): 1 with *ID, 0, or -1 with ERR.
 */
static int only_live(struct db *db, const struct plan *p, const int64_t *ids, int n, int64_t *id,
		     struct error *err)
{
	int live = 0, cancelled = 0;

	for (int i = 0; i < n; i++) {
		if (store_item_get(db, p->id, ids[i], read_cancelled, &cancelled, err) == -1)
			return -1;
		if (!cancelled) {
			*id = ids[i];
			live++;
		}
	}
	return live == 1;
}

int api_item_resolve(struct db *db, const struct plan *p, const char *ref, int64_t *id,
		     struct error *err)
{
	int64_t ids[16];
	int n, found;

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
	if (n > 1 && n <= 16 && (found = only_live(db, p, ids, n, id, err)) != 0)
		return found == 1 ? 0 : -1;
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
	if (w->buf.failed)
		return error_set(err, ERR_INTERNAL, "out of memory");
	r->reply_text = jsonw_take(w, &r->reply_len);
	return 0;
}
