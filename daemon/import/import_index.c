/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "import/import_index.h"

/* Open addressing with linear probing, at most half full; FNV-1a over the key's bytes. */

static uint64_t hash_str(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3u;
	}
	return h;
}

static uint64_t hash_key(struct import_key k)
{
	uint64_t h = hash_str(0xcbf29ce484222325u, k.a);

	if (k.b != NULL) {
		h ^= 0x1f; /* between the two, as "label\x1ftitle" */
		h *= 0x100000001b3u;
		h = hash_str(h, k.b);
	}
	return h;
}

static int same_key(struct import_key x, struct import_key y)
{
	return strcmp(x.a, y.a) == 0 &&
	       (x.b == NULL ? y.b == NULL : y.b != NULL && strcmp(x.b, y.b) == 0);
}

/* The slot of key K: the one that holds its entries, or the empty one where they would go. */
static size_t find_slot(const struct import_index *ix, struct import_key k)
{
	size_t mask = ix->nslots - 1, s = (size_t)hash_key(k) & mask;

	while (ix->slots[s] != 0 && !same_key(ix->key(ix->ctx, ix->slots[s] - 1), k))
		s = (s + 1) & mask;
	return s;
}

int import_index_build(struct import_index *ix, size_t n, import_key_fn key, const void *ctx)
{
	size_t nslots = 16;

	memset(ix, 0, sizeof *ix);
	if (n >= UINT32_MAX / 4)
		return -1;
	while (nslots < 2 * n)
		nslots *= 2;
	ix->slots = calloc(nslots, sizeof *ix->slots);
	ix->next = calloc(n + 1, sizeof *ix->next);
	if (ix->slots == NULL || ix->next == NULL) {
		import_index_free(ix);
		return -1;
	}
	ix->nslots = nslots;
	ix->key = key;
	ix->ctx = ctx;
	/* Backwards, each entry put before the ones after it: the chains come in entry order. */
	for (size_t i = n; i-- > 0;) {
		struct import_key k = key(ctx, i);
		size_t s;
		if (k.a == NULL)
			continue;
		s = find_slot(ix, k);
		ix->next[i] = ix->slots[s];
		ix->slots[s] = (uint32_t)i + 1;
	}
	return 0;
}

void import_index_free(struct import_index *ix)
{
	free(ix->slots);
	free(ix->next);
	memset(ix, 0, sizeof *ix);
}

size_t import_index_first(const struct import_index *ix, struct import_key k)
{
	size_t s;

	if (ix->slots == NULL || k.a == NULL)
		return IMPORT_INDEX_NONE;
	s = find_slot(ix, k);
	return ix->slots[s] != 0 ? ix->slots[s] - 1 : IMPORT_INDEX_NONE;
}

size_t import_index_next(const struct import_index *ix, size_t i)
{
	return ix->next[i] != 0 ? ix->next[i] - 1 : IMPORT_INDEX_NONE;
}
