/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "nls.h"
#include "person_change.h"

/* qweek group edit. */

static const struct args_option cmd_group_edit_options[] = { { "name", ARGS_VALUE }, { NULL, 0 } };

static enum cmd_retval cmd_group_edit_exec(struct cmd_ctx *ctx, struct args *args)
{
	return person_edit(ctx, args, 1);
}

const struct cmd_entry cmd_group_edit_entry = {
	.name = "group edit",
	.usage = "NAME --name NEW",
	.summary = N_("Rename a group"),
	.help = N_("Renames the group NAME to NEW: its items and people follow.\n"
		   "\n"
		   "example:\n"
		   "  qweek group edit Психологи --name \"Педагоги-психологи\"\n"),
	.options = cmd_group_edit_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_group_edit_exec,
};
