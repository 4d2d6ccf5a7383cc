/* SPDX-License-Identifier: MIT */
/* The status page (issue 5): its secret URL, the HTML it shows, and its HTTP handler. */
#ifndef QWEEK_STATUS_PAGE_H
#define QWEEK_STATUS_PAGE_H

#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "core/feed_secret.h"
struct request; /* http/http.h */
#include "report/report.h"
#include "feed/rendered.h"
#include "core/report_buf.h"

/* status_page_store.c: the status_pages table. */

/* The plan whose page secret hashes to HASH: 1 (sets *PLAN_ID), 0 unknown, -1 with ERR. */
int status_page_find(struct db *db, const unsigned char hash[FEED_HASH_LEN], int64_t *plan_id,
		     struct error *err);

/* status_page.c: the page itself, in the plan's language, into B. */
void status_page_render(struct rbuf *b, const struct report *r);

/* One item as a list entry (status_page.c), and the week day by day (status_page_week.c). */
void status_page_item(struct rbuf *b, const struct report *r, const struct report_item *it);
void status_page_week(struct rbuf *b, const struct report *r);

/*
 * status_page_cache.c: the page of plan PLAN_ID as of NOW's minute, rendered once per change
 * and minute. Returns a new reference (rendered_unref), or NULL with ERR (ERR_NOT_FOUND: no
 * such plan). Listens to changes (changes.h) from its first call on.
 */
struct rendered *status_page_cache_get(struct db *db, int64_t plan_id, int64_t now,
				       struct error *err);

/* Plan PLAN_ID changed: its page renders again when next asked for. */
void status_page_cache_changed(int64_t plan_id);

/* Drops every kept page (at exit). */
void status_page_cache_free(void);

/* status_page_http.c: GET /status/:secret (public: the secret is the capability). */
int status_page_get(struct request *r, struct error *err);

#endif
