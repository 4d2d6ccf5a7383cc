/* SPDX-License-Identifier: MIT */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "api/api_dav.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "dav/dav_out.h"
#include "http/http_method.h"

/*
 * The one handler of /.well-known/caldav and everything under /dav: it reads the path and the
 * method, asks who it is, and hands over to PROPFIND (api_dav_find.c), REPORT
 * (api_dav_report.c) or a resource's GET and PUT (api_dav_item.c).
 */

#define ALLOW "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, REPORT"

static void free_text(const void *data, size_t len, void *arg)
{
	(void)len, (void)arg;
	free((void *)data);
}

int api_dav_send(struct request *r, int status, const char *content_type, struct buf *b,
		 const char *etag, struct error *err)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(r->ev);
	struct evbuffer *out = evbuffer_new();
	size_t len = 0;
	char *text = buf_take(b, &len), n[24];

	if (text == NULL || out == NULL) {
		free(text);
		if (out != NULL)
			evbuffer_free(out);
		return error_set(err, ERR_INTERNAL, "out of memory");
	}
	evhttp_add_header(h, "Content-Type", content_type);
	evhttp_add_header(h, "Cache-Control", "no-store");
	if (etag != NULL)
		evhttp_add_header(h, "ETag", etag);
	if (r->method == EVHTTP_REQ_HEAD) {
		snprintf(n, sizeof n, "%zu", len);
		evhttp_add_header(h, "Content-Length", n);
		free(text);
	} else {
		evbuffer_add_reference(out, text, len, free_text, NULL);
	}
	evhttp_send_reply(r->ev, status, status == 207 ? "Multi-Status" : NULL, out);
	evbuffer_free(out);
	r->sent = 1;
	return 0;
}

int api_dav_refuse(struct request *r, int status, const char *condition, const char *why,
		   struct error *err)
{
	struct buf b;

	buf_init(&b, 512);
	dav_out_error(&b, condition);
	/* The words for people go beside the machine's precondition. */
	if (b.len > 0 && why != NULL) {
		b.len -= strlen("</d:error>\n");
		buf_add_str(&b, "<d:responsedescription>");
		dav_out_text(&b, why);
		buf_add_str(&b, "</d:responsedescription></d:error>\n");
	}
	return api_dav_send(r, status, "application/xml; charset=utf-8", &b, NULL, err);
}

int api_dav_token(struct dav_ctx *c, char *buf, size_t len, struct error *err)
{
	struct db *db = c->r->daemon->db;
	struct plan *p = store_plan_get(db, c->who.plan_id, err);
	int64_t rev = 0;

	if (p == NULL || store_dav_version(db, c->who.plan_id, &rev, err) == -1) {
		plan_free(p);
		return -1;
	}
	/* The plan's own version too: its reminder rules are every task's alarms. */
	snprintf(buf, len, DAV_TOKEN_PREFIX "%" PRId64 "-%" PRId64, rev, p->updated);
	plan_free(p);
	return 0;
}

void api_dav_etag(const struct item *it, int64_t plan_updated, char *buf, size_t len)
{
	snprintf(buf, len, "\"%" PRId64 "-%" PRId64 "\"", it->seq, plan_updated);
}

int api_dav_member(const struct item *it, int64_t now)
{
	return strcmp(it->state, "cancelled") != 0 || it->cancelled_at == 0 ||
	       it->cancelled_at + FEED_CANCELLED_KEEP > now;
}

void api_dav_href(const struct dav_ctx *c, int64_t id, char *buf, size_t len)
{
	snprintf(buf, len, "%s" DAV_COLLECTION "/%" PRId64 ".ics", c->home, id);
}

/* "12.ics" → 12; 0 for a name that is none of ours. */
static int64_t item_of(const char *name)
{
	char *end;
	long long id = strtoll(name, &end, 10);

	return id > 0 && name[0] != '+' && strcmp(end, ".ics") == 0 ? (int64_t)id : 0;
}

static int options(struct request *r)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(r->ev);

	evhttp_add_header(h, "DAV", "1, 3, calendar-access");
	evhttp_add_header(h, "Allow", ALLOW);
	evhttp_add_header(h, "Content-Length", "0");
	evhttp_send_reply(r->ev, 200, "OK", NULL);
	r->sent = 1;
	return 0;
}

/* RFC 6764: the well-known name leads to the root, where current-user-principal is asked. */
static int well_known(struct request *r)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(r->ev);

	if (r->method == EVHTTP_REQ_OPTIONS)
		return options(r);
	evhttp_add_header(h, "Location", "/dav/");
	evhttp_add_header(h, "Content-Length", "0");
	evhttp_send_reply(r->ev, 301, "Moved Permanently", NULL);
	r->sent = 1;
	return 0;
}

/* The path's parts: /dav/<login>/<collection>/<resource>. */
static int read_path(struct dav_ctx *c, struct error *err)
{
	struct request *r = c->r;
	const char *depth = evhttp_find_header(evhttp_request_get_input_headers(r->ev), "Depth");

	c->depth = depth != NULL && strcmp(depth, "0") == 0 ? 0 : 1;
	if (r->method == HTTP_REQ_REPORT && depth == NULL)
		c->depth = 0;
	snprintf(c->home, sizeof c->home, "/dav/%s/", c->who.login);
	if (r->args[0] != NULL && strcmp(r->args[0], c->who.login) != 0)
		return error_set(err, ERR_FORBIDDEN,
				 "%s is signed in as %s: another person's tasks are theirs alone",
				 r->path, c->who.login);
	if (r->args[1] == NULL || r->method == HTTP_REQ_MKCALENDAR ||
	    r->method == HTTP_REQ_PROPPATCH || r->method == EVHTTP_REQ_DELETE)
		return 0; /* refused whatever the path (refuse_method) */
	if (strcmp(r->args[1], DAV_COLLECTION) != 0)
		return error_set(err, ERR_NOT_FOUND,
				 "there is nothing at %s: the tasks are at %s" DAV_COLLECTION "/",
				 r->path, c->home);
	c->collection = 1;
	c->res = r->args[2];
	c->item_id = c->res != NULL ? item_of(c->res) : 0;
	return 0;
}

static int refuse_method(struct dav_ctx *c, struct error *err)
{
	const char *m = http_method_name(c->r->method);

	if (c->r->method == HTTP_REQ_MKCALENDAR)
		return api_dav_refuse(c->r, 403, "<d:resource-must-be-null/>",
				      "qweek's calendars are its plans: MKCALENDAR is not taken",
				      err);
	return error_set(err, ERR_FORBIDDEN,
			 "%s is not taken here: a task is ticked off with a PUT, and made, moved "
			 "or deleted in the plan",
			 m);
}

int api_dav(struct request *r, struct error *err)
{
	struct dav_ctx c = { .r = r };
	int in;

	if (strncmp(r->path, "/.well-known/", 13) == 0)
		return well_known(r);
	if (r->method == EVHTTP_REQ_OPTIONS)
		return options(r);
	if ((in = api_dav_auth(&c, err)) != 1)
		return in;
	if (read_path(&c, err) == -1)
		return -1;
	switch (r->method) {
	case HTTP_REQ_PROPFIND:
		return api_dav_propfind(&c, err);
	case HTTP_REQ_REPORT:
		return api_dav_report(&c, err);
	case EVHTTP_REQ_GET:
	case EVHTTP_REQ_HEAD:
		return api_dav_get(&c, err);
	case EVHTTP_REQ_PUT:
		return api_dav_put(&c, err);
	}
	return refuse_method(&c, err);
}
