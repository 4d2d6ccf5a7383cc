/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "core/clock.h"
#include "core/link_key.h"
#include "feed/feed.h"
#include "remind/remind_link.h"
#include "store/feed_store.h"
#include "store/link_store.h"
#include "store/plan_write.h"

/*
 * A message's links are worked out again from the link key, as `qweek person link` shows them
 * (api/api_link.c): the database keeps only a hash of each secret. A secret that does not hash
 * to what is kept (the key file was replaced) is never put in a message: it would not open.
 */

/* The secret of generation GEN of link KIND, if it is the one whose hash is HASH: 1, 0, -1. */
static int derive(struct db *db, enum link_kind kind, int64_t plan_id, int64_t person_id,
		  int64_t gen, const unsigned char hash[FEED_HASH_LEN],
		  char secret[FEED_SECRET_LEN + 1], struct error *err)
{
	unsigned char salt[LINK_SALT_LEN], h[FEED_HASH_LEN];

	if (gen == 0 || !link_key_ready())
		return 0;
	if (store_link_salt(db, salt, err) == -1)
		return -1;
	if (link_secret(salt, kind, plan_id, person_id, gen, secret) == -1 ||
	    feed_secret_hash(secret, FEED_SECRET_LEN, h) == -1)
		return 0;
	if (hash != NULL && CRYPTO_memcmp(h, hash, FEED_HASH_LEN) != 0) {
		explicit_bzero(secret, FEED_SECRET_LEN + 1);
		return 0;
	}
	return 1;
}

/* A first page for the person: a new generation, its hash stored, in a write of its own. */
static int make_page(struct db *db, int64_t plan_id, int64_t person_id,
		     char secret[FEED_SECRET_LEN + 1], struct error *err)
{
	struct page_row pg = { .person_id = person_id, .plan_id = plan_id };
	struct plan_write w;
	int found;

	if (!link_key_ready())
		return 0;
	if (plan_write_begin(&w, db, plan_id, err) == -1)
		return -1;
	/* Looked at again inside the write: `qweek person link` may have made it meanwhile. */
	if ((found = store_page_find(db, person_id, &pg, err)) == 1) {
		plan_write_rollback(&w);
		return derive(db, LINK_PAGE, plan_id, person_id, pg.gen, pg.hash, secret, err);
	}
	pg.person_id = person_id;
	pg.plan_id = plan_id;
	pg.created = clock_now();
	if (found == -1 || store_link_next_gen(db, &pg.gen, err) == -1 ||
	    derive(db, LINK_PAGE, plan_id, person_id, pg.gen, NULL, secret, err) != 1 ||
	    feed_secret_hash(secret, FEED_SECRET_LEN, pg.hash) == -1 ||
	    store_page_put(db, &pg, err) == -1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		if (err->kind == ERR_NONE)
			error_set(err, ERR_INTERNAL, "cannot make the person's page link");
		return -1;
	}
	return 1;
}

static void url(const struct config *c, const char *prefix, const char *secret, const char *suffix,
		char *buf, size_t len)
{
	char base[512];

	feed_base_url(c, base, sizeof base);
	snprintf(buf, len, "%s%s%s%s", base, prefix, secret, suffix);
}

int remind_link_page(struct db *db, const struct config *c, int64_t plan_id, int64_t person_id,
		     int make, char *buf, size_t len, struct error *err)
{
	struct page_row pg;
	char secret[FEED_SECRET_LEN + 1];
	int found = store_page_find(db, person_id, &pg, err);

	if (found == 1)
		found = derive(db, LINK_PAGE, plan_id, person_id, pg.gen, pg.hash, secret, err);
	else if (found == 0 && make)
		found = make_page(db, plan_id, person_id, secret, err);
	if (found == 1)
		url(c, "/me/", secret, "", buf, len);
	explicit_bzero(secret, sizeof secret);
	return found;
}

int remind_link_feed(struct db *db, const struct config *c, int64_t plan_id, int64_t person_id,
		     char *buf, size_t len, struct error *err)
{
	struct feed_row row;
	char secret[FEED_SECRET_LEN + 1];
	int found = store_feed_find(db, plan_id, person_id, &row, err);

	if (found == 1)
		found = derive(db, LINK_FEED, plan_id, person_id, row.gen, row.hash, secret, err);
	if (found == 1)
		url(c, "/feeds/", secret, ".ics", buf, len);
	explicit_bzero(secret, sizeof secret);
	return found;
}

void remind_link_webcal(const char *http, char *buf, size_t len)
{
	const char *rest = strstr(http, "://");

	snprintf(buf, len, "webcal://%s", rest != NULL ? rest + 3 : http);
}
