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
#include "store/feed_store.h"

/*
 * REPORT on the collection: calendar-query (every task: a time range is left to the client,
 * which filters what it shows anyway), calendar-multiget (the hrefs asked), and sync-collection
 * (what changed since a token: the items updated since, and the items of the plan updated since
 * that are no longer the person's, as gone). A token is the plan's version (api_dav_token), so
 * after one change a sync carries that one task.
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
	struct feed_dav render;
	int64_t since, now;
	struct ids wanted; /* multiget: the ids asked, sorted */
	struct ids seen;   /* the members written (multiget) or all members (sync) */
};

static const struct dav_prop none[] = { { "", "" } };

static int write_one(struct report *rp, const struct item *it)
{
	struct dav_item_props ip = { rp->c, it, &rp->render, rp->render.plan->updated };
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
	case DAV_SYNC:
		if (ids_add(&rp->seen, it->id) == -1)
			return -1;
		if (it->updated < rp->since && rp->render.plan->updated < rp->since)
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
	struct report *rp = arg;
	char href[128];

	if (ids_has(&rp->seen, id))
		return 0;
	api_dav_href(rp->c, id, href, sizeof href);
	dav_out_status(rp->b, href, "HTTP/1.1 404 Not Found");
	return rp->b->failed ? -1 : 0;
}

/* "http://qweek.invalid/sync/<updated>-<seqs>" → its updated; "" → the beginning. */
static int read_token(const char *token, int64_t *since)
{
	static const char prefix[] = "http://qweek.invalid/sync/";
	char *end;

	if (*token == '\0') {
		*since = INT64_MIN;
		return 0;
	}
	if (strncmp(token, prefix, sizeof prefix - 1) != 0)
		return -1;
	*since = strtoll(token + sizeof prefix - 1, &end, 10);
	return *end == '-' ? 0 : -1;
}

static int run(struct report *rp, struct error *err)
{
	struct dav_ctx *c = rp->c;
	struct db *db = c->r->daemon->db;

	if (store_feed_items(db, c->who.plan_id, c->who.person_id, on_item, rp, err) == -1)
		return err->kind != ERR_NONE ? -1 : error_set(err, ERR_INTERNAL, "out of memory");
	if (rp->body->kind == DAV_MULTIGET)
		return multiget_gone(rp);
	if (rp->body->kind != DAV_SYNC || rp->since == INT64_MIN)
		return 0;
	if (rp->seen.n > 0)
		qsort(rp->seen.v, rp->seen.n, sizeof *rp->seen.v, cmp_id);
	return store_dav_changed(db, c->who.plan_id, rp->since, on_changed, rp, err);
}

static int prepare(struct report *rp, struct error *err)
{
	const struct dav_body *body = rp->body;

	if (body->kind == DAV_OTHER_REPORT)
		return api_dav_refuse(rp->c->r, 403, "<d:supported-report/>",
				      "this REPORT is not offered here", err) == 0 ?
			       1 :
			       -1;
	if (body->kind == DAV_PROPFIND)
		return error_set(err, ERR_INVALID, "a REPORT's body is not a propfind");
	if (body->kind == DAV_SYNC && read_token(body->sync_token, &rp->since) == -1)
		return api_dav_refuse(rp->c->r, 403, "<d:valid-sync-token/>",
				      "the sync token is not this collection's: sync anew", err) ==
				       0 ?
			       1 :
			       -1;
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
	int later;

	if ((later = prepare(rp, err)) != 0)
		return later == 1 ? 0 : -1;
	feed_uid_host(&c->r->daemon->config, host, sizeof host);
	if (feed_dav_open(&rp->render, c->r->daemon->db, c->who.plan_id, host, rp->now, err) == -1 ||
	    api_dav_token(c, token, sizeof token, NULL, err) == -1)
		return -1;
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
	feed_dav_close(&rp.render);
	buf_free(&b);
	free(rp.wanted.v);
	free(rp.seen.v);
	dav_body_free(&body);
	return rc;
}
