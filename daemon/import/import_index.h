/* SPDX-License-Identifier: MIT */
/* Rows or items found by a text key (a label, a title, both), without copying the keys. */
#ifndef QWEEK_IMPORT_INDEX_H
#define QWEEK_IMPORT_INDEX_H

#include <stddef.h>
#include <stdint.h>

#define IMPORT_INDEX_NONE SIZE_MAX

/* A key: A, or A and B together; A NULL when an entry has no key (it is not indexed). */
struct import_key {
	const char *a, *b;
};

/* The key of entry I of CTX's entries. */
typedef struct import_key (*import_key_fn)(const void *ctx, size_t i);

/*
 * Entries 0..N-1 by their keys: a hash table of entry numbers, the keys read back from the
 * entries. Entries with the same key are chained in their order. 12 bytes an entry, against
 * ~150 for a jansson object of arrays of integers. Zeroed is empty.
 */
struct import_index {
	uint32_t *slots; /* 1 + the first entry with a key, 0 for none */
	uint32_t *next;	 /* per entry: 1 + the next one with its key, 0 after the last */
	size_t nslots;
	import_key_fn key;
	const void *ctx;
};

/* Indexes the N entries of CTX by KEY; 0, or -1 if out of memory. */
int import_index_build(struct import_index *ix, size_t n, import_key_fn key, const void *ctx);
void import_index_free(struct import_index *ix);

/* The first entry with key K, or IMPORT_INDEX_NONE. */
size_t import_index_first(const struct import_index *ix, struct import_key k);

/* The entry after I with the same key, or IMPORT_INDEX_NONE. */
size_t import_index_next(const struct import_index *ix, size_t i);

#endif
