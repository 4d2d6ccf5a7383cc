/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "output.h"
#include "nls.h"

/* qweek plan show: one plan, as lines of key: value. */

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
	output_kv(stdout, _("from"),
		  output_date(jscan_get_string(reply, 0, "from"), day, sizeof day), 9);
	output_kv(stdout, _("to"), output_date(jscan_get_string(reply, 0, "to"), day, sizeof day),
		  9);
	output_kv(stdout, _("tz"), jscan_get_string(reply, 0, "tz"), 9);
	output_kv(stdout, _("lang"), jscan_get_string(reply, 0, "lang"), 9);
	output_kv(stdout, _("created"),
		  output_when(jscan_get_string(reply, 0, "created"), NULL, NULL, day, sizeof day),
		  9);
	snprintf(num, sizeof num, "%lld", jscan_get_int(reply, 0, "items", 0));
	output_kv(stdout, _("items"), num, 9);
	snprintf(num, sizeof num, "%lld", jscan_get_int(reply, 0, "people", 0));
	output_kv(stdout, _("people"), num, 9);
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_plan_show_entry = {
	.name = "plan show",
	.usage = "[SLUG]",
	.summary = N_("Show a plan"),
	.help = N_(
		"Prints the plan named by SLUG or --plan, or the only plan there is, as lines of\n"
		"key: value.\n"
		"\n"
		"example:\n"
		"  qweek plan show nedelya-kachestva-2017\n"),
	.lower = 0,
	.upper = 1,
	.exec = cmd_plan_show_exec,
};
