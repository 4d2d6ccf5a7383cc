/* SPDX-License-Identifier: MIT */
/* iCalendar content lines: a growing buffer, TEXT escaping, folding at 75 octets. */
#ifndef QWEEK_FEED_FOLD_H
#define QWEEK_FEED_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define FEED_LINE_MAX 75 /* octets on a physical line, CRLF not counted (RFC 5545 3.1) */

/* An output buffer (take its text with buf_take, or feed_buf_free) and the column it is at. */
struct feed_buf {
	struct buf buf; /* BUF.failed: an allocation failed, the content is incomplete */
	size_t col;	/* octets on the current physical line */
};

/* An empty calendar text with room for HINT bytes already. */
void feed_buf_init(struct feed_buf *b, size_t hint);
void feed_buf_free(struct feed_buf *b);

/* Appends N bytes as they are (no folding): whole lines that are known to be short. */
static inline void feed_buf_raw(struct feed_buf *b, const char *s, size_t n)
{
	buf_add(&b->buf, s, n);
}

/*
 * Appends to the current content line, folding before a character that would pass
 * FEED_LINE_MAX (never inside a UTF-8 sequence): S as it is, or (escaped) as an iCalendar TEXT
 * value with backslash, semicolon, comma and new lines escaped and other control characters
 * dropped.
 */
void feed_put(struct feed_buf *b, const char *s);
void feed_putn(struct feed_buf *b, const char *s, size_t n);
void feed_put_text(struct feed_buf *b, const char *s);
void feed_put_textn(struct feed_buf *b, const char *s, size_t n);

/* Writes V in decimal, zero-padded to WIDTH digits, at P (no NUL); returns the end. */
char *feed_digits(char *p, uint64_t v, int width);

/* Ends the current content line (CRLF). */
void feed_end_line(struct feed_buf *b);

/* A whole content line NAME:VALUE, VALUE as it is / escaped as TEXT. */
void feed_line(struct feed_buf *b, const char *name, const char *value);
void feed_line_text(struct feed_buf *b, const char *name, const char *text);

#endif
