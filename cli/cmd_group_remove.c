/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "nls.h"
#include "person_change.h"

/* qweek group remove. */

static const struct args_option cmd_group_remove_options[] = { { "reassign", ARGS_VALUE },
							       { NULL, 0 } };

static enum cmd_retval cmd_group_remove_exec(struct cmd_ctx *ctx, struct args *args)
{
	return person_remove(ctx, args, 1);
}

const struct cmd_entry cmd_group_remove_entry = {
	.name = "group remove",
	.usage = "NAME [--reassign OTHER]",
	.summary = N_("Remove a group (its open items to --reassign)"),
	.help = N_("Removes the group NAME (its people stay). Refused while it is responsible for\n"
		   "open items, unless --reassign gives those to OTHER.\n"
		   "\n"
		   "example:\n"
		   "  qweek group remove Психологи --reassign \"Иванова А. П.\"\n"),
	.options = cmd_group_remove_options,
	.lower = 1,
	.upper = 1,
	.whole = 1,
	.exec = cmd_group_remove_exec,
};
