/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonw.h"

/* Text is appended to one growing buffer (core/buf.h); escaping follows RFC 8259. */

void jsonw_init(struct jsonw *w)
{
	memset(w, 0, sizeof *w);
	w->first[0] = 1;
}

void jsonw_free(struct jsonw *w)
{
	buf_free(&w->buf);
	jsonw_init(w);
}

char *jsonw_take(struct jsonw *w, size_t *len)
{
	char *text = buf_take(&w->buf, len);

	jsonw_init(w);
	return text;
}

/* Before a value or a key: the comma that separates it from the previous one. */
static inline void separate(struct jsonw *w)
{
	if (!w->first[w->depth])
		buf_add_byte(&w->buf, ',');
	w->first[w->depth] = 0;
}

static void open_(struct jsonw *w, char c)
{
	separate(w);
	buf_add_byte(&w->buf, c);
	if (w->depth + 1 < JSONW_DEPTH)
		w->first[++w->depth] = 1;
	else
		w->buf.failed = 1;
}

void jsonw_object(struct jsonw *w)
{
	open_(w, '{');
}

void jsonw_array(struct jsonw *w)
{
	open_(w, '[');
}

void jsonw_end(struct jsonw *w, char close)
{
	if (w->depth > 0)
		w->depth--;
	buf_add_byte(&w->buf, close);
}

char *jsonw_key_room(struct jsonw *w, size_t n)
{
	char *d = NULL;

	separate(w);
	if (buf_reserve(&w->buf, n + 3) == 0) {
		d = w->buf.data + w->buf.len;
		d[0] = '"';
		d[n + 1] = '"';
		d[n + 2] = ':';
		w->buf.len += n + 3;
		d++;
	}
	w->first[w->depth] = 1; /* the value that follows takes no comma */
	return d;
}

/* Writes the escape of C (a quote, a backslash or a control character) at D; returns its end. */
static char *put_escape(char *d, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	*d++ = '\\';
	switch (c) {
	case '"':
	case '\\':
		*d++ = (char)c;
		break;
	case '\n':
		*d++ = 'n';
		break;
	case '\r':
		*d++ = 'r';
		break;
	case '\t':
		*d++ = 't';
		break;
	default:
		memcpy(d, "u00", 3);
		d[3] = hex[c >> 4];
		d[4] = hex[c & 15];
		d += 5;
	}
	return d;
}

static int needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/*
 * Bytes before the first one of the 8 at S that needs escaping, 8 if none does. Titles and dates
 * are long runs of plain text: a word at a time is several times faster than a byte.
 */
static size_t plain8(const char *s)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t v, m;

	memcpy(&v, s, sizeof v);
	/*
	 * A byte below 0x20, or one that an XOR with '"' or '\\' made zero, borrows into its high
	 * bit (UTF-8 bytes, high already, are masked out). Bytes after the first such one may be
	 * wrong, but the first one is always right.
	 */
	m = ((v - ones * 0x20) | ((v ^ (ones * '"')) - ones) | ((v ^ (ones * '\\')) - ones)) & ~v &
	    highs;
	return m != 0 ? (size_t)__builtin_ctzll(m) >> 3 : 8;
}
#endif

/*
 * Writes the N bytes at S in quotes, escaped: quotes, backslashes and control characters; UTF-8
 * passes. Room for the worst case is made once, so the loop only copies.
 */
static void put_quoted(struct jsonw *w, const char *s, size_t n)
{
	const char *end = s + n;
	char *d;
	size_t k;

	if (n > SIZE_MAX / 8) {
		w->buf.failed = 1;
		return;
	}
	if (buf_reserve(&w->buf, n * 6 + 10) == -1)
		return;
	d = w->buf.data + w->buf.len;
	*d++ = '"';
	while (s < end) {
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (end - s >= 8) {
			memcpy(d, s, 8); /* the room for escapes takes the bytes past a stop */
			k = plain8(s);
			s += k;
			d += k;
			if (k == 8)
				continue;
		}
#endif
		if (needs_escape((unsigned char)*s))
			d = put_escape(d, (unsigned char)*s);
		else
			*d++ = *s;
		s++;
	}
	*d++ = '"';
	w->buf.len = (size_t)(d - w->buf.data);
}

void jsonw_string(struct jsonw *w, const char *s)
{
	if (s == NULL) {
		jsonw_null(w);
		return;
	}
	jsonw_stringn(w, s, strlen(s));
}

void jsonw_stringn(struct jsonw *w, const char *s, size_t n)
{
	separate(w);
	put_quoted(w, s, n);
}

void jsonw_int(struct jsonw *w, int64_t v)
{
	char digits[24], *p = digits + sizeof digits;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	separate(w);
	buf_add(&w->buf, p, (size_t)(digits + sizeof digits - p));
}

void jsonw_key_int(struct jsonw *w, const char *key, int64_t v)
{
	jsonw_key(w, key);
	jsonw_int(w, v);
}

void jsonw_bool(struct jsonw *w, int v)
{
	separate(w);
	buf_add(&w->buf, v ? "true" : "false", v ? 4 : 5);
}

void jsonw_null(struct jsonw *w)
{
	separate(w);
	buf_add(&w->buf, "null", 4);
}

void jsonw_raw(struct jsonw *w, const char *text, size_t len)
{
	separate(w);
	buf_add(&w->buf, text, len);
}
