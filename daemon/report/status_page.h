/* SPDX-License-Identifier: MIT */
/* The status page (issue 5): the HTML it shows, rendered once per change and minute. */
#ifndef QWEEK_STATUS_PAGE_H
#define QWEEK_STATUS_PAGE_H

#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "report/report.h"
#include "feed/rendered.h"
#include "core/report_buf.h"

/* status_page.c: the page itself, in the plan's language, into B. */
void status_page_render(struct buf *b, const struct report *r);

/* status_page_item.c: one item as a list entry, and the class its mark gives it ("overdue"). */
void status_page_item(struct buf *b, const struct report *r, const struct report_item *it);
const char *status_page_item_class(enum report_mark m);

/* status_page_week.c: the week day by day. */
void status_page_week(struct buf *b, const struct report *r);

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

#endif
