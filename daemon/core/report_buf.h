/* SPDX-License-Identifier: MIT */
/* The escapes the page and the report need (HTML, CSV, Markdown), written into a buffer. */
#ifndef QWEEK_REPORT_BUF_H
#define QWEEK_REPORT_BUF_H

#include "core/buf.h"

/* S with & < > " ' escaped: the one way user text reaches HTML. NULL writes nothing. */
void rbuf_html(struct buf *b, const char *s);

/* S as one CSV field (RFC 4180): quoted when it holds a comma, semicolon, quote or line break. */
void rbuf_csv(struct buf *b, const char *s);

/* S for a Markdown table cell: | escaped, line breaks as spaces, leading markup neutralised. */
void rbuf_md(struct buf *b, const char *s);

#endif
