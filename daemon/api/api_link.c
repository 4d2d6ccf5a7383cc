/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "api/api_link.h"
#include "feed/feed.h"
#include "http/http.h"
#include "store/link_store.h"

/*
 * A link is made once and shown as often as a planner asks: the database keeps its generation
 * and the SHA-256 of its secret, the secret is worked out again from the link key. Only a
 * rotation (a new generation) changes a URL, and then the old one is dead for good.
 */

static int no_key(struct error *err)
{
	return error_set(err, ERR_UNAVAILABLE,
			 "qweekd has no link key (it could not read or make the key file next "
			 "to its database; see its log): links cannot be made or shown now, and "
			 "those given out still work");
}

/* The secret of generation GEN of link KIND, worked out with the link key. */
static int derive(struct db *db, enum link_kind kind, int64_t plan_id, int64_t person_id,
		  int64_t gen, char secret[FEED_SECRET_LEN + 1], struct error *err)
{
	unsigned char salt[LINK_SALT_LEN];

	if (!link_key_ready())
		return no_key(err);
	if (store_link_salt(db, salt, err) == -1)
		return -1;
	if (link_secret(salt, kind, plan_id, person_id, gen, secret) == -1)
		return error_set(err, ERR_INTERNAL, "cannot work out a link's secret");
	return 0;
}

int api_link_show(struct db *db, const struct link_ref *l, char secret[FEED_SECRET_LEN + 1],
		  struct error *err)
{
	unsigned char hash[FEED_HASH_LEN];

	if (l->gen == 0)
		return error_set(err, ERR_CONFLICT,
				 "%s has a URL made by an older qweekd, which cannot be shown "
				 "again (only a hash of it is kept); to get one that can, ask "
				 "with rotate (%s): the old URL then stops working",
				 l->what, l->rotate);
	if (derive(db, l->kind, l->plan_id, l->person_id, l->gen, secret, err) == -1)
		return -1;
	if (feed_secret_hash(secret, FEED_SECRET_LEN, hash) == -1 ||
	    CRYPTO_memcmp(hash, l->hash, FEED_HASH_LEN) != 0) {
		explicit_bzero(secret, FEED_SECRET_LEN + 1);
		return error_set(err, ERR_CONFLICT,
				 "%s has a URL made with another link key than qweekd has now "
				 "(was the key file replaced?), so it cannot be shown again; it "
				 "still works for whoever has it; to get one that can be shown, "
				 "ask with rotate (%s): the old URL then stops working",
				 l->what, l->rotate);
	}
	return 0;
}

int api_link_make(struct db *db, enum link_kind kind, int64_t plan_id, int64_t person_id,
		  int64_t *gen, char secret[FEED_SECRET_LEN + 1], unsigned char hash[FEED_HASH_LEN],
		  struct error *err)
{
	if (!link_key_ready())
		return no_key(err);
	if (store_link_next_gen(db, gen, err) == -1 ||
	    derive(db, kind, plan_id, person_id, *gen, secret, err) == -1)
		return -1;
	if (feed_secret_hash(secret, FEED_SECRET_LEN, hash) == -1)
		return error_set(err, ERR_INTERNAL, "cannot hash a secret");
	return 0;
}

int api_link_rotate(struct request *r, const char *what, int *rotate, struct error *err)
{
	const char *key;
	json_t *v;

	*rotate = 0;
	if (r->body == NULL)
		return 0;
	json_object_foreach (r->body, key, v) {
		if (strcmp(key, "rotate") != 0)
			return error_set(err, ERR_UNKNOWN_FIELD,
					 "«%s» is not a field of %s (only «rotate»)", key, what);
		if (!json_is_boolean(v))
			return error_set(err, ERR_BAD_FIELD, "«rotate» must be true or false");
		*rotate = json_is_true(v);
	}
	return 0;
}

void api_link_url(const struct config *c, const char *prefix, const char *secret,
		  const char *suffix, char *buf, size_t len)
{
	char base[512];

	feed_base_url(c, base, sizeof base);
	snprintf(buf, len, "%s%s%s%s", base, prefix, secret, suffix);
}

void api_link_webcal(const char *http, char *buf, size_t len)
{
	const char *rest = strstr(http, "://");

	snprintf(buf, len, "webcal://%s", rest != NULL ? rest + 3 : http);
}
