/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "item.h"

/* qweek done: mark an item done, with a note. */

static enum cmd_retval cmd_done_exec(struct cmd_ctx *ctx, struct args *args)
{
	return item_note(ctx, args, "done", "done");
}

const struct cmd_entry cmd_done_entry = {
	.name = "done",
	.usage = "REF [--note TEXT]",
	.summary = "Mark an item done",
	.help = "Marks the item REF done, now, with an optional note (what was done, how many came).\n"
		"\n"
		"example:\n"
		"  qweek done 7.2 --note \"Пришли 14 человек\"\n",
	.options = item_note_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_done_exec,
};
