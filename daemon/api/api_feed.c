/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_link.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "feed/feed.h"
#include "feed/feed_cache.h"
#include "api/feed_http.h"
#include "core/json_in.h"
#include "store/plan_write.h"

/*
 * Feeds over HTTP: GET /feeds/<secret>.ics for calendar apps, and under /api/v1 the
 * administrator's side: make (or rotate) a feed's URL, list and revoke feeds, export a plan.
 *
 * A URL given to calendar apps is a capability like a password. The database keeps only a hash
 * of its secret and the generation it is derived from with the link key (api_link.c), so a
 * planner can be shown it again and again, while a copy of the database alone shows nobody
 * any URL; rotate makes a new URL and kills the old one.
 */

/* ---- the feed itself ---------------------------------------------------------------------- */

/* The host for UIDs, worked out again only when the configuration (SIGHUP) changed it. */
static const char *uid_host(const struct config *c)
{
	static char host[256], url[512], listen[300];
	const char *u = c->url != NULL ? c->url : "", *l = c->listen != NULL ? c->listen : "";

	if (host[0] == '\0' || strcmp(u, url) != 0 || strcmp(l, listen) != 0) {
		snprintf(url, sizeof url, "%s", u);
		snprintf(listen, sizeof listen, "%s", l);
		feed_uid_host(c, host, sizeof host);
	}
	return host;
}

static struct rendered *current_body(struct request *r, const struct feed_spec *s,
				     struct error *err)
{
	return feed_cache_get(r->daemon->db, s, uid_host(&r->daemon->config), clock_now(), err);
}

int feed_get(struct request *r, struct error *err)
{
	const char *file = r->args[0];
	size_t len = strlen(file);
	unsigned char hash[FEED_HASH_LEN];
	struct feed_spec s = { 0 };
	struct rendered *body;

	/* Whatever is wrong with the secret, the answer is the same bare 404. */
	if (len <= 4 || strcmp(file + len - 4, ".ics") != 0 ||
	    !feed_secret_wellformed(file, len - 4) || feed_secret_hash(file, len - 4, hash) == -1 ||
	    !feed_index_find(hash, &s.plan_id, &s.person_id)) {
		feed_http_plain(r, 404, "Not Found");
		return 0;
	}
	if (feed_http_options(r, &s.todo, &s.alarms) == -1) {
		feed_http_plain(r, 400, "Bad Request");
		return 0;
	}
	if ((body = current_body(r, &s, err)) == NULL) {
		if (err->kind != ERR_NOT_FOUND)
			return -1;
		error_clear(err);
		feed_http_plain(r, 404, "Not Found");
		return 0;
	}
	feed_http_reply(r, body, NULL);
	rendered_unref(body);
	return 0;
}

/* ---- whose feed --------------------------------------------------------------------------- */

/* The person or group NAME of plan P: its id and its name as stored (*CANON, malloc'd). */
static int resolve_who(struct request *r, const struct plan *p, const char *name, int64_t *id,
		       char **canon, struct error *err)
{
	struct db *db = r->daemon->db;
	int found;

	*id = 0;
	*canon = NULL;
	if (name == NULL || *name == '\0')
		return 0;
	if ((found = store_person_lookup(db, p->id, name, id, NULL, err)) == -1)
		return -1;
	if (!found) {
		error_set(err, ERR_NOT_FOUND, "there is no person or group «%s» in plan %s", name,
			  p->slug);
		store_person_suggest(db, p->id, name, err);
		return -1;
	}
	*canon = store_feed_person_name(db, p->id, *id, err);
	return *canon != NULL ? 0 : -1;
}

