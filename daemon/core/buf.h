/* SPDX-License-Identifier: MIT */
/* One growing byte buffer, under the JSON writer, the report's text and the feeds' calendars. */
#ifndef QWEEK_BUF_H
#define QWEEK_BUF_H

#include <stddef.h>
#include <string.h>

/*
 * DATA (malloc'd) is the buffer's until buf_take hands it over. There is always room for one
 * more byte after LEN, for the NUL that buf_take writes. FAILED: an allocation failed, the text
 * is incomplete, and nothing more is written.
 */
struct buf {
	char *data;
	size_t len, cap;
	int failed;
};

/* An empty buffer with room for HINT bytes already (0: allocated at the first write). */
void buf_init(struct buf *b, size_t hint);
void buf_free(struct buf *b);

/*
 * Hands the text over, NUL-terminated (the caller frees it), and its length; the buffer is
 * empty afterwards. NULL, and the buffer freed, if it failed.
 */
char *buf_take(struct buf *b, size_t *len);

/* Makes room for MORE bytes by doubling (at first, 4 KiB); 0, or -1 with FAILED set. */
int buf_grow(struct buf *b, size_t more);

/* Room for MORE bytes after LEN: 0, or -1 if failed. Inline: most writes need no growing. */
static inline int buf_reserve(struct buf *b, size_t more)
{
	if (b->failed)
		return -1;
	return more < b->cap - b->len ? 0 : buf_grow(b, more);
}

/* Appends the N bytes at S / the byte C. */
static inline void buf_add(struct buf *b, const void *s, size_t n)
{
	if (buf_reserve(b, n) == 0) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
	}
}

static inline void buf_add_byte(struct buf *b, char c)
{
	if (buf_reserve(b, 1) == 0)
		b->data[b->len++] = c;
}

/* Appends S (NULL: nothing). */
void buf_add_str(struct buf *b, const char *s);

void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
