/* SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <string.h>

#include "core/auth_role.h"
#include "core/secret.h"

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

static const char *const role_names[] = { "", "viewer", "staff", "planner", "admin" };

enum auth_role auth_role_parse(const char *name)
{
	for (int i = AUTH_VIEWER; i <= AUTH_PLANNER; i++)
		if (name != NULL && strcmp(name, role_names[i]) == 0)
			return (enum auth_role)i;
	return AUTH_NONE;
}

const char *auth_role_name(enum auth_role role)
{
	return role_names[role];
}
