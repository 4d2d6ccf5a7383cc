/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "item.h"
#include "nls.h"

/* qweek cancel: cancel an item, saying why. */

static enum cmd_retval cmd_cancel_exec(struct cmd_ctx *ctx, struct args *args)
{
	return item_note(ctx, args, "cancel", _("cancelled"));
}

const struct cmd_entry cmd_cancel_entry = {
	.name = "cancel",
	.usage = "REF [--note TEXT]",
	.summary = N_("Cancel an item"),
	.help = N_(
		"Cancels the item REF: it stays in the plan and the report, marked cancelled, and\n"
		"leaves the calendars. --note says why.\n"
		"\n"
		"example:\n"
		"  qweek cancel 6 --note \"Перенесено на декабрь\"\n"),
	.options = item_note_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_cancel_exec,
};
