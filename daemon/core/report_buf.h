/* SPDX-License-Identifier: MIT */
/* A growing text buffer for the page and the report, with the escapes HTML, CSV and Markdown need. */
#ifndef QWEEK_REPORT_BUF_H
#define QWEEK_REPORT_BUF_H

#include <stddef.h>

struct rbuf {
	char *buf; /* NUL-terminated once anything is written */
	size_t len, cap;
	int failed; /* out of memory: the text is incomplete */
};

void rbuf_init(struct rbuf *b, size_t hint);
void rbuf_free(struct rbuf *b);

/* Hands the text over (the caller frees it); the buffer is empty afterwards. NULL if failed. */
char *rbuf_take(struct rbuf *b, size_t *len);

void rbuf_putn(struct rbuf *b, const char *s, size_t n);
void rbuf_put(struct rbuf *b, const char *s);
void rbuf_printf(struct rbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* S with & < > " ' escaped: the one way user text reaches HTML. NULL writes nothing. */
void rbuf_html(struct rbuf *b, const char *s);

/* S as one CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
void rbuf_csv(struct rbuf *b, const char *s);

/* S for a Markdown table cell: | escaped, line breaks as spaces, leading markup neutralised. */
void rbuf_md(struct rbuf *b, const char *s);

#endif
