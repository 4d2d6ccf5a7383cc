/* SPDX-License-Identifier: MIT */
/* Secrets (feed and status URLs, API tokens): random bits in base32, kept only as SHA-256. */
#ifndef QWEEK_SECRET_H
#define QWEEK_SECRET_H

#include <stddef.h>

#define SECRET_HASH_LEN 32 /* SHA-256 */

/* The base32 length of RAW_BYTES random bytes. */
#define SECRET_TEXT_LEN(raw_bytes) (((raw_bytes)*8 + 4) / 5)

/*
 * RAW_BYTES (at most 64) from getrandom(2), written into OUT in lower-case base32 without
 * padding: SECRET_TEXT_LEN(RAW_BYTES) characters and a NUL. Returns 0 or -1.
 */
int secret_new(char *out, size_t raw_bytes);

/* RAW_BYTES bytes at RAW in lower-case base32 without padding into OUT (and a NUL). */
void secret_base32(const unsigned char *raw, size_t raw_bytes, char *out);

/* LEN bytes from getrandom(2) into BUF; 0 or -1. */
int secret_random(unsigned char *buf, size_t len);

/* SHA-256 of the LEN bytes at DATA; 0 or -1. */
int secret_sha256(const void *data, size_t len, unsigned char out[SECRET_HASH_LEN]);

/* Frees the digest context (at exit). */
void secret_shutdown(void);

#endif
