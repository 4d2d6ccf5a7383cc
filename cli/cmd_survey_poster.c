/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "nls.h"
#include "ctx.h"
#include "survey.h"

/* qweek survey poster: a printable page (HTML on stdout). */

static enum cmd_retval cmd_survey_poster_exec(struct cmd_ctx *ctx, struct args *args)
{
	(void)args;
	return survey_page_print(ctx, "poster");
}

const struct cmd_entry cmd_survey_poster_entry = {
	.name = "survey poster",
	.usage = "",
	.summary = N_("Print the survey's A4 poster with its QR code (HTML)"),
	.help = N_(
		"Writes an A4 page (HTML) for the lobby: a line of invitation and the QR code of\n"
		"the form's address (qweek survey link), for visitors to answer on their phones.\n"
		"Print it from a browser, or to PDF:\n"
		"\n"
		"example:\n"
		"  qweek survey poster > poster.html &&\n"
		"    chromium --headless --no-sandbox --print-to-pdf=poster.pdf poster.html\n"),
	.lower = 0,
	.upper = 0,
	.exec = cmd_survey_poster_exec,
};
