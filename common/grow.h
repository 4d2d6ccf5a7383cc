/* SPDX-License-Identifier: MIT */
/* Growing an array by doubling: the one way the daemon and the client make room for more. */
#ifndef QWEEK_GROW_H
#define QWEEK_GROW_H

#include <stddef.h>
#include <stdlib.h>

/*
 * Reallocates the array whose address is at PTRP (a T **) with REALLOC_FN to hold NEED elements
 * of SIZE bytes, and sets *CAP to its new room: the first of *CAP doubled that holds them, or at
 * first (*CAP 0) NEED, 16 at least. Returns 0, or -1 when out of memory or when the size would
 * overflow, the array and *CAP as they were.
 */
int grow_to(void *ptrp, size_t *cap, size_t need, size_t size, void *(*realloc_fn)(void *, size_t));

/*
 * Makes room for NEED elements of SIZE bytes in the array at *PTRP, which has room for *CAP:
 * nothing when it has (inline: one comparison), else grow_to. With realloc(3), or REALLOC_FN.
 */
static inline int grow(void *ptrp, size_t *cap, size_t need, size_t size)
{
	return need <= *cap ? 0 : grow_to(ptrp, cap, need, size, realloc);
}

static inline int grow_with(void *ptrp, size_t *cap, size_t need, size_t size,
			    void *(*realloc_fn)(void *, size_t))
{
	return need <= *cap ? 0 : grow_to(ptrp, cap, need, size, realloc_fn);
}

#endif
