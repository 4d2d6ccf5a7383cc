/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "nls.h"
#include "ctx.h"
#include "survey.h"

/* qweek survey print: a printable page (HTML on stdout). */

static enum cmd_retval cmd_survey_print_exec(struct cmd_ctx *ctx, struct args *args)
{
	(void)args;
	return survey_page_print(ctx, "print");
}

const struct cmd_entry cmd_survey_print_entry = {
	.name = "survey print",
	.usage = "",
	.summary = N_("Print the questionnaire as a paper form (HTML)"),
	.help = N_(
		"Writes the questionnaire as a printable form (HTML, A4), a box to tick by each\n"
		"answer, for those who answer on paper; staff then type the answers in through the\n"
		"form marked «paper» (qweek survey link --json) or qweek survey import.\n"
		"\n"
		"example:\n"
		"  qweek survey print > anketa.html\n"),
	.lower = 0,
	.upper = 0,
	.exec = cmd_survey_print_exec,
};
