/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "report/report_render.h"

/* The report's formats: their names, content types, and which renderer writes each. */

static const char *const names[] = {
	[REPORT_MD] = "md",
	[REPORT_HTML] = "html",
	[REPORT_CSV] = "csv",
};

static const char *const types[] = {
	[REPORT_MD] = "text/markdown; charset=utf-8",
	[REPORT_HTML] = "text/html; charset=utf-8",
	[REPORT_CSV] = "text/csv; charset=utf-8",
};

int report_format_parse(const char *s, enum report_format *f)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum report_format)i;
			return 0;
		}
	return -1;
}

const char *report_format_name(enum report_format f)
{
	return names[f];
}

const char *report_format_type(enum report_format f)
{
	return types[f];
}

void report_render(struct buf *b, const struct report *r, enum report_format f)
{
	if (f == REPORT_HTML)
		report_html(b, r);
	else if (f == REPORT_CSV)
		report_csv(b, r);
	else
		report_md(b, r);
}
