/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>

#include "api/rendered_http.h"

/*
 * Serving a kept body: browsers and calendar clients send If-None-Match (some only
 * If-Modified-Since), most accept gzip. A reply hands out a reference to the body
 * (evbuffer_add_reference), so serving copies nothing and a new rendering can replace the body
 * while this one is sent.
 */

/* Does the list of entity tags LIST (If-None-Match) hold TAG or *? (weak comparison) */
static int etag_listed(const char *list, const char *tag)
{
	size_t tlen = strlen(tag);

	while (*list != '\0') {
		list += strspn(list, " \t,");
		if (*list == '*')
			return 1;
		if (strncmp(list, "W/", 2) == 0)
			list += 2;
		if (*list != '"')
			return 0;
		if (strncmp(list, tag, tlen) == 0)
			return 1;
		list = strchr(list + 1, '"');
		if (list == NULL)
			return 0;
		list++;
	}
	return 0;
}

static int parse_http_date(const char *s, int64_t *out)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	if (end == NULL || *end != '\0')
		return -1;
	*out = (int64_t)timegm(&tm);
	return 0;
}

/* Does the client have BODY already? (RFC 9110 13.2.2: If-None-Match wins over the date) */
static int not_modified(struct evkeyvalq *in, const struct rendered *body)
{
	const char *inm = evhttp_find_header(in, "If-None-Match");
	const char *ims = evhttp_find_header(in, "If-Modified-Since");
	int64_t since;

	if (inm != NULL)
		return etag_listed(inm, body->etag) || etag_listed(inm, body->etag_gz);
	return ims != NULL && body->modified != 0 && parse_http_date(ims, &since) == 0 &&
	       body->modified <= since;
}

/* Does Accept-Encoding take gzip (not with q=0)? */
static int accepts_gzip(struct evkeyvalq *in)
{
	const char *ae = evhttp_find_header(in, "Accept-Encoding"), *s = ae;

	while (s != NULL && *s != '\0') {
		size_t n, len;
		const char *q;

		s += strspn(s, " \t,");
		len = strcspn(s, ",");
		n = strcspn(s, " \t;,");
		if ((n == 4 && strncasecmp(s, "gzip", 4) == 0) ||
		    (n == 6 && strncasecmp(s, "x-gzip", 6) == 0) || (n == 1 && *s == '*')) {
			q = strstr(s, "q=");
			if (q == NULL || q > s + len || strtod(q + 2, NULL) > 0)
				return 1;
		}
		s += len;
	}
	return 0;
}

static void unref_cb(const void *data, size_t len, void *arg)
{
	(void)data;
	(void)len;
	rendered_unref(arg);
}

/*
 * libevent writes a connection's output 16 KiB per write(2) by default, and goes round the loop
 * between: an 800 KB page would take 50 rounds. Let the kernel take what it can at once.
 */
static void write_big(struct request *r, size_t len)
{
	struct evhttp_connection *conn = evhttp_request_get_connection(r->ev);
	struct bufferevent *bev = conn != NULL ? evhttp_connection_get_bufferevent(conn) : NULL;

	if (bev != NULL && len > 16384)
		bufferevent_set_max_single_write(bev, len + 4096);
}

/* What a 304 repeats of the 200 (RFC 9110 15.4.5): the validator and the caching rules. */
static void validator_headers(struct evkeyvalq *out, const struct rendered *body, int gz,
			      const struct rendered_headers *h)
{
	evhttp_add_header(out, "ETag", gz ? body->etag_gz : body->etag);
	evhttp_add_header(out, "Cache-Control", h->cache_control);
	evhttp_add_header(out, "Vary", "Accept-Encoding");
}

static void content_headers(struct evkeyvalq *out, const struct rendered *body,
			    const struct rendered_headers *h)
{
	evhttp_add_header(out, "Content-Type", h->content_type);
	if (body->modified != 0)
		evhttp_add_header(out, "Last-Modified", body->modified_http);
	evhttp_add_header(out, "X-Content-Type-Options", "nosniff");
	for (const char *const *x = h->extra; x != NULL && x[0] != NULL; x += 2)
		evhttp_add_header(out, x[0], x[1]);
}

void rendered_http_reply(struct request *r, struct rendered *body, const struct rendered_headers *h)
{
	struct evkeyvalq *in = evhttp_request_get_input_headers(r->ev);
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->ev);
	int gz = accepts_gzip(in) && !body->gz_failed;
	int head = evhttp_request_get_command(r->ev) == EVHTTP_REQ_HEAD;
	const void *data = body->text;
	size_t len = body->len;
	struct evbuffer *buf = NULL;
	char clen[24];

	r->sent = 1;
	if (not_modified(in, body)) {
		validator_headers(out, body, gz, h);
		evhttp_send_reply(r->ev, 304, "Not Modified", NULL);
		return;
	}
	if (!head && (buf = evbuffer_new()) == NULL) {
		evhttp_send_error(r->ev, 500, "out of memory");
		return;
	}
	if (gz && (data = rendered_gzip(body, &len)) == NULL) {
		gz = 0;
		data = body->text;
		len = body->len;
	}
	validator_headers(out, body, gz, h);
	content_headers(out, body, h);
	if (gz)
		evhttp_add_header(out, "Content-Encoding", "gzip");
	snprintf(clen, sizeof clen, "%zu", len);
	evhttp_add_header(out, "Content-Length", clen);
	if (head) {
		evhttp_send_reply(r->ev, 200, "OK", NULL);
		return;
	}
	write_big(r, len);
	rendered_ref(body);
	if (evbuffer_add_reference(buf, data, len, unref_cb, body) == -1) {
		rendered_unref(body);
		evbuffer_free(buf);
		evhttp_remove_header(out, "Content-Length");
		evhttp_remove_header(out, "Content-Encoding");
		evhttp_send_error(r->ev, 500, "out of memory");
		return;
	}
	evhttp_send_reply(r->ev, 200, "OK", buf);
	evbuffer_free(buf);
}
