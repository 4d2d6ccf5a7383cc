/* SPDX-License-Identifier: MIT */
/* Serving a rendered feed over HTTP (validators, 304, HEAD and gzip: rendered_http.h). */
#ifndef QWEEK_FEED_HTTP_H
#define QWEEK_FEED_HTTP_H

#include "api/rendered_http.h"
#include "feed/feed_cache.h"
#include "http/http.h"

/*
 * Replies to R with BODY as text/calendar (rendered_http_reply: 304, HEAD, gzip). FILENAME (or NULL)
 * adds a Content-Disposition. Sets R->sent.
 */
void feed_http_reply(struct request *r, struct rendered *body, const char *filename);

/* A plain reply that says nothing more than its status: 404 for an unknown feed. */
void feed_http_plain(struct request *r, int status, const char *reason);

/* The ?todo= and ?alarms= options of a feed request; 0, or -1 if one is not understood. */
int feed_http_options(struct request *r, enum feed_todo *todo, int *alarms);

#endif
