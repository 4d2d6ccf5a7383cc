/* SPDX-License-Identifier: MIT */
/* Rendered feeds kept in memory: rendered once per change, served many times. */
#ifndef QWEEK_FEED_CACHE_H
#define QWEEK_FEED_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "error.h"
#include "feed_render.h"

#define FEED_ETAG_MAX 48

/*
 * One rendering of a feed and what HTTP says of it. Reference-counted: the cache holds one
 * reference and every reply still being written holds one, so a new rendering can replace it
 * while an old reply goes out.
 */
struct feed_body {
	int refs;
	char *ics;
	size_t len;
	unsigned char *gz; /* the gzip of ICS, made at the first request that accepts it */
	size_t gz_len;
	int gz_failed;
	char etag[FEED_ETAG_MAX];    /* "\"<128 bits of SHA-256 in hex>\"" */
	char etag_gz[FEED_ETAG_MAX]; /* the same with "-gz" for the gzip body */
	int64_t modified;
	char modified_http[40]; /* IMF-fixdate */
	int nevents, ntodos;
};

void feed_body_ref(struct feed_body *b);
void feed_body_unref(struct feed_body *b);

/* The gzip body, made on first use; NULL if compression failed. */
const unsigned char *feed_body_gzip(struct feed_body *b, size_t *len);

/*
 * The current body of feed S, with UIDs at HOST: the kept one, unless the plan changed since,
 * a cancelled item's time to leave the feed has come (NOW), or HOST changed; then it is
 * rendered again. Returns a new reference (the caller unrefs it), or NULL with ERR.
 */
struct feed_body *feed_cache_get(struct db *db, const struct feed_spec *s, const char *host,
				 int64_t now, struct error *err);

/* Plan PLAN_ID changed: its feeds render again when next asked for. */
void feed_cache_changed(int64_t plan_id);

/* Drops everything (at exit). */
void feed_cache_free(void);

#endif
