/* SPDX-License-Identifier: MIT */
#include <stddef.h>

#include "auth.h"
#include "secret.h"

/*
 * API tokens: 256 bits from the kernel's random source, written in base32. The database keeps
 * only their SHA-256: a copy of it (a backup) gives nobody access, and a token is printed once.
 */

int auth_token_new(char out[AUTH_TOKEN_LEN + 1])
{
	return secret_new(out, 32);
}

int auth_token_hash(const char *token, size_t len, unsigned char out[AUTH_HASH_LEN])
{
	return secret_sha256(token, len, out);
}
