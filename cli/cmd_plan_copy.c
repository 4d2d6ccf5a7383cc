/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"
#include "util.h"

/* qweek plan copy: next year's plan from this one. */

static const struct args_option cmd_plan_copy_options[] = {
	{ "title", ARGS_VALUE }, { "from", ARGS_VALUE }, { "to", ARGS_VALUE },
	{ "slug", ARGS_VALUE },	 { "weekday", 0 },	 { NULL, 0 }
};

static json_t *plan_copy_body(struct args *args)
{
	json_t *body = json_pack("{s:s, s:s}", "title", args_get(args, "title"), "from",
				 args_get(args, "from"));

	if (body == NULL || util_json_set(body, "to", args_get(args, "to")) == -1 ||
	    util_json_set(body, "slug", args_get(args, "slug")) == -1 ||
	    (args_has(args, "weekday") && json_object_set_new(body, "weekday", json_true()))) {
		json_decref(body);
		return NULL;
	}
	return body;
}

static enum cmd_retval cmd_plan_copy_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body;
	char *path;
	int copied;

	if (args_get(args, "title") == NULL || args_get(args, "from") == NULL)
		return ctx_usage(ctx, _("the copy needs its title and first day: --title T "
					"--from DATE"));
	if (args_count(args) == 1)
		ctx_set_plan(ctx, args_string(args, 0));
	if ((body = plan_copy_body(args)) == NULL)
		return ctx_fail(_("out of memory"));
	if ((path = ctx_path(ctx, "copy", NULL, NULL)) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, "POST", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	copied = jscan_get(reply, 0, "copied");
	if (ctx_json(ctx)) {
		ctx_print_reply(reply);
	} else {
		fprintf(stderr,
			_("copied %lld items and %lld people from %s, dates moved by %lld days; "
			  "the new plan runs %s to %s\n"),
			jscan_get_int(reply, copied, "items", 0),
			jscan_get_int(reply, copied, "people", 0),
			jscan_get_string(reply, copied, "from"),
			jscan_get_int(reply, copied, "days", 0), jscan_get_string(reply, 0, "from"),
			jscan_get_string(reply, 0, "to"));
		printf("%s\n", jscan_get_string(reply, 0, "slug"));
	}
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_plan_copy_entry = {
	.name = "plan copy",
	.usage = "[SLUG] --title T --from DATE [--to DATE] [--slug S] [--weekday]",
	.summary = N_("Make next year's plan from this one and print its slug"),
	.help = N_(
		"Makes a new plan with the same people, groups, reminder rules and items, every\n"
		"date moved by the distance between the first days (--from and the plan's own):\n"
		"every item open again, without notes or who did it, with new feed and page\n"
		"links (make them with qweek feed, qweek person link). Each item's date is\n"
		"rewritten in the form it was written (\"14.11 в 15.00\" becomes \"13.11 в 15.00\").\n"
		"With --weekday the dates move by whole weeks, to the same weekday nearest the\n"
		"plain shift (\"the second Thursday of November\" stays a Thursday), and so do the\n"
		"new plan's days. --to sets its last day (else it lasts as long as the old one).\n"
		"Prints the new plan's slug.\n"
		"\n"
		"example:\n"
		"  qweek plan copy nedelya-kachestva-2017 --title \"Неделя качества 2018\" \\\n"
		"      --from 07.11.2018\n"),
	.options = cmd_plan_copy_options,
	.lower = 0,
	.upper = 1,
	.exec = cmd_plan_copy_exec,
};
