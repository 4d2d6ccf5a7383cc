/* SPDX-License-Identifier: MIT */
/* Strings of one import kept together: one allocation per block, not one per string. */
#ifndef QWEEK_IMPORT_ARENA_H
#define QWEEK_IMPORT_ARENA_H

#include <stddef.h>

struct import_arena_block;

/* Zeroed is empty. Everything in it lives until import_arena_free. */
struct import_arena {
	struct import_arena_block *blocks; /* the newest first */
};

/* A copy of the LEN bytes at S, NUL-terminated, in A; NULL if out of memory. */
char *import_arena_strndup(struct import_arena *a, const char *s, size_t len);

/* A copy of S in A ("" for NULL: the empty string costs nothing); NULL if out of memory. */
char *import_arena_strdup(struct import_arena *a, const char *s);

/* N bytes aligned for any type, not zeroed; NULL if out of memory. */
void *import_arena_alloc(struct import_arena *a, size_t n);

void import_arena_free(struct import_arena *a);

#endif
