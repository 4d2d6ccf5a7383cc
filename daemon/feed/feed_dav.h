/* SPDX-License-Identifier: MIT */
/* A plan's items one by one as CalDAV resources: each a VCALENDAR with one VTODO. */
#ifndef QWEEK_FEED_DAV_H
#define QWEEK_FEED_DAV_H

#include <stddef.h>
#include <stdint.h>

#include "feed/feed_render.h"

/* What rendering a plan's items needs, made once per request (feed_dav_open). */
struct feed_dav {
	struct plan *plan;
	struct feed_rules rules;
	struct export_when when;
	struct feed_ctx c;
	struct feed_buf b;
};

/* Opens plan PLAN_ID for rendering its items at NOW, with UIDs of HOST; 0, or -1 with ERR. */
int feed_dav_open(struct feed_dav *d, struct db *db, int64_t plan_id, const char *host, int64_t now,
		  struct error *err);
void feed_dav_close(struct feed_dav *d);

/*
 * Item IT as a VCALENDAR with its VTIMEZONE and one VTODO (every item is a task: an event's
 * starts when it does): the text (*LEN bytes), valid until the next call, or NULL when the item
 * is not shown (cancelled long ago) or memory ran out (ERR set).
 */
const char *feed_dav_item(struct feed_dav *d, const struct item *it, size_t *len,
			  struct error *err);

#endif
