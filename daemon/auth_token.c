/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/evp.h>

#include "auth.h"

/*
 * API tokens: 256 bits from the kernel's random source, written in base32. The database keeps
 * only their SHA-256: a copy of it (a backup) gives nobody access, and a token is printed once.
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

int auth_token_new(char out[AUTH_TOKEN_LEN + 1])
{
	unsigned char raw[32];
	unsigned bits = 0, acc = 0;
	size_t n = 0;

	if (random_bytes(raw, sizeof raw) == -1)
		return -1;
	for (size_t i = 0; i < sizeof raw; i++) {
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
	explicit_bzero(raw, sizeof raw);
	return n == AUTH_TOKEN_LEN ? 0 : -1;
}

int auth_token_hash(const char *token, size_t len, unsigned char out[AUTH_HASH_LEN])
{
	unsigned int n = 0;

	if (EVP_Digest(token, len, out, &n, EVP_sha256(), NULL) != 1 || n != AUTH_HASH_LEN)
		return -1;
	return 0;
}
