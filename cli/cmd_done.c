/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "item.h"
#include "nls.h"

/* qweek done: mark an item done, with a note, for whoever did it. */

static enum cmd_retval cmd_done_exec(struct cmd_ctx *ctx, struct args *args)
{
	return item_note(ctx, args, "done", _("done"));
}

const struct cmd_entry cmd_done_entry = {
	.name = "done",
	.usage = "REF [--note TEXT] [--by NAME]",
	.summary = N_("Mark an item done"),
	.help = N_(
		"Marks the item REF done, now, with an optional note (what was done, how many came).\n"
		"It is recorded as done by you (qweekd's [daemon] admin_name, or your full name);\n"
		"--by records it for a person of the plan who reported it, by phone say.\n"
		"\n"
		"examples:\n"
		"  qweek done 7.2 --note \"Пришли 14 человек\"\n"
		"  qweek done 7.3 --by \"Иванова А. П.\"\n"),
	.options = item_done_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_done_exec,
};
