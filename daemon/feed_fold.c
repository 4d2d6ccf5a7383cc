/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "feed_fold.h"

/*
 * Content lines written straight into one buffer. Folding counts octets and breaks only before
 * the first byte of a UTF-8 sequence, so that every physical line is valid UTF-8 on its own
 * (clients that decode line by line break on a split sequence).
 */

void feed_buf_init(struct feed_buf *b, size_t hint)
{
	memset(b, 0, sizeof *b);
	b->cap = hint > 64 ? hint : 64;
	if ((b->data = malloc(b->cap)) == NULL) {
		b->cap = 0;
		b->oom = 1;
	}
}

void feed_buf_free(struct feed_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

static int reserve(struct feed_buf *b, size_t more)
{
	size_t cap;
	char *p;

	if (b->oom)
		return -1;
	if (b->len + more <= b->cap)
		return 0;
	for (cap = b->cap * 2; cap < b->len + more; cap *= 2)
		;
	if ((p = realloc(b->data, cap)) == NULL) {
		b->oom = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void feed_buf_raw(struct feed_buf *b, const char *s, size_t n)
{
	if (reserve(b, n) == -1)
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
}

/* Octets in the UTF-8 sequence that starts with C (1 for a stray continuation byte). */
static size_t seq_len(unsigned char c)
{
	if (c < 0xc0)
		return 1;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	return 4;
}

/* Appends one character of N octets, folding first if it would not fit on the line. */
static void put_char(struct feed_buf *b, const char *s, size_t n)
{
	if (reserve(b, n + 3) == -1)
		return;
	if (b->col + n > FEED_LINE_MAX) {
		memcpy(b->data + b->len, "\r\n ", 3);
		b->len += 3;
		b->col = 1;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->col += n;
}

void feed_putn(struct feed_buf *b, const char *s, size_t n)
{
	const char *end = s + n;

	/* Fast path: the whole piece fits on the line as it is. */
	if (b->col + n <= FEED_LINE_MAX) {
		feed_buf_raw(b, s, n);
		b->col += n;
		return;
	}
	while (s < end) {
		size_t k = seq_len((unsigned char)*s);
		if (k > (size_t)(end - s))
			k = (size_t)(end - s);
		put_char(b, s, k);
		s += k;
	}
}

void feed_put(struct feed_buf *b, const char *s)
{
	feed_putn(b, s, strlen(s));
}

void feed_put_text(struct feed_buf *b, const char *s)
{
	const char *run = s;

	for (;; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;

		if (c >= 0x20 && c != '\\' && c != ';' && c != ',' && c != 0x7f)
			continue;
		feed_putn(b, run, (size_t)(s - run));
		run = s + 1;
		if (c == '\0')
			return;
		if (c == '\\')
			esc = "\\\\";
		else if (c == ';')
			esc = "\\;";
		else if (c == ',')
			esc = "\\,";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\t')
			esc = "\t";
		if (esc != NULL)
			put_char(b, esc, strlen(esc));	/* an escape is never split by a fold */
	}
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
