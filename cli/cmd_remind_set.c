/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "remind.h"
#include "nls.h"

/* qweek remind set: an item's own reminders, or none. */

static enum cmd_retval cmd_remind_set_exec(struct cmd_ctx *ctx, struct args *args)
{
	return remind_item(ctx, args_string(args, 0), args_string(args, 1));
}

const struct cmd_entry cmd_remind_set_entry = {
	.name = "remind set",
	.usage = "REF RULES|none|default",
	.summary = N_("Give an item its own reminders, or none"),
	.help = N_(
		"Replaces the plan's reminders for the item REF: RULES are how long before\n"
		"(30m, 2h, 1d, 1w) or a time on the item's day (09:00), separated by commas.\n"
		"\"none\" silences the item, overdue notices included; \"default\" gives it the\n"
		"plan's reminders again. Prints the reminders to come.\n"
		"\n"
		"example:\n"
		"  qweek remind set 7.2 2h,1d\n"
		"  qweek remind set 6 none\n"),
	.lower = 2,
	.upper = 2,
	.exec = cmd_remind_set_exec,
};
