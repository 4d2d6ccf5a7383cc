/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "output.h"
#include "table.h"
#include "util.h"

/* qweek plan new | plan list | plan show: the plans qweekd keeps. */

static const struct args_option cmd_plan_new_options[] = {
	{ "from", ARGS_VALUE }, { "to", ARGS_VALUE },	{ "tz", ARGS_VALUE }, { "org", ARGS_VALUE },
	{ "lang", ARGS_VALUE }, { "slug", ARGS_VALUE }, { NULL, 0 }
};

static enum cmd_retval cmd_plan_new_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *from = args_get(args, "from"), *to = args_get(args, "to"), *slug;
	struct jscan *reply;
	json_t *body, *out;
	enum cmd_retval rv;

	if (from == NULL || to == NULL)
		return ctx_usage(ctx, "a plan needs its first and last day: --from DATE --to DATE");
	body = json_pack("{s:s, s:s, s:s}", "title", args_string(args, 0), "from", from, "to", to);
	if (body == NULL || util_json_set(body, "tz", args_get(args, "tz")) == -1 ||
	    util_json_set(body, "org", args_get(args, "org")) == -1 ||
	    util_json_set(body, "lang", args_get(args, "lang")) == -1 ||
	    util_json_set(body, "slug", args_get(args, "slug")) == -1) {
		json_decref(body);
		return ctx_fail("out of memory");
	}
	rv = ctx_request(ctx, "POST", "/api/v1/plans", body, &reply);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	if ((slug = jscan_get_string(reply, 0, "slug")) == NULL)
		rv = ctx_fail("qweekd did not say the new plan's slug");
	else if (ctx_json(ctx) && (out = json_pack("{s:s}", "slug", slug)) != NULL) {
		json_dumpf(out, stdout, 0);
		putchar('\n');
		json_decref(out);
	} else
		printf("%s\n", slug);
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_plan_new_entry = {
	.name = "plan new",
	.usage = "TITLE --from DATE --to DATE [--tz ZONE] [--org NAME] [--lang ru|uk|en] "
		 "[--slug S]",
	.summary = "Create a plan and print its slug",
	.help = "Creates the plan of a Quality Week from its first day to its last. The time zone\n"
		"(--tz, an IANA name) defaults to qweekd's own; --lang is the language of what\n"
		"qweekd writes (feeds, reports); --slug names the plan in commands (--plan) and\n"
		"addresses, else qweekd makes one from the title. Prints the slug; with --json,\n"
		"{\"slug\": ...}.\n"
		"\n"
		"example:\n"
		"  qweek plan new \"Неделя качества 2017\" --from 08.11.2017 --to 15.11.2017 \\\n"
		"      --tz Asia/Krasnoyarsk --org \"МБУ СО «ЦСПСиД «Надежда»\"\n",
	.options = cmd_plan_new_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_plan_new_exec,
};

static void cmd_plan_row(struct table *t, struct jscan *j, int plan)
{
	char from[32], to[32], items[32];
	const char *cells[6];

	snprintf(items, sizeof items, "%lld", jscan_get_int(j, plan, "items", 0));
	cells[0] = jscan_get_string(j, plan, "slug");
	cells[1] = jscan_get_string(j, plan, "title");
	cells[2] = output_date(jscan_get_string(j, plan, "from"), from, sizeof from);
	cells[3] = output_date(jscan_get_string(j, plan, "to"), to, sizeof to);
	cells[4] = jscan_get_string(j, plan, "tz");
	cells[5] = items;
	table_add_row(t, cells);
}

static enum cmd_retval cmd_plan_list_exec(struct cmd_ctx *ctx, struct args *args)
{
	static const char *const header[] = { "SLUG", "TITLE", "FROM", "TO", "TZ", "ITEMS" };
	struct jscan *reply;
	struct table *t;
	enum cmd_retval rv;
	int plans;

	if ((rv = ctx_request(ctx, "GET", "/api/v1/plans", NULL, &reply)) != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		rv = ctx_print_reply(reply);
		jscan_free(reply);
		return rv;
	}
	plans = jscan_get(reply, 0, "plans");
	if (jscan_first(reply, plans) == -1)
		printf("no plans yet: create one with qweek plan new\n");
	else if ((t = table_new(6)) == NULL)
		rv = ctx_fail("out of memory");
	else {
		table_add_row(t, header);
		for (size_t c = 0; c < 5; c++) {
			if (c != 1)
				table_keep(t, c);
		}
		table_align_right(t, 5);
		for (int p = jscan_first(reply, plans); p != -1; p = jscan_next(reply, plans, p))
			cmd_plan_row(t, reply, p);
		table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
		table_free(t);
	}
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_plan_list_entry = {
	.name = "plan list",
	.usage = "",
	.summary = "List the plans",
	.help = "Prints a table of the plans qweekd keeps: SLUG TITLE FROM TO TZ ITEMS. Give a\n"
		"plan's slug to the other commands with --plan when there are several.\n"
		"\n"
		"example:\n"
		"  qweek plan list\n",
	.lower = 0,
	.upper = 0,
	.exec = cmd_plan_list_exec,
};

static enum cmd_retval cmd_plan_show_exec(struct cmd_ctx *ctx, struct args *args)
{
	static const char *const keys[] = { "slug", "title", "org", NULL };
	struct jscan *reply;
	enum cmd_retval rv;
	char *path, num[32], day[96];

	if (args_count(args) == 1)
		ctx_set_plan(ctx, args_string(args, 0));
	if ((path = ctx_path(ctx, NULL, NULL, NULL)) == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		rv = ctx_print_reply(reply);
		jscan_free(reply);
		return rv;
	}
	for (const char *const *k = keys; *k != NULL; k++)
		output_kv(stdout, *k, jscan_get_string(reply, 0, *k), 9);
	output_kv(stdout, "from", output_date(jscan_get_string(reply, 0, "from"), day, sizeof day),
		  9);
	output_kv(stdout, "to", output_date(jscan_get_string(reply, 0, "to"), day, sizeof day), 9);
	output_kv(stdout, "tz", jscan_get_string(reply, 0, "tz"), 9);
	output_kv(stdout, "lang", jscan_get_string(reply, 0, "lang"), 9);
	output_kv(stdout, "created",
		  output_when(jscan_get_string(reply, 0, "created"), NULL, NULL, day, sizeof day),
		  9);
	snprintf(num, sizeof num, "%lld", jscan_get_int(reply, 0, "items", 0));
	output_kv(stdout, "items", num, 9);
	snprintf(num, sizeof num, "%lld", jscan_get_int(reply, 0, "people", 0));
	output_kv(stdout, "people", num, 9);
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_plan_show_entry = {
	.name = "plan show",
	.usage = "[SLUG]",
	.summary = "Show a plan",
	.help = "Prints the plan named by SLUG or --plan, or the only plan there is, as lines of\n"
		"key: value.\n"
		"\n"
		"example:\n"
		"  qweek plan show nedelya-kachestva-2017\n",
	.lower = 0,
	.upper = 1,
	.exec = cmd_plan_show_exec,
};
