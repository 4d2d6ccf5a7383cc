/* SPDX-License-Identifier: MIT */
/* Rendered feeds kept in memory: rendered once per change, served many times (rendered.h). */
#ifndef QWEEK_FEED_CACHE_H
#define QWEEK_FEED_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "feed/feed_render.h"
#include "feed/rendered.h"

/*
 * The current body of feed S, with UIDs at HOST: the kept one, unless the plan changed since,
 * a cancelled item's time to leave the feed has come (NOW), or HOST changed; then it is
 * rendered again. Returns a new reference (the caller unrefs it), or NULL with ERR.
 */
struct rendered *feed_cache_get(struct db *db, const struct feed_spec *s, const char *host,
				int64_t now, struct error *err);

/* Plan PLAN_ID changed: its feeds render again when next asked for. */
void feed_cache_changed(int64_t plan_id);

/* Drops everything (at exit). */
void feed_cache_free(void);

#endif
