/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"
#include "report_extra.h"
#include "survey.h"
#include "util.h"

/* qweek report: the analytical report after the week, as Markdown, HTML or CSV on stdout. */

static const struct args_option cmd_report_options[] = { { "format", ARGS_VALUE },
							 { "conclusions", ARGS_VALUE },
							 { NULL, 0 } };

/* The plan's language, for the heading of the conclusions (malloc'd; "ru" when unknown). */
static char *cmd_report_lang(struct cmd_ctx *ctx)
{
	char *path = ctx_path(ctx, NULL, NULL, NULL), *lang = NULL;
	struct jscan *r;

	if (path != NULL && ctx_request(ctx, "GET", path, NULL, &r) == CMD_OK) {
		const char *l = jscan_get_string(r, 0, "lang");
		lang = strdup(l != NULL ? l : "ru");
		jscan_free(r);
	}
	free(path);
	return lang != NULL ? lang : strdup("ru");
}

static enum cmd_retval cmd_report_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *format = args_get(args, "format"), *text,
		   *cfile = args_get(args, "conclusions");
	const char *get;
	struct jscan *reply;
	enum cmd_retval rv;
	char *path, *tail, *conclusions = NULL, *lang = NULL;
	size_t clen;
	int office;

	if (format == NULL)
		format = "md";
	office = strcmp(format, "docx") == 0 || strcmp(format, "odt") == 0;
	if (strcmp(format, "md") != 0 && strcmp(format, "html") != 0 &&
	    strcmp(format, "csv") != 0 && !office)
		return ctx_usage(ctx, _("--format %s: use md, html, csv, docx or odt"), format);
	if (cfile != NULL && strcmp(format, "csv") == 0)
		return ctx_usage(ctx, _("--conclusions goes into md, html, docx or odt, not csv"));
	if (cfile != NULL && (rv = survey_file_read(cfile, &conclusions, &clen)) != CMD_OK)
		return rv;
	if (cfile != NULL || office)
		lang = cmd_report_lang(ctx);
	get = office ? "md" : format; /* pandoc makes docx and odt of the Markdown */
	/* The report comes wrapped in JSON (as=json); --json prints that wrapper. */
	if ((tail = util_printf("?format=%s&as=json", get)) == NULL)
		return ctx_fail(_("out of memory"));
	path = ctx_path(ctx, "report", NULL, tail);
	free(tail);
	rv = path != NULL ? ctx_request(ctx, "GET", path, NULL, &reply) : CMD_REFUSED;
	free(path);
	if (rv == CMD_OK) {
		text = jscan_get_string(reply, 0, "text");
		if (ctx_json(ctx))
			ctx_print_reply(reply);
		else if (text != NULL && office)
			rv = report_extra_pandoc(text, format, lang, conclusions);
		else if (text != NULL)
			report_extra_write(stdout, text, format, lang, conclusions);
		jscan_free(reply);
	}
	free(conclusions);
	free(lang);
	return rv;
}

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.usage = "[--format md|html|csv|docx|odt] [--conclusions FILE]",
	.summary = N_("Print the analytical report after the week"),
	.help = N_(
		"Prints every item with its planned time, who was responsible, when and by whom it\n"
		"was done, whether on time, late (by how much) or not done, and its note; then the\n"
		"totals with the share done on time, and the table by person. Words and dates are\n"
		"in the plan's language. The HTML version is one self-contained page that prints\n"
		"well (A4 landscape). When the plan has a questionnaire, the survey follows: how\n"
		"many answered, each question's counts and percentages, the free answers grouped,\n"
		"bars (SVG in HTML, text in Markdown).\n"
		"\n"
		"  --format docx|odt    a Word or OpenDocument file, made by pandoc (installed\n"
		"                       apart); written to stdout\n"
		"  --conclusions FILE   the planner's own conclusions (plain text; a blank line\n"
		"                       between paragraphs), at the end under «Выводы»\n"
		"\n"
		"examples:\n"
		"  qweek report > report.md\n"
		"  qweek report --format csv > report.csv\n"
		"  qweek report --format docx --conclusions vyvody.txt > otchet.docx\n"
		"  qweek report --format html > r.html &&\n"
		"    chromium --headless --no-sandbox --print-to-pdf=report.pdf r.html\n"),
	.options = cmd_report_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_report_exec,
};
