/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "remind.h"
#include "nls.h"

/* qweek remind show: an item's reminders and those to come. */

static enum cmd_retval cmd_remind_show_exec(struct cmd_ctx *ctx, struct args *args)
{
	return remind_item(ctx, args_string(args, 0), NULL);
}

const struct cmd_entry cmd_remind_show_entry = {
	.name = "remind show",
	.usage = "REF",
	.summary = N_("Show an item's reminders and those to come"),
	.help = N_(
		"Prints the reminders of the item REF (its own, or the plan's) and when the next\n"
		"ones go, to whom.\n"
		"\n"
		"example:\n"
		"  qweek remind show 7.2\n"),
	.lower = 1,
	.upper = 1,
	.exec = cmd_remind_show_exec,
};
