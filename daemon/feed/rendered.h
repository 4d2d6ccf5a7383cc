/* SPDX-License-Identifier: MIT */
/*
 * A reply rendered once and served many times (the status page, the feeds): its bytes, a
 * strong ETag, and their gzip made on first demand. HTTP serves it (api/rendered_http.h).
 */
#ifndef QWEEK_RENDERED_H
#define QWEEK_RENDERED_H

#include <stddef.h>
#include <stdint.h>

#define RENDERED_ETAG_MAX 48

/*
 * Reference-counted: the cache holds one reference and every reply still being written holds
 * one, so a new rendering can replace it while an old reply goes out.
 */
struct rendered {
	int refs;
	char *text;
	size_t len;
	unsigned char *gz; /* the gzip of TEXT, made at the first request that accepts it */
	size_t gz_len;
	int gz_failed;
	char etag[RENDERED_ETAG_MAX];	 /* "\"<128 bits of SHA-256 in hex>\"" */
	char etag_gz[RENDERED_ETAG_MAX]; /* the same with "-gz" for the gzip body */
	int64_t modified;		 /* 0: no Last-Modified */
	char modified_http[40];		 /* IMF-fixdate */
};

/* Takes TEXT (LEN bytes, malloc'd) into a new body with one reference; NULL (TEXT freed) if
 * out of memory. */
struct rendered *rendered_new(char *text, size_t len);

void rendered_ref(struct rendered *b);
void rendered_unref(struct rendered *b);

/* Sets the Last-Modified of B to T (seconds since the epoch). */
void rendered_set_modified(struct rendered *b, int64_t t);

/* The gzip body, made on first use; NULL if compression failed. */
const unsigned char *rendered_gzip(struct rendered *b, size_t *len);

#endif
