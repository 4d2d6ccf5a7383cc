/* SPDX-License-Identifier: MIT */
#include <stddef.h>

#include "core/feed_secret.h"
#include "core/secret.h"

/*
 * A feed's URL is a capability: whoever has it reads the feed. It holds 128 bits derived with a
 * key the database does not hold (link_key.c); the database keeps only their SHA-256, so that a
 * copy of the database (a backup) does not let anyone follow the plan, and a rotated URL is
 * dead for good.
 */

int feed_secret_wellformed(const char *s, size_t len)
{
	if (len != FEED_SECRET_LEN)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '2' && s[i] <= '7')))
			return 0;
	return 1;
}

void feed_secret_shutdown(void)
{
	secret_shutdown();
}

int feed_secret_hash(const char *s, size_t len, unsigned char out[FEED_HASH_LEN])
{
	return secret_sha256(s, len, out);
}
