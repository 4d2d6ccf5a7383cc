/* SPDX-License-Identifier: MIT */
/*
 * What qweek report adds to the report qweekd renders: the planner's own conclusions (a text
 * file, under a heading in the plan's language), and Word and OpenDocument through pandoc.
 */
#ifndef QWEEK_CLI_REPORT_EXTRA_H
#define QWEEK_CLI_REPORT_EXTRA_H

#include "ctx.h"

/* REPORT (md or html, per FORMAT) with CONCLUSIONS (may be NULL) added, to OUT. */
void report_extra_write(FILE *out, const char *report, const char *format, const char *lang,
			const char *conclusions);

/* The Markdown report MD (with CONCLUSIONS) converted by pandoc to TO ("docx", "odt") on
 * stdout; CMD_OK, or refused with why (pandoc missing or failing). */
enum cmd_retval report_extra_pandoc(const char *md, const char *to, const char *lang,
				    const char *conclusions);

#endif
