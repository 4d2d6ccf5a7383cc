/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek survey show: the questionnaire as qweekd reads it. */

static void cmd_survey_show_question(struct jscan *j, int q)
{
	int opts = jscan_get(j, q, "options");

	printf("%s. %s [%s]%s\n", jscan_get_string(j, q, "id"), jscan_get_string(j, q, "text"),
	       jscan_get_string(j, q, "kind"), jscan_get_bool(j, q, "required") ? " *" : "");
	for (int o = jscan_first(j, opts); o != -1; o = jscan_next(j, opts, o))
		printf("   - %s\n", jscan_string(j, o));
}

static enum cmd_retval cmd_survey_show_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *r;
	enum cmd_retval rv;
	const char *section = NULL, *s;
	char *path = ctx_path(ctx, "survey", NULL, NULL);
	int qs;

	(void)args;
	rv = path != NULL ? ctx_request(ctx, "GET", path, NULL, &r) : CMD_REFUSED;
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		ctx_print_reply(r);
		jscan_free(r);
		return CMD_OK;
	}
	printf("%s\n", jscan_get_string(r, 0, "title") ? jscan_get_string(r, 0, "title") : "");
	printf(_("%lld response(s) so far\n"), jscan_get_int(r, 0, "responses", 0));
	qs = jscan_get(r, 0, "questions");
	for (int q = jscan_first(r, qs); q != -1; q = jscan_next(r, qs, q)) {
		s = jscan_get_string(r, q, "section");
		if (s != NULL && (section == NULL || strcmp(s, section) != 0))
			printf("\n## %s\n", s);
		section = s;
		cmd_survey_show_question(r, q);
	}
	jscan_free(r);
	return CMD_OK;
}

const struct cmd_entry cmd_survey_show_entry = {
	.name = "survey show",
	.usage = "",
	.summary = N_("Show the plan's questionnaire"),
	.help = N_(
		"Prints the questionnaire as qweekd reads it: each question with its number, kind\n"
		"(single, multiple, scale, number, text), «*» when an answer is required, and its\n"
		"options; --json also gives its text as written.\n"),
	.lower = 0,
	.upper = 0,
	.exec = cmd_survey_show_exec,
};
