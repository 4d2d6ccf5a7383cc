/* SPDX-License-Identifier: MIT */
/*
 * Capability URLs that can be shown again (feeds, the status page, personal pages): their
 * secrets derived from the link key (core/link_key.h) and a generation stored in the database.
 */
#ifndef QWEEK_API_LINK_H
#define QWEEK_API_LINK_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "core/error.h"
#include "core/link_key.h"
#include "store/db.h"
#include "store/feed_store.h"

struct request; /* http/http.h */

/* The secret of link KIND of PLAN_ID and PERSON_ID (0: none) at generation GEN; 0 or -1. */
int api_link_show(struct db *db, enum link_kind kind, int64_t plan_id, int64_t person_id,
		  int64_t gen, char secret[FEED_SECRET_LEN + 1], struct error *err);

/*
 * A new generation for link KIND (inside the caller's transaction), its secret and the hash
 * the database keeps of it; 0 or -1 with ERR.
 */
int api_link_make(struct db *db, enum link_kind kind, int64_t plan_id, int64_t person_id,
		  int64_t *gen, char secret[FEED_SECRET_LEN + 1], unsigned char hash[FEED_HASH_LEN],
		  struct error *err);

/* The body's only field "rotate" (a boolean; no body: false); WHAT names the request. */
int api_link_rotate(struct request *r, const char *what, int *rotate, struct error *err);

/* The 409 for a link made before secrets could be shown again: WHAT has one, ROTATE says how. */
int api_link_legacy(struct error *err, const char *what, const char *rotate);

/* BASE/PREFIX/SECRET SUFFIX with qweekd's public base URL (feed_base_url) into BUF. */
void api_link_url(const struct config *c, const char *prefix, const char *secret,
		  const char *suffix, char *buf, size_t len);

/* The webcal:// form of the http(s) URL HTTP into BUF. */
void api_link_webcal(const char *http, char *buf, size_t len);

/*
 * api_feed.c: the secret of feed ROW (plan and person set; EXISTS: ROW was found): shown again,
 * or with ROTATE or when there is none, made anew and stored (*MADE set; inside the caller's
 * transaction, after which api_feed_made tells the feed index).
 */
int api_feed_secret(struct db *db, struct feed_row *row, int exists, int rotate,
		    char secret[FEED_SECRET_LEN + 1], int *made, struct error *err);
int api_feed_made(const struct feed_row *row, struct error *err);

#endif
