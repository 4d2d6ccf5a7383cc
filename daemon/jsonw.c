/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"

/* Text is appended to one buffer that doubles as it fills; escaping follows RFC 8259. */

void jsonw_init(struct jsonw *w)
{
	memset(w, 0, sizeof *w);
	w->first[0] = 1;
}

void jsonw_free(struct jsonw *w)
{
	free(w->buf);
	jsonw_init(w);
}

char *jsonw_take(struct jsonw *w, size_t *len)
{
	char *text = w->buf;

	*len = w->len;
	jsonw_init(w);
	return text;
}

static int reserve(struct jsonw *w, size_t more)
{
	size_t cap = w->cap ? w->cap : 4096;
	char *p;

	if (w->failed)
		return -1;
	if (w->len + more <= w->cap)
		return 0;
	while (cap < w->len + more)
		cap *= 2;
	if ((p = realloc(w->buf, cap)) == NULL) {
		w->failed = 1;
		return -1;
	}
	w->buf = p;
	w->cap = cap;
	return 0;
}

static void put(struct jsonw *w, const char *s, size_t n)
{
	if (reserve(w, n) == 0) {
		memcpy(w->buf + w->len, s, n);
		w->len += n;
	}
}

/* Before a value or a key: the comma that separates it from the previous one. */
static void separate(struct jsonw *w)
{
	if (!w->first[w->depth])
		put(w, ",", 1);
	w->first[w->depth] = 0;
}

static void open_(struct jsonw *w, char c)
{
	separate(w);
	put(w, &c, 1);
	if (w->depth + 1 < JSONW_DEPTH)
		w->first[++w->depth] = 1;
	else
		w->failed = 1;
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
	put(w, &close, 1);
}

void jsonw_key(struct jsonw *w, const char *key)
{
	size_t n = strlen(key);

	separate(w);
	if (reserve(w, n + 3) == 0) {
		w->buf[w->len++] = '"';
		memcpy(w->buf + w->len, key, n);
		w->len += n;
		w->buf[w->len++] = '"';
		w->buf[w->len++] = ':';
	}
	w->first[w->depth] = 1; /* the value that follows takes no comma */
}

/* Escapes the N bytes at S: quotes, backslashes and control characters; UTF-8 passes. */
static void put_escaped(struct jsonw *w, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s, *end = s + len;

	for (; s < end; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[6] = { '\\', 0, '0', '0', 0, 0 };
		size_t n = 2;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		put(w, run, (size_t)(s - run));
		run = s + 1;
		switch (c) {
		case '"':
			esc[1] = '"';
			break;
		case '\\':
			esc[1] = '\\';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			esc[1] = 'u';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			n = 6;
		}
		put(w, esc, n);
	}
	put(w, run, (size_t)(s - run));
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
	put(w, "\"", 1);
	put_escaped(w, s, n);
	put(w, "\"", 1);
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
	put(w, p, (size_t)(digits + sizeof digits - p));
}

void jsonw_bool(struct jsonw *w, int v)
{
	separate(w);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void jsonw_null(struct jsonw *w)
{
	separate(w);
	put(w, "null", 4);
}

void jsonw_raw(struct jsonw *w, const char *text, size_t len)
{
	separate(w);
	put(w, text, len);
}
