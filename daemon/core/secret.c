/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/evp.h>

#include "core/secret.h"

/*
 * Whoever holds a secret URL or token may use it, so the database keeps only its SHA-256: a
 * copy of the database (a backup) gives nobody access, and a rotated secret is dead for good.
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

void secret_base32(const unsigned char *raw, size_t raw_bytes, char *out)
{
	unsigned bits = 0, acc = 0;
	size_t n = 0;

	for (size_t i = 0; i < raw_bytes; i++) {
		acc = ((acc << 8) | raw[i]) & 0xffff;
		bits += 8;
		while (bits >= 5) {
			out[n++] = alphabet[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		out[n++] = alphabet[(acc << (5 - bits)) & 31];
	out[n] = '\0';
}

int secret_new(char *out, size_t raw_bytes)
{
	unsigned char raw[64];

	if (raw_bytes > sizeof raw || random_bytes(raw, raw_bytes) == -1)
		return -1;
	secret_base32(raw, raw_bytes, out);
	explicit_bzero(raw, sizeof raw);
	return 0;
}

int secret_random(unsigned char *buf, size_t len)
{
	return random_bytes(buf, len);
}

/* One digest context, kept: OpenSSL 3 fetches the algorithm anew at every EVP_Digest. */
static EVP_MD_CTX *ctx;
static EVP_MD *sha256;

int secret_sha256(const void *data, size_t len, unsigned char out[SECRET_HASH_LEN])
{
	unsigned int n = 0;

	if (sha256 == NULL && (sha256 = EVP_MD_fetch(NULL, "SHA256", NULL)) == NULL)
		return -1;
	if (ctx == NULL && (ctx = EVP_MD_CTX_new()) == NULL)
		return -1;
	if (EVP_DigestInit_ex(ctx, sha256, NULL) != 1 || EVP_DigestUpdate(ctx, data, len) != 1 ||
	    EVP_DigestFinal_ex(ctx, out, &n) != 1 || n != SECRET_HASH_LEN)
		return -1;
	return 0;
}

void secret_shutdown(void)
{
	EVP_MD_CTX_free(ctx);
	EVP_MD_free(sha256);
	ctx = NULL;
	sha256 = NULL;
}
