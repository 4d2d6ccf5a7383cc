/* SPDX-License-Identifier: MIT */
/* A streaming JSON writer into one growing buffer, for replies with thousands of items. */
#ifndef QWEEK_JSONW_H
#define QWEEK_JSONW_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/buf.h"

/*
 * Why not jansson here: building a tree of 2,000 items and dumping it through jansson's
 * per-token callback costs ~140,000 instructions an item; writing the text directly, ~10,000.
 * jansson still decodes every request and builds the small replies.
 */

#define JSONW_DEPTH 16

struct jsonw {
	int depth;
	unsigned char first[JSONW_DEPTH]; /* no value written yet at this depth */
	struct buf buf; /* the text; BUF.failed: out of memory or too deep, it is incomplete */
};

void jsonw_init(struct jsonw *w);
void jsonw_free(struct jsonw *w);

/* Hands the text over (the caller frees it); the writer is empty afterwards. NULL if failed. */
char *jsonw_take(struct jsonw *w, size_t *len);

void jsonw_object(struct jsonw *w);
void jsonw_array(struct jsonw *w);
void jsonw_end(struct jsonw *w, char close); /* '}' or ']' */

/*
 * Makes room for a key of N bytes in the current object and writes all of it but the key's
 * text, which goes at the place returned (NULL when out of memory). For jsonw_key.
 */
char *jsonw_key_room(struct jsonw *w, size_t n);

/*
 * A key in the current object; KEY is plain ASCII that needs no escaping. Inline, so that a
 * literal KEY is copied without a call: a list of 2,000 items writes 50,000 keys.
 */
static inline void jsonw_key(struct jsonw *w, const char *key)
{
	size_t n = strlen(key);
	char *d = jsonw_key_room(w, n);

	if (d != NULL)
		memcpy(d, key, n);
}

void jsonw_string(struct jsonw *w, const char *s);	      /* NULL writes null */
void jsonw_stringn(struct jsonw *w, const char *s, size_t n); /* S holds no NUL */
void jsonw_int(struct jsonw *w, int64_t v);

/* A member KEY: V of the object being written. */
void jsonw_key_int(struct jsonw *w, const char *key, int64_t v);
void jsonw_bool(struct jsonw *w, int v);
void jsonw_null(struct jsonw *w);

/* Writes already-encoded JSON TEXT as one value. */
void jsonw_raw(struct jsonw *w, const char *text, size_t len);

#endif