/* The body's "who" (a line) and "rotate" (a boolean); *WHO is malloc'd (NULL when absent). */
static int read_request(struct request *r, char **who, int *rotate, struct error *err)
{
	static const struct field fields[] = { { "who", FIELD_LINE, 500 }, { NULL, 0, 0 } };
	json_t *rest, *rot = r->body != NULL ? json_object_get(r->body, "rotate") : NULL;
	int rc;

	*who = NULL;
	*rotate = 0;
	if (rot != NULL && !json_is_boolean(rot))
		return error_set(err, ERR_BAD_FIELD, "«rotate» must be true or false");
	*rotate = rot != NULL && json_is_true(rot);
	if (r->body == NULL)
		return 0;
	if ((rest = json_copy(r->body)) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	json_object_del(rest, "rotate");
	rc = json_in_check(rest, fields, err);
	json_decref(rest);
	if (rc == 0)
		*who = json_in_trimmed(r->body, "who");
	return rc;
}

static json_t *name_or_null(const char *name)
{
	return name != NULL ? json_string(name) : json_null();
}

/* ---- making, listing and revoking feeds --------------------------------------------------- */

/* A staff token asks for its own person's feed (ROUTE_OWN): that is the one it gets by default. */
static int own_feed_only(struct request *r, char **who, struct error *err)
{
	if (r->who.role != AUTH_STAFF || *who != NULL)
		return 0;
	if ((*who = strdup(r->who.person)) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return 0;
}

static json_t *urls_json(const struct config *c, const char *secret, const char *who)
{
	char http[600], webcal[620];

	api_link_url(c, "/feeds/", secret, ".ics", http, sizeof http);
	api_link_webcal(http, webcal, sizeof webcal);
	return json_pack("{s:s, s:s, s:o}", "http", http, "webcal", webcal, "who",
			 name_or_null(who));
}

/* The feed of ROW's plan and person: shown again (*MADE 0), or made anew; SECRET gets it. */
int api_feed_secret(struct db *db, struct feed_row *row, int exists, int rotate,
		    const char *const hint[2], char secret[FEED_SECRET_LEN + 1], int *made,
		    struct error *err)
{
	struct link_ref l = { .kind = LINK_FEED,
			      .plan_id = row->plan_id,
			      .person_id = row->person_id,
			      .gen = row->gen,
			      .hash = row->hash,
			      .what = hint[0],
			      .rotate = hint[1] };

	*made = !exists || rotate;
	if (!*made)
		return api_link_show(db, &l, secret, err);
	row->created = clock_now();
	if (api_link_make(db, LINK_FEED, row->plan_id, row->person_id, &row->gen, secret, row->hash,
			  err) == -1)
		return -1;
	if ((exists ? store_feed_rehash(db, row, err) : store_feed_insert(db, row, err)) == -1)
		return -1;
	return 0;
}

/* The feed index learns of what a committed api_feed_secret made. */
int api_feed_made(const struct feed_row *row, struct error *err)
{
	if (feed_index_put(row) == -1)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return 0;
}

/*
 * The URL of a feed, made when there is none (201) and shown again as it is (200) until
 * rotate makes a new one (201; the old one is dead).
 */
int api_feeds_create(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	struct feed_row row = { 0 };
	struct plan_write w;
	char *who = NULL, *name = NULL, secret[FEED_SECRET_LEN + 1], what[600], how[600];
	const char *hint[2] = { what, how };
	int rotate, exists = 0, made = 0, rc = -1;
	char quoted[256];

	if (read_request(r, &who, &rotate, err) == -1 || own_feed_only(r, &who, err) == -1 ||
	    resolve_who(r, p, who, &row.person_id, &name, err) == -1 ||
	    (r->who.role == AUTH_STAFF && row.person_id != r->who.person_id &&
	     error_set(err, ERR_FORBIDDEN, "a staff token gets its own feed only («%s»)",
		       r->who.person) == -1) ||
	    (exists = store_feed_find(db, p->id, row.person_id, &row, err)) == -1)
		goto out;
	snprintf(what, sizeof what, "%s%s%s", name ? "«" : "the plan", name ? name : "",
		 name ? "»'s feed" : "'s feed");
	snprintf(how, sizeof how, "qweek feed%s%s --rotate", name ? " --who " : "",
		 name ? api_shell_quote(name, quoted, sizeof quoted) : "");
	row.plan_id = p->id;
	if ((!exists || rotate) && plan_write_begin(&w, db, p->id, err) == -1)
		goto out;
	if (api_feed_secret(db, &row, exists, rotate, hint, secret, &made, err) == -1 ||
	    (made && plan_write_commit(&w, err) == -1)) {
		if (made)
			plan_write_rollback(&w);
		goto out;
	}
	if (made && api_feed_made(&row, err) == -1)
		goto out;
	r->status = made ? 201 : 200;
	r->reply = urls_json(&r->daemon->config, secret, name);
	rc = 0;
out:
	explicit_bzero(secret, sizeof secret);
	free(who);
	free(name);
	return rc;
}

struct list_ctx {
	struct request *r;
	const struct plan *plan;
	json_t *feeds;
	struct error *err;
};

static int list_one(const struct feed_row *row, void *arg)
{
	struct list_ctx *c = arg;
	char created[40], *name = NULL;

	if (row->plan_id != c->plan->id)
		return 0;
	if (row->person_id != 0 && (name = store_feed_person_name(c->r->daemon->db, row->plan_id,
								  row->person_id, c->err)) == NULL)
		return -1;
	moment_iso_instant(row->created, c->plan->tz, created, sizeof created);
	json_array_append_new(
		c->feeds, json_pack("{s:o, s:s}", "who", name_or_null(name), "created", created));
	free(name);
	return 0;
}

int api_feeds_list(struct request *r, struct error *err)
{
	const struct plan *p = r->plan;
	struct list_ctx c = { r, p, json_array(), err };

	r->reply = json_pack("{s:o}", "feeds", c.feeds);
	return store_feed_each(r->daemon->db, list_one, &c, err);
}

int api_feeds_revoke(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	struct feed_row row = { 0 };
	struct plan_write w;
	char *who = NULL, *name = NULL;
	int rotate, found, rc = -1;

	if (read_request(r, &who, &rotate, err) == -1 ||
	    resolve_who(r, p, who, &row.person_id, &name, err) == -1 ||
	    (found = store_feed_find(db, p->id, row.person_id, &row, err)) == -1)
		goto out;
	if (!found) {
		error_set(err, ERR_NOT_FOUND, "%s%s%s has no feed", name ? "«" : "the plan",
			  name ? name : "", name ? "»" : "");
		goto out;
	}
	if (plan_write_begin(&w, db, p->id, err) == -1)
		goto out;
	if (store_feed_delete(db, row.id, err) == -1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	feed_index_remove(row.id);
	r->reply = json_pack("{s:b, s:o}", "revoked", 1, "who", name_or_null(name));
	rc = 0;
out:
	free(who);
	free(name);
	return rc;
}

/* ---- export ------------------------------------------------------------------------------- */

int api_export_ics(struct request *r, struct error *err)
{
	const struct plan *p = r->plan;
	struct feed_spec s = { 0 };
	struct rendered *body = NULL;
	char *name = NULL, file[300];
	int rc = -1;

	if (resolve_who(r, p, http_query(r, "who"), &s.person_id, &name, err) == -1)
		goto out;
	if (feed_http_options(r, &s.todo, &s.alarms) == -1) {
		error_set(err, ERR_INVALID, "use todo=both|only|none and alarms=0|1");
		goto out;
	}
	s.plan_id = p->id;
	if ((body = current_body(r, &s, err)) == NULL)
		goto out;
	snprintf(file, sizeof file, "%s.ics", p->slug);
	feed_http_reply(r, body, file);
	rendered_unref(body);
	rc = 0;
out:
	free(name);
	return rc;
}
