/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <event2/buffer.h>

#include "api/feed_http.h"

/*
 * Calendar clients poll: ICSx⁵ and Thunderbird send If-None-Match, others If-Modified-Since,
 * most accept gzip. rendered_http_reply answers them all from the kept body; a feed says only what
 * it is and how to keep it. "no-cache": the plan may change at any moment, so a client asks
 * every time (and mostly gets a 304); "private": the URL is a capability, no shared cache should
 * keep what it shows.
 */

static const struct rendered_headers calendar_headers = {
	.content_type = "text/calendar; charset=utf-8",
	.cache_control = "private, no-cache",
	.extra = NULL,
};

void feed_http_reply(struct request *r, struct rendered *body, const char *filename)
{
	struct rendered_headers h = calendar_headers;
	const char *extra[] = { "Content-Disposition", NULL, NULL };
	char disp[300];

	if (filename != NULL) {
		snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", filename);
		extra[1] = disp;
		h.extra = extra;
	}
	rendered_http_reply(r, body, &h);
}

void feed_http_plain(struct request *r, int status, const char *reason)
{
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->ev);
	struct evbuffer *buf = evbuffer_new();

	evhttp_add_header(out, "Content-Type", "text/plain; charset=utf-8");
	evhttp_add_header(out, "Cache-Control", "no-store");
	if (buf != NULL && evhttp_request_get_command(r->ev) != EVHTTP_REQ_HEAD)
		evbuffer_add_printf(buf, "%s\n", reason);
	evhttp_send_reply(r->ev, status, reason, buf);
	if (buf != NULL)
		evbuffer_free(buf);
	r->sent = 1;
}

int feed_http_options(struct request *r, enum feed_todo *todo, int *alarms)
{
	const char *t = http_query(r, "todo"), *a = http_query(r, "alarms");

	*todo = FEED_TODO_BOTH;
	*alarms = 1;
	if (t != NULL) {
		if (strcmp(t, "both") == 0)
			*todo = FEED_TODO_BOTH;
		else if (strcmp(t, "only") == 0)
			*todo = FEED_TODO_ONLY;
		else if (strcmp(t, "none") == 0)
			*todo = FEED_TODO_NONE;
		else
			return -1;
	}
	if (a != NULL) {
		if (strcmp(a, "0") == 0 || strcmp(a, "no") == 0 || strcmp(a, "false") == 0)
			*alarms = 0;
		else if (strcmp(a, "1") == 0 || strcmp(a, "yes") == 0 || strcmp(a, "true") == 0)
			*alarms = 1;
		else
			return -1;
	}
	return 0;
}
