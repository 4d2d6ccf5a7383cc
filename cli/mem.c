/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mem.h"

/* Each block starts with a header saying how big it is and how it was made. */

enum { MEM_MAP_AT = 128 << 10 };

struct mem_head {
	size_t size; /* of the whole block, the header included */
	size_t mapped;
};

static size_t mem_round(size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	return (n + page - 1) / page * page;
}

void *mem_alloc(size_t size)
{
	size_t total = size + sizeof(struct mem_head);
	struct mem_head *h;

	if (total < size)
		return NULL;
	if (total < MEM_MAP_AT) {
		if ((h = malloc(total)) == NULL)
			return NULL;
		h->mapped = 0;
	} else {
		total = mem_round(total);
		h = mmap(NULL, total, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
		if (h == MAP_FAILED)
			return NULL;
		h->mapped = 1;
	}
	h->size = total;
	return h + 1;
}

/* Grows mapped block H to TOTAL bytes, faulting in the new pages when the kernel can. */
static void *mem_remap(struct mem_head *h, size_t total)
{
	size_t old = h->size;
	char *p;

	total = mem_round(total);
	if (total <= old)
		return h + 1;
	p = mremap(h, old, total, MREMAP_MAYMOVE);
	if (p == MAP_FAILED)
		return NULL;
#ifdef MADV_POPULATE_WRITE
	madvise(p + old, total - old, MADV_POPULATE_WRITE);
#endif
	h = (struct mem_head *)p;
	h->size = total;
	return h + 1;
}

void *mem_realloc(void *p, size_t size)
{
	struct mem_head *h;
	size_t total = size + sizeof *h;
	void *q;

	if (p == NULL)
		return mem_alloc(size);
	if (total < size)
		return NULL;
	h = (struct mem_head *)p - 1;
	if (h->mapped)
		return mem_remap(h, total);
	if (total < MEM_MAP_AT) {
		if ((h = realloc(h, total)) == NULL)
			return NULL;
		h->size = total;
		return h + 1;
	}
	if ((q = mem_alloc(size)) == NULL)
		return NULL;
	memcpy(q, p, h->size - sizeof *h);
	free(h);
	return q;
}

void mem_free(void *p)
{
	struct mem_head *h;

	if (p == NULL)
		return;
	h = (struct mem_head *)p - 1;
	if (h->mapped)
		munmap(h, h->size);
	else
		free(h);
}
