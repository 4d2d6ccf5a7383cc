/* SPDX-License-Identifier: MIT */
/* Rendered feeds kept in memory: rendered once per change, served many times (rendered.h). */
#ifndef QWEEK_FEED_CACHE_H
#define QWEEK_FEED_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "error.h"
#include "feed_render.h"
#include "rendered.h"

/*
 * The names api_feed.c and tests/unit/test_feed.c still use for a feed's body, which is a
 * struct rendered (rendered.h). To go once they say struct rendered, rendered_unref,
 * rendered_gzip and RENDERED_ETAG_MAX.
 */
#define feed_body     rendered
#define FEED_ETAG_MAX RENDERED_ETAG_MAX

static inline void feed_body_unref(struct rendered *b)
{
	rendered_unref(b);
}

static inline const unsigned char *feed_body_gzip(struct rendered *b, size_t *len)
{
	return rendered_gzip(b, len);
}

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
