/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/evp.h>

#include "feed_secret.h"

/*
 * A feed's URL is a capability: whoever has it reads the feed. It holds 128 bits from the
 * kernel's random source; the database keeps only their SHA-256, so that a copy of the
 * database (a backup) does not let anyone follow the plan, and a rotated URL is dead for good.
 */

static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";

static int random_bytes(unsigned char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = getrandom(buf, len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int feed_secret_new(char out[FEED_SECRET_LEN + 1])
{
	unsigned char raw[16];
	unsigned bits = 0, acc = 0;
	size_t n = 0;

	if (random_bytes(raw, sizeof raw) == -1)
		return -1;
	for (size_t i = 0; i < sizeof raw; i++) {
		acc = (acc << 8) | raw[i];
		bits += 8;
		while (bits >= 5) {
			out[n++] = alphabet[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		out[n++] = alphabet[(acc << (5 - bits)) & 31];
	out[n] = '\0';
	return n == FEED_SECRET_LEN ? 0 : -1;
}

int feed_secret_wellformed(const char *s, size_t len)
{
	if (len != FEED_SECRET_LEN)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '2' && s[i] <= '7')))
			return 0;
	return 1;
}

/* One digest context, kept: OpenSSL 3 fetches the algorithm anew at every EVP_Digest. */
static EVP_MD_CTX *ctx;
static EVP_MD *sha256;

static int digest(const void *data, size_t len, unsigned char out[FEED_HASH_LEN])
{
	unsigned int n = 0;

	if (sha256 == NULL && (sha256 = EVP_MD_fetch(NULL, "SHA256", NULL)) == NULL)
		return -1;
	if (ctx == NULL && (ctx = EVP_MD_CTX_new()) == NULL)
		return -1;
	if (EVP_DigestInit_ex(ctx, sha256, NULL) != 1 || EVP_DigestUpdate(ctx, data, len) != 1 ||
	    EVP_DigestFinal_ex(ctx, out, &n) != 1 || n != FEED_HASH_LEN)
		return -1;
	return 0;
}

void feed_secret_shutdown(void)
{
	EVP_MD_CTX_free(ctx);
	EVP_MD_free(sha256);
	ctx = NULL;
	sha256 = NULL;
}

int feed_secret_hash(const char *s, size_t len, unsigned char out[FEED_HASH_LEN])
{
	return digest(s, len, out);
}

int feed_digest_hex(const void *data, size_t len, char *out, size_t len_hex)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[FEED_HASH_LEN];

	if (len_hex > 2 * FEED_HASH_LEN || digest(data, len, md) == -1)
		return -1;
	for (size_t i = 0; i < len_hex; i++)
		out[i] = hex[(md[i / 2] >> (i % 2 ? 0 : 4)) & 15];
	out[len_hex] = '\0';
	return 0;
}
