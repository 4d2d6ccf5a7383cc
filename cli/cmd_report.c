/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "util.h"
#include "nls.h"

/* qweek report: the analytical report after the week, as Markdown, HTML or CSV on stdout. */

static const struct args_option cmd_report_options[] = { { "format", ARGS_VALUE }, { NULL, 0 } };

static enum cmd_retval cmd_report_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *format = args_get(args, "format"), *text;
	struct jscan *reply;
	enum cmd_retval rv;
	char *path, *tail;

	if (format == NULL)
		format = "md";
	if (strcmp(format, "md") != 0 && strcmp(format, "html") != 0 && strcmp(format, "csv") != 0)
		return ctx_usage(ctx, _("--format %s: use md, html or csv"), format);
	/* The report comes wrapped in JSON (as=json); --json prints that wrapper. */
	if ((tail = util_printf("?format=%s&as=json", format)) == NULL)
		return ctx_fail(_("out of memory"));
	path = ctx_path(ctx, "report", NULL, tail);
	free(tail);
	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else if ((text = jscan_get_string(reply, 0, "text")) != NULL)
		fputs(text, stdout);
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.usage = "[--format md|html|csv]",
	.summary = N_("Print the analytical report after the week"),
	.help = N_(
		"Prints every item with its planned time, who was responsible, when and by whom it\n"
		"was done, whether on time, late (by how much) or not done, and its note; then the\n"
		"totals with the share done on time, and the table by person. Words and dates are\n"
		"in the plan's language. The HTML version is one self-contained page that prints\n"
		"well (A4 landscape).\n"
		"\n"
		"examples:\n"
		"  qweek report > report.md\n"
		"  qweek report --format csv > report.csv\n"
		"  qweek report --format html > r.html &&\n"
		"    chromium --headless --no-sandbox --print-to-pdf=report.pdf r.html\n"),
	.options = cmd_report_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_report_exec,
};
