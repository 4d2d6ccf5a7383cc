/* SPDX-License-Identifier: MIT */
#include <jansson.h>

#include "cmd.h"
#include "ctx.h"
#include "util.h"
#include "nls.h"

/* qweek plan new: a plan, and its slug. */

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
		return ctx_usage(ctx,
				 _("a plan needs its first and last day: --from DATE --to DATE"));
	body = json_pack("{s:s, s:s, s:s}", "title", args_string(args, 0), "from", from, "to", to);
	if (body == NULL || util_json_set(body, "tz", args_get(args, "tz")) == -1 ||
	    util_json_set(body, "org", args_get(args, "org")) == -1 ||
	    util_json_set(body, "lang", args_get(args, "lang")) == -1 ||
	    util_json_set(body, "slug", args_get(args, "slug")) == -1) {
		json_decref(body);
		return ctx_fail(_("out of memory"));
	}
	rv = ctx_request(ctx, "POST", "/api/v1/plans", body, &reply);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	if ((slug = jscan_get_string(reply, 0, "slug")) == NULL)
		rv = ctx_fail(_("qweekd did not say the new plan's slug"));
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
	.summary = N_("Create a plan and print its slug"),
	.help = N_(
		"Creates the plan of a Quality Week from its first day to its last. The time zone\n"
		"(--tz, an IANA name) defaults to qweekd's own; --lang is the language of what\n"
		"qweekd writes (feeds, reports); --slug names the plan in commands (--plan) and\n"
		"addresses, else qweekd makes one from the title. Prints the slug; with --json,\n"
		"{\"slug\": ...}.\n"
		"\n"
		"example:\n"
		"  qweek plan new \"Неделя качества 2017\" --from 08.11.2017 --to 15.11.2017 \\\n"
		"      --tz Asia/Krasnoyarsk --org \"МБУ СО «ЦСПСиД «Надежда»\"\n"),
	.options = cmd_plan_new_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_plan_new_exec,
};
