/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"
#include "survey.h"

/* qweek survey new: the plan's questionnaire, from a file or a built-in template. */

static const struct args_option cmd_survey_new_options[] = {
	{ "file", ARGS_VALUE }, { "template", ARGS_VALUE }, { "replace", 0 }, { NULL, 0 }
};

static enum cmd_retval cmd_survey_new_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *file = args_get(args, "file"), *tname = args_get(args, "template");
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body;
	char *path, *text = NULL;
	size_t len;

	if ((file == NULL) == (tname == NULL))
		return ctx_usage(ctx, _("give --file FILE or --template NAME (one of the two)"));
	if (file != NULL && (rv = survey_file_read(file, &text, &len)) != CMD_OK)
		return rv;
	body = json_pack("{s:s, s:b}", text != NULL ? "text" : "template",
			 text != NULL ? text : tname, "replace", args_has(args, "replace") != 0);
	free(text);
	if (body == NULL)
		return ctx_fail(_("%s is not UTF-8 text: save it as UTF-8"), file);
	path = ctx_path(ctx, "survey", NULL, NULL);
	rv = path != NULL ? ctx_request(ctx, "PUT", path, body, &reply) : CMD_REFUSED;
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else
		printf(_("questionnaire «%s» of plan %s: %zu questions (qweek survey show; the form's "
			 "link: qweek survey link)\n"),
		       jscan_get_string(reply, 0, "title") ? jscan_get_string(reply, 0, "title") :
							     "",
		       jscan_get_string(reply, 0, "plan"),
		       jscan_size(reply, jscan_get(reply, 0, "questions")));
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_survey_new_entry = {
	.name = "survey new",
	.usage = "--template NAME | --file FILE [--replace]",
	.summary = N_("Give the plan its questionnaire"),
	.help = N_(
		"Sets the plan's questionnaire: a built-in template (qweek survey templates) or a\n"
		"text file in the questionnaire format (docs/survey-format.md): numbered questions,\n"
		"their kind in brackets, options on lines starting with «- ». The same command\n"
		"again replaces it; once responses have come in, only with --replace, which\n"
		"forgets them.\n"
		"\n"
		"examples:\n"
		"  qweek survey new --template clients-ru\n"
		"  qweek survey new --file anketa.txt\n"),
	.options = cmd_survey_new_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_survey_new_exec,
};
