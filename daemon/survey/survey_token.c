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

/*
 * "NONCE.ISSUED.MAC": the nonce and the time in decimal; the MAC the first 128 bits of
 * SHA-256(key, "plan nonce issued", key) in base32, with a key derived from the link key once
 * (a link secret of its own kind), so that a form served costs one hash, not an HMAC set-up,
 * and its token outlives a restart of qweekd. Nonces are a random start and a count: unique,
 * and the MAC is what makes them unforgeable.
 */

static int survey_token_key(struct db *db, char key[FEED_SECRET_LEN + 1], struct error *err)
{
	static char cached[FEED_SECRET_LEN + 1];
	static const struct db *keyed;
	unsigned char salt[LINK_SALT_LEN];

	if (!link_key_ready())
		return error_set(err, ERR_UNAVAILABLE,
				 "qweekd has no link key (see its log): the survey's form cannot "
				 "be given out now");
	if (keyed != db) {
		if (store_link_salt(db, salt, err) == -1)
			return -1;
		if (link_secret(salt, LINK_SURVEY_TOKEN, 0, 0, 0, cached) == -1)
			return error_set(err, ERR_INTERNAL, "cannot derive the form tokens' key");
		keyed = db;
	}
	memcpy(key, cached, sizeof cached);
	return 0;
}

static int survey_token_mac(struct db *db, int64_t plan_id, int64_t nonce, int64_t issued,
			    char mac[FEED_SECRET_LEN + 1], struct error *err)
{
	char key[FEED_SECRET_LEN + 1], msg[FEED_SECRET_LEN * 2 + 80];
	unsigned char md[SECRET_HASH_LEN];
	int n;

	if (survey_token_key(db, key, err) == -1)
		return -1;
	n = snprintf(msg, sizeof msg, "%s %" PRId64 " %" PRId64 " %" PRId64 " %s", key, plan_id,
		     nonce, issued, key);
	if (n < 0 || (size_t)n >= sizeof msg || secret_sha256(msg, (size_t)n, md) == -1)
		return error_set(err, ERR_INTERNAL, "cannot sign a form token");
	secret_base32(md, 16, mac);
	explicit_bzero(msg, sizeof msg);
	explicit_bzero(key, sizeof key);
	return 0;
}

int survey_token_make(struct db *db, int64_t plan_id, int64_t now, char out[SURVEY_TOKEN_LEN],
		      struct error *err)
{
	static uint64_t next;
	char mac[FEED_SECRET_LEN + 1];
	int64_t nonce;

	if (next == 0 && secret_random((unsigned char *)&next, sizeof next) == -1)
		return error_set(err, ERR_INTERNAL, "no random bytes for a form token");
	nonce = (int64_t)(next++ & (UINT64_MAX >> 2)); /* positive: SQLite's INTEGER */
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
