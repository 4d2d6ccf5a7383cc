/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

/*
 * Doubling keeps appending N elements at O(N) copies in all. The array's address is read and
 * written through memcpy: PTRP points at a T *, not at a void *.
 */

#define GROW_FIRST 16

int grow_to(void *ptrp, size_t *cap, size_t need, size_t size, void *(*realloc_fn)(void *, size_t))
{
	size_t n = *cap != 0 ? *cap : need > GROW_FIRST ? need : GROW_FIRST;
	void *old, *p;

	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (size != 0 && n > SIZE_MAX / size)
		return -1;
	memcpy(&old, ptrp, sizeof old);
	if ((p = realloc_fn(old, n * size)) == NULL)
		return -1;
	memcpy(ptrp, &p, sizeof p);
	*cap = n;
	return 0;
}
