/* SPDX-License-Identifier: MIT */
#include <jansson.h>

#include "cmd.h"
#include "ctx.h"
#include "item.h"
#include "util.h"
#include "nls.h"

/* qweek add: a new item of the plan. */

static const struct args_option cmd_add_options[] = { ITEM_OPTIONS, { NULL, 0 } };

static enum cmd_retval cmd_add_exec(struct cmd_ctx *ctx, struct args *args)
{
	enum cmd_retval rv;
	json_t *body;

	if (!args_has(args, "when") && !args_has(args, "due"))
		return ctx_usage(ctx, _("say when: --when WHEN, or --due WHEN for a deadline"));
	if ((rv = item_body(ctx, args, &body)) != CMD_OK)
		return rv;
	if (util_json_set(body, "title", args_string(args, 0)) == -1)
		rv = ctx_fail(_("out of memory"));
	else
		rv = item_send(ctx, "POST", NULL, NULL, body, _("added"));
	json_decref(body);
	return rv;
}

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.usage = "TITLE (--when WHEN | --due WHEN) [--who NAME]... [--no LABEL] [--parent REF] "
		 "[--where PLACE] [--description TEXT] [--remind RULES]",
	.summary = N_("Add an item (an event, a span of days, or a deadline)"),
	.help = N_(
		"Adds an item to the plan. WHEN is written as people write it: \"14.11.2017 15:00\",\n"
		"\"14.11 в 15.00\", \"14.11 9.00-18.00\", \"08.11. - 15.11. 2017\", \"10.11\",\n"
		"\"до 24.11.2017\", \"декабрь 2017\"; a missing year comes from the plan. --due makes\n"
		"it a deadline. --who names a person or group of the plan; give it once for each.\n"
		"--no sets the item's number in the plan (\"7.2\"), --parent the item it belongs to.\n"
		"--remind gives the item its own reminders (\"2h,1d\", or \"none\") instead of the\n"
		"plan's.\n"
		"\n"
		"example:\n"
		"  qweek add \"Мастер-класс «Подарки своими руками»\" --when \"14.11 в 15.00\" \\\n"
		"      --who \"Специалисты отделения реабилитации\" --no 7.3 --parent 7\n"),
	.options = cmd_add_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_add_exec,
};
