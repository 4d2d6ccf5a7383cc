/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"
#include "table.h"

/*
 * qweek survey results: each question with how many answered it, each answer's count, its
 * percentage of those (one decimal, written the way the plan's language writes it: "88,9 %")
 * and a text bar; --by Q splits each count by the answer to question Q.
 */

static const struct args_option cmd_survey_results_options[] = { { "by", ARGS_VALUE },
								 { NULL, 0 } };

#define CMD_SURVEY_BAR 20

/* COUNT of OF as "88,9 %" (LANG ru, uk) or "88.9%", rounded half up as qweekd does. */
static void cmd_survey_percent(long long count, long long of, const char *lang, char *buf,
			       size_t len)
{
	long long t = of > 0 ? (count * 1000 + of / 2) / of : 0;
	int en = lang != NULL && strcmp(lang, "en") == 0;

	snprintf(buf, len, "%lld%c%lld%s", t / 10, en ? '.' : ',', t % 10, en ? "%" : " %");
}

static void cmd_survey_bar(long long count, long long of, char *buf, size_t len)
{
	int full = of > 0 ? (int)((count * CMD_SURVEY_BAR + of / 2) / of) : 0;
	size_t n = 0;

	for (int i = 0; i < full && n + 4 < len; i++, n += 3)
		memcpy(buf + n, "█", 3);
	buf[n] = '\0';
}

/* One question's answers as a table: ANSWER COUNT % BAR (and one column per BY option). */
static void cmd_survey_question(struct cmd_ctx *ctx, struct jscan *j, int q, const char *lang,
				int by_opts)
{
	long long of = jscan_get_int(j, q, "respondents", 0);
	int answers = jscan_get(j, q, "answers"),
	    nby = by_opts != -1 ? (int)jscan_size(j, by_opts) : 0;
	const char *cells[4 + 32];
	char num[32], pct[32], bar[CMD_SURVEY_BAR * 3 + 1], byn[32][24];
	struct table *t = table_new(4 + (size_t)(nby > 32 ? 32 : nby));

	if (nby > 32)
		nby = 32;
	printf("\n%s. %s (%s: %lld)\n", jscan_get_string(j, q, "id"),
	       jscan_get_string(j, q, "text"), _("answered"), of);
	if (t == NULL)
		return;
	table_align_right(t, 1);
	table_align_right(t, 2);
	if (nby > 0 &&
	    jscan_size(j, answers) >
		    0) { /* the heads: the split question's options, "" (no answer) as "-" */
		int k = 0;
		cells[0] = "";
		cells[1] = cells[2] = cells[3] = "";
		for (int b = jscan_first(j, by_opts); b != -1 && k < nby;
		     b = jscan_next(j, by_opts, b))
			cells[4 + k++] = *jscan_string(j, b) != '\0' ? jscan_string(j, b) : "-";
		table_add_row(t, cells);
	}
	for (int a = jscan_first(j, answers); a != -1; a = jscan_next(j, answers, a)) {
		long long c = jscan_get_int(j, a, "count", 0);
		int by = jscan_get(j, a, "by"), k = 0;
		snprintf(num, sizeof num, "%lld", c);
		cmd_survey_percent(c, of, lang, pct, sizeof pct);
		cmd_survey_bar(c, of, bar, sizeof bar);
		cells[0] = jscan_get_string(j, a, "text");
		cells[1] = num;
		cells[2] = pct;
		cells[3] = bar;
		for (int b = jscan_first(j, by); b != -1 && k < nby;
		     b = jscan_next(j, by, b), k++) {
			snprintf(byn[k], sizeof byn[k], "%s", jscan_string(j, b));
			cells[4 + k] = byn[k];
		}
		for (; k < nby; k++)
			cells[4 + k] = "";
		table_add_row(t, cells);
	}
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
}

static enum cmd_retval cmd_survey_results_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *by = args_get(args, "by"), *lang;
	char *tail = NULL, *eby = NULL, *path;
	struct jscan *r;
	enum cmd_retval rv;
	int qs, by_opts;

	if (by != NULL &&
	    ((eby = ctx_escape(ctx, by)) == NULL || (tail = malloc(strlen(eby) + 16)) == NULL)) {
		free(eby);
		return ctx_fail(_("out of memory"));
	}
	if (tail != NULL)
		sprintf(tail, "/results?by=%s", eby);
	path = ctx_path(ctx, "survey", NULL, tail != NULL ? tail : "/results");
	free(tail);
	free(eby);
	rv = path != NULL ? ctx_request(ctx, "GET", path, NULL, &r) : CMD_REFUSED;
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		ctx_print_reply(r);
		jscan_free(r);
		return CMD_OK;
	}
	lang = jscan_get_string(r, 0, "lang");
	printf("%s\n%s: %lld\n",
	       jscan_get_string(r, 0, "title") ? jscan_get_string(r, 0, "title") : "",
	       _("responses"), jscan_get_int(r, 0, "responses", 0));
	by_opts = jscan_get(r, jscan_get(r, 0, "by"), "options");
	if (jscan_get(r, 0, "by") != -1)
		printf(_("split by question %s: %s\n"),
		       jscan_get_string(r, jscan_get(r, 0, "by"), "id"),
		       jscan_get_string(r, jscan_get(r, 0, "by"), "text"));
	else
		by_opts = -1;
	qs = jscan_get(r, 0, "questions");
	for (int q = jscan_first(r, qs); q != -1; q = jscan_next(r, qs, q))
		cmd_survey_question(ctx, r, q, lang, by_opts);
	jscan_free(r);
	return CMD_OK;
}

const struct cmd_entry cmd_survey_results_entry = {
	.name = "survey results",
	.usage = "[--by QUESTION]",
	.summary = N_("Count the survey's answers"),
	.help = N_(
		"Prints how many responses came in, and for each question how many answered it,\n"
		"each answer's count, its percentage of those who answered that question (one\n"
		"decimal, as the plan's language writes it: «88,9 %») and a bar; free answers are\n"
		"grouped, the most frequent first. --json: the same as JSON (percent a number).\n"
		"\n"
		"  --by QUESTION  split every count by the answer to QUESTION (its number), e.g.\n"
		"                 satisfaction by gender\n"
		"\n"
		"examples:\n"
		"  qweek survey results\n"
		"  qweek survey results --by 1\n"),
	.options = cmd_survey_results_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_survey_results_exec,
};
