/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "core/feed_fold.h"

/*
 * Content lines written straight into one buffer. Folding counts octets and breaks only before
 * the first byte of a UTF-8 sequence, so that every physical line is valid UTF-8 on its own
 * (clients that decode line by line break on a split sequence).
 */

void feed_buf_init(struct feed_buf *b, size_t hint)
{
	buf_init(&b->buf, hint);
	b->col = 0;
}

void feed_buf_free(struct feed_buf *b)
{
	buf_free(&b->buf);
	b->col = 0;
}

static void fold(struct feed_buf *b)
{
	feed_buf_raw(b, "\r\n ", 3);
	b->col = 1;
}

/* Appends one character (or escape) of N octets, folding first if it would not fit. */
static void put_char(struct feed_buf *b, const char *s, size_t n)
{
	if (b->col + n > FEED_LINE_MAX)
		fold(b);
	feed_buf_raw(b, s, n);
	b->col += n;
}

void feed_putn(struct feed_buf *b, const char *s, size_t n)
{
	while (n > 0) {
		size_t room = FEED_LINE_MAX - b->col, k;

		if (n <= room) {
			feed_buf_raw(b, s, n);
			b->col += n;
			return;
		}
		/* The longest piece that fits and ends between two characters. */
		for (k = room; k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80; k--)
			;
		if (k == 0 && b->col <= 1) /* cannot happen with UTF-8: a safety net */
			k = room;
		feed_buf_raw(b, s, k);
		fold(b);
		s += k;
		n -= k;
	}
}

void feed_put(struct feed_buf *b, const char *s)
{
	feed_putn(b, s, strlen(s));
}

void feed_put_textn(struct feed_buf *b, const char *s, size_t n)
{
	const char *run = s, *end = s + n;

	for (; s < end; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc;

		if (c >= 0x20 && c != '\\' && c != ';' && c != ',' && c != 0x7f)
			continue;
		feed_putn(b, run, (size_t)(s - run));
		run = s + 1;
		esc = c == '\\' ? "\\\\" :
		      c == ';'	? "\\;" :
		      c == ','	? "\\," :
		      c == '\n' ? "\\n" :
		      c == '\t' ? "\t" :
				  NULL;
		if (esc != NULL)
			put_char(b, esc, strlen(esc)); /* an escape is never split by a fold */
	}
	feed_putn(b, run, (size_t)(s - run));
}

void feed_put_text(struct feed_buf *b, const char *s)
{
	feed_put_textn(b, s, strlen(s));
}

char *feed_digits(char *p, uint64_t v, int width)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n < width)
		tmp[n++] = '0';
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

void feed_end_line(struct feed_buf *b)
{
	feed_buf_raw(b, "\r\n", 2);
	b->col = 0;
}

void feed_line(struct feed_buf *b, const char *name, const char *value)
{
	feed_put(b, name);
	feed_putn(b, ":", 1);
	feed_put(b, value);
	feed_end_line(b);
}

void feed_line_text(struct feed_buf *b, const char *name, const char *text)
{
	feed_put(b, name);
	feed_putn(b, ":", 1);
	feed_put_text(b, text);
	feed_end_line(b);
}
