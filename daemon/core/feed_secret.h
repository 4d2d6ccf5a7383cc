/* SPDX-License-Identifier: MIT */
/* The secrets of capability URLs: 128 bits in a URL (link_key.h), stored only as their SHA-256. */
#ifndef QWEEK_FEED_SECRET_H
#define QWEEK_FEED_SECRET_H

#include <stddef.h>

#define FEED_SECRET_LEN 26 /* 128 bits in base32, lower case, no padding */
#define FEED_HASH_LEN	32 /* SHA-256 */

/* True if the LEN bytes at S have the form of a secret (so others are refused unhashed). */
int feed_secret_wellformed(const char *s, size_t len);

/* SHA-256 of the LEN bytes at S; 0 or -1. */
int feed_secret_hash(const char *s, size_t len, unsigned char out[FEED_HASH_LEN]);

/* Frees the digest context (at exit). */
void feed_secret_shutdown(void);

#endif
