/* SPDX-License-Identifier: MIT */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_dav.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "dav/dav_out.h"
#include "feed/feed.h"
#include "store/auth_store.h"
#include "store/feed_store.h"

/*
 * REPORT on the collection: calendar-query (every task: a time range is left to the client,
 * which filters what it shows anyway), calendar-multiget (the hrefs asked), and sync-collection
 * (what changed since a token: the person's items changed since, and the plan's items changed
 * since that are no longer the person's, as gone). A token is the plan's version
 * (api_dav_token), so after one change a sync carries that one task.
 */

struct ids {
	int64_t *v;
	size_t n, cap;
};

static int ids_add(struct ids *s, int64_t id)
{
	int64_t *more;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		if ((more = realloc(s->v, s->cap * sizeof *more)) == NULL)
			return -1;
		s->v = more;
	}
	s->v[s->n++] = id;
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static int ids_has(const struct ids *s, int64_t id)
{
	return s->n > 0 && bsearch(&id, s->v, s->n, sizeof id, cmp_id) != NULL;
}

struct report {
	struct dav_ctx *c;
	const struct dav_body *body;
	struct buf *b;
	struct feed_dav render; /* open when calendar-data is asked for */
	int rendering;
	int64_t plan_now; /* the plan's own version now */
	int64_t since, now, plan_updated;
	int all;	   /* sync: every member (a first sync, or the plan's rules changed) */
	struct ids wanted; /* multiget: the ids asked; sync: the items changed; sorted */
	struct ids seen;   /* multiget: the members written */
};

static const struct dav_prop none[] = { { "", "" } };

static int write_one(struct report *rp, const struct item *it)
{
	struct dav_item_props ip = { rp->c, it, rp->rendering ? &rp->render : NULL, rp->plan_now };
	char href[128];

	api_dav_href(rp->c, it->id, href, sizeof href);
	dav_out_response(rp->b, href, rp->body, none, api_dav_item_prop, &ip);
	return rp->b->failed ? -1 : 0;
}

static int on_item(const struct item *it, void *arg)
{
	struct report *rp = arg;

	if (!api_dav_member(it, rp->now))
		return 0;
	switch (rp->body->kind) {
	case DAV_MULTIGET:
		if (!ids_has(&rp->wanted, it->id))
			return 0;
		break;
	default:
		break;
	}
	if (rp->body->kind == DAV_MULTIGET && ids_add(&rp->seen, it->id) == -1)
		return -1;
	return write_one(rp, it);
}

/* The item id of HREF if it is a resource of this collection, else 0. */
static int64_t href_item(const struct dav_ctx *c, const char *href)
{
	const char *s = strstr(href, c->home), *name;
	char *end;
	long long id;

	if (s == NULL || strncmp(s + strlen(c->home), DAV_COLLECTION "/", 6) != 0)
		return 0;
	name = s + strlen(c->home) + 6;
	id = strtoll(name, &end, 10);
	return id > 0 && strcmp(end, ".ics") == 0 ? (int64_t)id : 0;
}

static int multiget_gone(struct report *rp)
{
	for (int i = 0; i < rp->body->nhrefs; i++) {
		int64_t id = href_item(rp->c, rp->body->hrefs[i]);
		if (id == 0 || !ids_has(&rp->seen, id))
			dav_out_status(rp->b, rp->body->hrefs[i], "HTTP/1.1 404 Not Found");
	}
	return 0;
}

static int on_changed(int64_t id, void *arg)
{
	return ids_add(arg, id);
}

/*
 * DAV_TOKEN_PREFIX "<rev>-<plan>" → the items changed since REV into RP->wanted, or RP->all
 * when the plan's own version moved; "" (a first sync) → all. 1 when it is no token of ours.
 */
static int read_token(struct report *rp, const char *token, struct error *err)
{
	struct dav_ctx *c = rp->c;
	long long rev, plan;
	int n = 0;

	if (*token == '\0') {
		rp->all = 1;
		return 0;
	}
	if (strncmp(token, DAV_TOKEN_PREFIX, strlen(DAV_TOKEN_PREFIX)) != 0 ||
	    sscanf(token + strlen(DAV_TOKEN_PREFIX), "%lld-%lld%n", &rev, &plan, &n) != 2 ||
	    token[strlen(DAV_TOKEN_PREFIX) + (size_t)n] != '\0')
		return 1;
	rp->since = rev;
	rp->plan_updated = plan;
	if (store_dav_changed(c->r->daemon->db, c->who.plan_id, rev, on_changed, &rp->wanted,
			      err) == -1)
		return -1;
	return 0;
}

static int on_changed_item(const struct item *it, void *arg)
{
	struct report *rp = arg;
	char href[128];

	if (api_dav_member(it, rp->now))
		return write_one(rp, it);
	api_dav_href(rp->c, it->id, href, sizeof href);
	dav_out_status(rp->b, href, "HTTP/1.1 404 Not Found");
	return rp->b->failed ? -1 : 0;
}

/*
 * A sync with a token: only the items changed since are looked at, each the person's (then
 * written) or not (then gone), so its cost is that of the changes, not of the collection.
 */
