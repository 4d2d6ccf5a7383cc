/* SPDX-License-Identifier: MIT */
/* Serving a rendered body (rendered.h): 304 for a client that has it, headers only for HEAD,
 * gzip for whoever accepts it. */
#ifndef QWEEK_RENDERED_HTTP_H
#define QWEEK_RENDERED_HTTP_H

#include "feed/rendered.h"
#include "http/http.h"

/* What a reply says besides the body: its type, its caching rules, and any other headers. */
struct rendered_headers {
	const char *content_type;
	const char *cache_control;
	const char *const *extra; /* name, value, name, value, ..., NULL; or NULL */
};

/*
 * Replies to R with B: 304 when the client's If-None-Match (or, without it, If-Modified-Since)
 * says it has this version, gzip when it accepts it, headers only for HEAD. Sets R->sent.
 */
void rendered_http_reply(struct request *r, struct rendered *b, const struct rendered_headers *h);

#endif
