/* SPDX-License-Identifier: MIT */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_arena.h"

/*
 * 10,000 rows or items hold 100,000 short strings; malloc spends 16 bytes and a rounding on
 * each, and leaves them scattered over the heap when they go. Blocks of 64 KiB hold them
 * side by side and go at once. A string larger than a quarter of a block gets its own.
 */

#define BLOCK_SIZE (64 * 1024)

struct import_arena_block {
	struct import_arena_block *next;
	size_t used, size;
	alignas(max_align_t) char data[];
};

/* A new block of SIZE bytes; OWN: for one large piece, behind the current block. */
static struct import_arena_block *new_block(struct import_arena *a, size_t size, int own)
{
	struct import_arena_block *b = malloc(sizeof *b + size);

	if (b == NULL)
		return NULL;
	b->used = 0;
	b->size = size;
	/* A block of its own goes behind the current one, which still has room. */
	if (own && a->blocks != NULL) {
		b->next = a->blocks->next;
		a->blocks->next = b;
	} else {
		b->next = a->blocks;
		a->blocks = b;
	}
	return b;
}

static void *take(struct import_arena *a, size_t n, size_t align)
{
	struct import_arena_block *b = a->blocks;
	size_t at;

	if (n > SIZE_MAX / 2)
		return NULL;
	if (b != NULL) {
		at = (b->used + align - 1) & ~(align - 1);
		if (at + n <= b->size) {
			b->used = at + n;
			return b->data + at;
		}
	}
	if ((b = new_block(a, n > BLOCK_SIZE / 4 ? n : BLOCK_SIZE, n > BLOCK_SIZE / 4)) == NULL)
		return NULL;
	b->used = n;
	return b->data;
}

char *import_arena_strndup(struct import_arena *a, const char *s, size_t len)
{
	char *d = take(a, len + 1, 1);

	if (d == NULL)
		return NULL;
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

char *import_arena_strdup(struct import_arena *a, const char *s)
{
	static char empty[] = "";

	if (s == NULL || *s == '\0')
		return empty;
	return import_arena_strndup(a, s, strlen(s));
}

void *import_arena_alloc(struct import_arena *a, size_t n)
{
	return take(a, n, alignof(max_align_t));
}

void import_arena_free(struct import_arena *a)
{
	while (a->blocks != NULL) {
		struct import_arena_block *next = a->blocks->next;
		free(a->blocks);
		a->blocks = next;
	}
}
