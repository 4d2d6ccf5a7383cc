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

/* A link as stored: what it opens, its generation (0: made before secrets were derived) and the
 * hash of its secret; and, for refusals, what it is and how to rotate it. */
struct link_ref {
	enum link_kind kind;
	int64_t plan_id, person_id, gen;
	const unsigned char *hash;
	const char *what, *rotate;
};

/*
 * The secret of link L, shown again: 0, or -1 with ERR: 409 when it cannot be shown (made by
 * an older qweekd, or with another link key than the one qweekd has now: what it works out would
 * not be the URL given out), 503 without a key.
 */
int api_link_show(struct db *db, const struct link_ref *l, char secret[FEED_SECRET_LEN + 1],
		  struct error *err);

/*
 * A new generation for link KIND (inside the caller's transaction), its secret and the hash
 * the database keeps of it; 0 or -1 with ERR.
 */
int api_link_make(struct db *db, enum link_kind kind, int64_t plan_id, int64_t person_id,
		  int64_t *gen, char secret[FEED_SECRET_LEN + 1], unsigned char hash[FEED_HASH_LEN],
		  struct error *err);

/* The body's only field "rotate" (a boolean; no body: false); WHAT names the request. */
int api_link_rotate(struct request *r, const char *what, int *rotate, struct error *err);

/* BASE/PREFIX/SECRET SUFFIX with qweekd's public base URL (feed_base_url) into BUF. */
void api_link_url(const struct config *c, const char *prefix, const char *secret,
		  const char *suffix, char *buf, size_t len);

/* The webcal:// form of the http(s) URL HTTP into BUF. */
void api_link_webcal(const char *http, char *buf, size_t len);

/*
 * api_feed.c: the secret of feed ROW (plan and person set; EXISTS: ROW was found): shown again,
 * or with ROTATE or when there is none, made anew and stored (*MADE set; inside the caller's
 * transaction, after which api_feed_made tells the feed index). HINT: what the feed is and how
 * to rotate it, for a refusal (link_ref).
 */
int api_feed_secret(struct db *db, struct feed_row *row, int exists, int rotate,
		    const char *const hint[2], char secret[FEED_SECRET_LEN + 1], int *made,
		    struct error *err);
int api_feed_made(const struct feed_row *row, struct error *err);

/*
 * api_me_link.c: makes sure person PERSON_ID (named NAME) of plan PLAN_ID has a page and a feed
 * link, made now (in a write of their own) when missing, the same as `qweek person link` gives
 * them; 0, or -1 with ERR (a feed made by an older qweekd, no link key).
 */
int api_person_links_ensure(struct db *db, int64_t plan_id, int64_t person_id, const char *name,
			    struct error *err);

#endif
