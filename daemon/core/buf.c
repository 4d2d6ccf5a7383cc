/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "grow.h"

/* Text is appended to one allocation that doubles as it fills (common/grow.h). */

#define BUF_FIRST 4096

void buf_init(struct buf *b, size_t hint)
{
	memset(b, 0, sizeof *b);
	if (hint == 0)
		return;
	/* Exactly the room asked for: a feed sized from its last rendering is not rounded up. */
	if (hint < SIZE_MAX - 1 && (b->data = malloc(hint + 1)) != NULL)
		b->cap = hint + 1;
	else
		b->failed = 1;
}

void buf_free(struct buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

char *buf_take(struct buf *b, size_t *len)
{
	char *s;

	if (buf_reserve(b, 0) == -1) {
		buf_free(b);
		return NULL;
	}
	s = b->data;
	s[b->len] = '\0';
	*len = b->len;
	memset(b, 0, sizeof *b);
	return s;
}

int buf_grow(struct buf *b, size_t more)
{
	size_t need;

	if (b->failed)
		return -1;
	/* A quarter of the address space at most: the doubling cannot overflow. */
	if (more > SIZE_MAX / 4 - b->len) {
		b->failed = 1;
		return -1;
	}
	need = b->len + more + 1;
	if (b->cap == 0 && need < BUF_FIRST)
		need = BUF_FIRST;
	if (grow(&b->data, &b->cap, need, 1) == -1) {
		b->failed = 1;
		return -1;
	}
	return 0;
}

void buf_add_str(struct buf *b, const char *s)
{
	if (s != NULL)
		buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (buf_reserve(b, 256) == -1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		if (buf_reserve(b, (size_t)n) == -1)
			return;
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}
