/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek survey templates: the built-in questionnaires. */

static enum cmd_retval cmd_survey_templates_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *r;
	enum cmd_retval rv = ctx_request(ctx, "GET", "/api/v1/survey/templates", NULL, &r);
	int list;

	(void)args;
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		ctx_print_reply(r);
		jscan_free(r);
		return CMD_OK;
	}
	list = jscan_get(r, 0, "templates");
	for (int t = jscan_first(r, list); t != -1; t = jscan_next(r, list, t))
		printf(_("%-15s %s, %lld questions: %s\n"), jscan_get_string(r, t, "name"),
		       jscan_get_string(r, t, "lang"), jscan_get_int(r, t, "questions", 0),
		       jscan_get_string(r, t, "title"));
	jscan_free(r);
	return CMD_OK;
}

const struct cmd_entry cmd_survey_templates_entry = {
	.name = "survey templates",
	.usage = "",
	.summary = N_("List the built-in questionnaires"),
	.help = N_(
		"Lists the questionnaires qweek has built in, taken from real Quality Weeks:\n"
		"clients-ru (a client questionnaire of a Krasnoyarsk centre, 2017) and\n"
		"indicators-uk (the six quality indicators of the Ukrainian Ministry's method).\n"
		"\n"
		"example:\n"
		"  qweek survey new --template indicators-uk\n"),
	.lower = 0,
	.upper = 0,
	.exec = cmd_survey_templates_exec,
};
