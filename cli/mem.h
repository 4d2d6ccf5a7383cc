/* SPDX-License-Identifier: MIT */
/* Memory for big buffers: replies, tokens, table text. */
#ifndef QWEEK_MEM_H
#define QWEEK_MEM_H

#include <stddef.h>

/*
 * Like malloc, realloc and free, but a block of 128 KiB or more is mapped with its pages
 * faulted in at once (MAP_POPULATE). A 2,000-item list touches ~5 MB; faulting its pages one by
 * one cost more than all the parsing and printing (measured: 9 us a page on a VM, 6x less when
 * populated in one call). Blocks from mem_alloc go only to mem_realloc and mem_free.
 */
void *mem_alloc(size_t size);
void *mem_realloc(void *p, size_t size);
void mem_free(void *p);

#endif
