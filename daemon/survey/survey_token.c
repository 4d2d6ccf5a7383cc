/* SPDX-License-Identifier: MIT */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "core/link_key.h"
#include "core/secret.h"
#include "store/link_store.h"
#include "survey/survey_token.h"

/* "NONCE.ISSUED.MAC": the nonce and the time in decimal, the MAC as a link secret of them. */

static int survey_token_mac(struct db *db, int64_t plan_id, int64_t nonce, int64_t issued,
			    char mac[FEED_SECRET_LEN + 1], struct error *err)
{
	/* The salt never changes for a database: read once (a statement less per form served). */
	static unsigned char salt[LINK_SALT_LEN];
	static const struct db *salted;

	if (!link_key_ready())
		return error_set(err, ERR_UNAVAILABLE,
				 "qweekd has no link key (see its log): the survey's form cannot "
				 "be given out now");
	if (salted != db) {
		if (store_link_salt(db, salt, err) == -1)
			return -1;
		salted = db;
	}
	if (link_secret(salt, LINK_SURVEY_TOKEN, plan_id, issued, nonce, mac) == -1)
		return error_set(err, ERR_INTERNAL, "cannot sign a form token");
	return 0;
}

int survey_token_make(struct db *db, int64_t plan_id, int64_t now, char out[SURVEY_TOKEN_LEN],
		      struct error *err)
{
	char mac[FEED_SECRET_LEN + 1];
	uint64_t r;
	int64_t nonce;

	if (secret_random((unsigned char *)&r, sizeof r) == -1)
		return error_set(err, ERR_INTERNAL, "no random bytes for a form token");
	nonce = (int64_t)(r >> 2); /* positive, and SQLite's INTEGER */
	if (survey_token_mac(db, plan_id, nonce, now, mac, err) == -1)
		return -1;
	snprintf(out, SURVEY_TOKEN_LEN, "%" PRId64 ".%" PRId64 ".%s", nonce, now, mac);
	return 0;
}

int survey_token_check(struct db *db, int64_t plan_id, const char *token, int64_t now,
		       int64_t *nonce, int64_t *issued, struct error *err)
{
	char mac[FEED_SECRET_LEN + 1], *end;
	const char *given;

	if (token == NULL || strlen(token) >= SURVEY_TOKEN_LEN)
		return SURVEY_TOKEN_BAD;
	*nonce = strtoll(token, &end, 10);
	if (end == token || *end != '.')
		return SURVEY_TOKEN_BAD;
	*issued = strtoll(end + 1, &end, 10);
	if (*end != '.' || strlen(given = end + 1) != FEED_SECRET_LEN || *nonce < 0)
		return SURVEY_TOKEN_BAD;
	if (survey_token_mac(db, plan_id, *nonce, *issued, mac, err) == -1)
		return -1;
	if (CRYPTO_memcmp(mac, given, FEED_SECRET_LEN) != 0)
		return SURVEY_TOKEN_BAD;
	if (*issued > now + 300 || now - *issued > SURVEY_TOKEN_TTL)
		return SURVEY_TOKEN_EXPIRED;
	return SURVEY_TOKEN_OK;
}
