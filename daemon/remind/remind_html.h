/* SPDX-License-Identifier: MIT */
/*
 * The HTML part of a message: one narrow column that reads on a phone, styles inline (mail
 * clients drop style sheets), every text escaped, a link as a large button with its URL
 * written out under it. The plain text beside it says everything on its own.
 */
#ifndef QWEEK_REMIND_HTML_H
#define QWEEK_REMIND_HTML_H

#include "core/buf.h"

/* Begins the document in language LANG ("ru") titled TITLE. */
void remind_html_open(struct buf *b, const char *lang, const char *title);

/* A paragraph of TEXT (its new lines as line breaks); SMALL: the grey, smaller kind. */
void remind_html_p(struct buf *b, const char *text, int small);

/* A paragraph of FMT (one "%s") with ARG; out of memory fails the document. */
void remind_html_pf(struct buf *b, const char *fmt, const char *arg);

/* A heading of a part: TEXT. */
void remind_html_h(struct buf *b, const char *text);

/* A framed item: HEAD in bold, then LINES (new lines as breaks). */
void remind_html_box(struct buf *b, const char *head, const char *lines);

/* A button that opens URL, labelled LABEL. */
void remind_html_button(struct buf *b, const char *url, const char *label);

/* TEXT (small, grey), and under it URL written out as a link that wraps on a narrow screen. */
void remind_html_link(struct buf *b, const char *text, const char *url);

/* A list of LINES (one item per line of it); SMALL: the grey, smaller kind. */
void remind_html_list(struct buf *b, const char *lines, int small);

/* Ends the document with FOOTER; the text (malloc'd), or NULL if out of memory. */
char *remind_html_close(struct buf *b, const char *footer);

#endif
