/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "nls.h"
#include "person_change.h"

/* qweek person remove. */

static const struct args_option cmd_person_remove_options[] = { { "reassign", ARGS_VALUE },
								{ NULL, 0 } };

static enum cmd_retval cmd_person_remove_exec(struct cmd_ctx *ctx, struct args *args)
{
	return person_remove(ctx, args, 0);
}

const struct cmd_entry cmd_person_remove_entry = {
	.name = "person remove",
	.usage = "NAME [--reassign OTHER]",
	.summary = N_("Remove a person (their open items to --reassign)"),
	.help = N_("Removes the person NAME from the plan. Refused while they are responsible for\n"
		   "open items, unless --reassign gives those to OTHER; the items they did keep\n"
		   "who did them. qweek undo brings them back.\n"
		   "\n"
		   "example:\n"
		   "  qweek person remove \"Петров С. И.\" --reassign \"Иванова А. П.\"\n"),
	.options = cmd_person_remove_options,
	.lower = 1,
	.upper = 1,
	.whole = 1,
	.exec = cmd_person_remove_exec,
};
