/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "jscan.h"
#include "mem.h"
#include "nls.h"
#include "survey.h"

/*
 * qweek survey import FILE.csv: a table of responses (one row per respondent, a column per
 * question, as Google Forms or LimeSurvey export it, or typed by hand) sent as it is; prints
 * what became of every row.
 */

static const struct args_option cmd_survey_import_options[] = { { "dry-run", 0 },
								{ "skip-bad", 0 },
								{ NULL, 0 } };

static void cmd_survey_import_rows(struct jscan *j)
{
	int rows = jscan_get(j, 0, "rows");

	for (int r = jscan_first(j, rows); r != -1; r = jscan_next(j, rows, r)) {
		const char *why = jscan_get_string(j, r, "why");
		printf(_("row %lld: %s%s%s\n"), jscan_get_int(j, r, "row", 0),
		       jscan_get_string(j, r, "action"), why != NULL ? ": " : "",
		       why != NULL ? why : "");
	}
	printf(_("%lld response(s) imported%s\n"), jscan_get_int(j, 0, "imported", 0),
	       jscan_get_bool(j, 0, "dry_run") ? _(" (dry run: nothing stored)") : "");
}

static enum cmd_retval cmd_survey_import_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *file = args_string(args, 0);
	char *data, *path, *reply = NULL, *cause = NULL, tail[64];
	size_t len, rlen = 0;
	enum cmd_retval rv;
	struct jscan *j;
	int status;

	if ((rv = survey_file_read(file, &data, &len)) != CMD_OK)
		return rv;
	snprintf(tail, sizeof tail, "/import?x=1%s%s",
		 args_has(args, "dry-run") ? "&dry_run=1" : "",
		 args_has(args, "skip-bad") ? "&skip_bad=1" : "");
	path = ctx_path(ctx, "survey", NULL, tail);
	status = path != NULL ? ctx_request_bytes(ctx, "POST", path, "text/csv; charset=utf-8",
						  data, len, &reply, &rlen) :
				-1;
	free(path);
	free(data);
	if (status == -1)
		return CMD_REFUSED;
	if (ctx_json(ctx))
		printf("%.*s\n", (int)rlen, reply);
	if ((j = jscan_parse(reply, rlen, &cause)) == NULL) {
		free(cause);
		return ctx_fail(_("qweekd's reply is not JSON (HTTP status %d)"), status);
	}
	if (!ctx_json(ctx) && jscan_get(j, 0, "rows") != -1)
		cmd_survey_import_rows(j);
	if ((status < 200 || status > 299) && jscan_get(j, 0, "error") != -1)
		ctx_fail("%s", jscan_get_string(j, jscan_get(j, 0, "error"), "message"));
	jscan_free(j);
	return status >= 200 && status <= 299 ? CMD_OK : CMD_REFUSED;
}

const struct cmd_entry cmd_survey_import_entry = {
	.name = "survey import",
	.usage = "FILE.csv [--dry-run] [--skip-bad]",
	.summary = N_("Import responses from a table (CSV)"),
	.help = N_(
		"Reads a table of responses: a header row naming the questions (their numbers,\n"
		"«7.» or «7. text», or their text as the questionnaire writes it), then one row\n"
		"per respondent; an answer is an option's text or number, several answers to a\n"
		"question of several separated by «;». Every row is accounted for; if one cannot\n"
		"be read, nothing is imported unless --skip-bad.\n"
		"\n"
		"  --dry-run   check and report, store nothing\n"
		"  --skip-bad  import the rows that can be read, leave out the others\n"
		"\n"
		"example:\n"
		"  qweek survey import otvety.csv --dry-run\n"),
	.options = cmd_survey_import_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_survey_import_exec,
};
