/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek survey link: the public form's address, the same every time until rotated. */

static const struct args_option cmd_survey_link_options[] = { { "rotate", 0 }, { NULL, 0 } };

static enum cmd_retval cmd_survey_link_exec(struct cmd_ctx *ctx, struct args *args)
{
	json_t *body = json_pack("{s:b}", "rotate", args_has(args, "rotate") != 0);
	char *path = ctx_path(ctx, "survey", NULL, "/link");
	struct jscan *r;
	enum cmd_retval rv;

	rv = body != NULL && path != NULL ? ctx_request(ctx, "POST", path, body, &r) : CMD_REFUSED;
	json_decref(body);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(r);
	else
		printf("%s\n", jscan_get_string(r, 0, "url"));
	jscan_free(r);
	return CMD_OK;
}

const struct cmd_entry cmd_survey_link_entry = {
	.name = "survey link",
	.usage = "[--rotate]",
	.summary = N_("Print the address of the survey's public form"),
	.help = N_(
		"Prints the address of the plan's questionnaire as a web form: anyone who has it\n"
		"can answer (anonymously), on a phone or a lobby tablet; the same address every\n"
		"time. --json also gives the form marked «paper» («paper»), for staff typing in\n"
		"questionnaires filled in by hand.\n"
		"\n"
		"  --rotate  a new address; the old one stops working\n"
		"\n"
		"examples:\n"
		"  qweek survey link\n"
		"  qweek survey link --json\n"),
	.options = cmd_survey_link_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_survey_link_exec,
};
