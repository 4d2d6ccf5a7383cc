/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report_buf.h"

/* The text of a page or a report, written straight into one buffer: no templates. */

static int grow(struct rbuf *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 4096;
	char *nb;

	if (b->failed)
		return -1;
	if (b->len + need + 1 <= b->cap)
		return 0;
	while (cap < b->len + need + 1)
		cap *= 2;
	if ((nb = realloc(b->buf, cap)) == NULL) {
		b->failed = 1;
		return -1;
	}
	b->buf = nb;
	b->cap = cap;
	return 0;
}

void rbuf_init(struct rbuf *b, size_t hint)
{
	memset(b, 0, sizeof *b);
	if (hint > 0 && grow(b, hint) == 0)
		b->buf[0] = '\0';
}

void rbuf_free(struct rbuf *b)
{
	free(b->buf);
	memset(b, 0, sizeof *b);
}

char *rbuf_take(struct rbuf *b, size_t *len)
{
	char *s = b->buf;

	if (b->failed || grow(b, 0) == -1) {
		rbuf_free(b);
		return NULL;
	}
	s = b->buf;
	s[b->len] = '\0';
	*len = b->len;
	memset(b, 0, sizeof *b);
	return s;
}

void rbuf_putn(struct rbuf *b, const char *s, size_t n)
{
	if (n == 0 || grow(b, n) == -1)
		return;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void rbuf_put(struct rbuf *b, const char *s)
{
	if (s != NULL)
		rbuf_putn(b, s, strlen(s));
}

void rbuf_printf(struct rbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (grow(b, 256) == -1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->buf + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		if (grow(b, (size_t)n) == -1)
			return;
		va_start(ap, fmt);
		vsnprintf(b->buf + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void rbuf_html(struct rbuf *b, const char *s)
{
	const char *run = s;

	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		const char *rep;
		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		rbuf_putn(b, run, (size_t)(s - run));
		rbuf_put(b, rep);
		run = s + 1;
	}
	rbuf_putn(b, run, (size_t)(s - run));
}

void rbuf_csv(struct rbuf *b, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL && *s != '=' && *s != '+' && *s != '-' && *s != '@') {
		rbuf_put(b, s);
		return;
	}
	/* Quoted; a leading formula character gets a ' so spreadsheets show it as text. */
	rbuf_putn(b, "\"", 1);
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		rbuf_putn(b, "'", 1);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			rbuf_putn(b, "\"\"", 2);
		else
			rbuf_putn(b, s, 1);
	}
	rbuf_putn(b, "\"", 1);
}

void rbuf_md(struct rbuf *b, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		if (*s == '|' || *s == '\\' || *s == '<' || *s == '>' || *s == '*' || *s == '_' ||
		    *s == '`' || *s == '[' || *s == ']')
			rbuf_putn(b, "\\", 1);
		if (*s == '\n' || *s == '\r' || *s == '\t')
			rbuf_putn(b, " ", 1);
		else
			rbuf_putn(b, s, 1);
	}
}