static int sync_changed(struct report *rp, struct error *err)
{
	struct dav_ctx *c = rp->c;
	struct db *db = c->r->daemon->db;
	char href[128];
	int mine;

	for (size_t i = 0; i < rp->wanted.n; i++) {
		int64_t id = rp->wanted.v[i];
		if ((mine = store_item_responsible(db, id, c->who.person_id, err)) == -1)
			return -1;
		if (mine && store_item_get(db, c->who.plan_id, id, on_changed_item, rp, err) == 0)
			continue;
		if (err->kind != ERR_NONE && err->kind != ERR_NOT_FOUND)
			return -1;
		error_clear(err);
		api_dav_href(c, id, href, sizeof href);
		dav_out_status(rp->b, href, "HTTP/1.1 404 Not Found");
	}
	return rp->b->failed ? error_set(err, ERR_INTERNAL, "out of memory") : 0;
}

static int run(struct report *rp, struct error *err)
{
	struct dav_ctx *c = rp->c;
	struct db *db = c->r->daemon->db;

	if (rp->body->kind == DAV_SYNC && !rp->all)
		return sync_changed(rp, err);

	if (store_feed_items(db, c->who.plan_id, c->who.person_id, on_item, rp, err) == -1)
		return err->kind != ERR_NONE ? -1 : error_set(err, ERR_INTERNAL, "out of memory");
	if (rp->body->kind == DAV_MULTIGET)
		return multiget_gone(rp);
	return 0;
}

/* A refusal sent: 1 (the report is over), or -1 when it could not be. */
static int refused(struct report *rp, const char *condition, const char *why, struct error *err)
{
	return api_dav_refuse(rp->c->r, 403, condition, why, err) == 0 ? 1 : -1;
}

/* What the body asks, checked: 0, 1 refused (sent), -1 with ERR. */
static int prepare(struct report *rp, struct error *err)
{
	const struct dav_body *body = rp->body;
	int bad = 0;

	if (body->kind == DAV_OTHER_REPORT)
		return refused(rp, "<d:supported-report/>", "this REPORT is not offered here", err);
	if (body->kind == DAV_SYNC)
		bad = read_token(rp, body->sync_token, err);
	if (bad != 0)
		return bad == -1 ?
			       -1 :
			       refused(rp, "<d:valid-sync-token/>",
				       "the sync token is not this collection's: sync anew", err);
	for (int i = 0; i < body->nhrefs; i++) {
		int64_t id = href_item(rp->c, body->hrefs[i]);
		if (id != 0 && ids_add(&rp->wanted, id) == -1)
			return error_set(err, ERR_INTERNAL, "out of memory");
	}
	if (rp->wanted.n > 0)
		qsort(rp->wanted.v, rp->wanted.n, sizeof *rp->wanted.v, cmp_id);
	return 0;
}

static int answer(struct report *rp, struct error *err)
{
	struct dav_ctx *c = rp->c;
	char token[128], host[256];
	struct plan *p;
	int later;

	if ((later = prepare(rp, err)) != 0)
		return later == 1 ? 0 : -1;
	if ((p = store_plan_get(c->r->daemon->db, c->who.plan_id, err)) == NULL)
		return -1;
	rp->plan_now = p->updated;
	plan_free(p);
	feed_uid_host(&c->r->daemon->config, host, sizeof host);
	rp->rendering = dav_body_wants(rp->body, DAV_NS_CALDAV, "calendar-data");
	if ((rp->rendering && feed_dav_open(&rp->render, c->r->daemon->db, c->who.plan_id, host,
					    rp->now, err) == -1) ||
	    api_dav_token(c, token, sizeof token, err) == -1)
		return -1;
	if (rp->plan_now != rp->plan_updated)
		rp->all = 1; /* the rules of every task's alarms changed */
	dav_out_begin(rp->b);
	/* A query for events alone: this collection has none. */
	if ((rp->body->kind != DAV_CALENDAR_QUERY || rp->body->comp_todo ||
	     !rp->body->comp_event) &&
	    run(rp, err) == -1)
		return -1;
	dav_out_end(rp->b, rp->body->kind == DAV_SYNC ? token : NULL);
	if (rp->b->failed)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return api_dav_send(c->r, 207, "application/xml; charset=utf-8", rp->b, NULL, err);
}

int api_dav_report(struct dav_ctx *c, struct error *err)
{
	struct dav_body body;
	struct buf b;
	struct report rp = { .c = c, .body = &body, .b = &b, .now = clock_now() };
	size_t len;
	const char *xml = http_body(c->r, &len);
	int rc;

	if (!c->collection || c->res != NULL)
		return error_set(err, ERR_FORBIDDEN,
				 "a REPORT is answered on the collection %s" DAV_COLLECTION "/",
				 c->home);
	if (dav_xml_parse(xml, len, 0, &body, err) == -1)
		return -1;
	buf_init(&b, 16384);
	rc = answer(&rp, err);
	if (rp.rendering)
		feed_dav_close(&rp.render);
	buf_free(&b);
	free(rp.wanted.v);
	free(rp.seen.v);
	dav_body_free(&body);
	return rc;
}
