/* SPDX-License-Identifier: MIT */
/* The analytical report after the week, as Markdown, HTML or CSV (sent by api/report_http.h). */
#ifndef QWEEK_REPORT_RENDER_H
#define QWEEK_REPORT_RENDER_H

#include "report/report.h"
#include "core/report_buf.h"

enum report_format { REPORT_MD, REPORT_HTML, REPORT_CSV };

/* report_render.c: "md", "html" or "csv"; 0, or -1 for anything else. */
int report_format_parse(const char *s, enum report_format *f);

/* The name of format F ("md"), and its content type ("text/markdown; charset=utf-8"). */
const char *report_format_name(enum report_format f);
const char *report_format_type(enum report_format f);

/* The report of R in format F, appended to B. */
void report_render(struct buf *b, const struct report *r, enum report_format f);

/* report_md.c, report_csv.c, report_html.c: one format each. */
void report_md(struct buf *b, const struct report *r);
void report_csv(struct buf *b, const struct report *r);
void report_html(struct buf *b, const struct report *r);

/*
 * report_html.c: the start of an HTML document in LANG titled TITLE with the style sheet CSS
 * (and, when REFRESH > 0, a refresh every REFRESH seconds), and its end.
 */
void report_html_open(struct buf *b, const char *lang, const char *title, const char *css,
		      int refresh);
void report_html_close(struct buf *b);

/* The table by responsible person, under a heading, in language L. */
void report_html_people(struct buf *b, const struct report_tally *t, const char *l);

#endif
