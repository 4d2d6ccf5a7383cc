/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "item.h"
#include "nls.h"

/* qweek reopen: make a done or cancelled item open again. */

static enum cmd_retval cmd_reopen_exec(struct cmd_ctx *ctx, struct args *args)
{
	return item_note(ctx, args, "reopen", _("reopened"));
}

const struct cmd_entry cmd_reopen_entry = {
	.name = "reopen",
	.usage = "REF",
	.summary = N_("Make a done or cancelled item open again"),
	.help = N_(
		"Makes the item REF open again, as if it had never been marked done or cancelled.\n"
		"\n"
		"example:\n"
		"  qweek reopen 7.2\n"),
	.lower = 1,
	.upper = 1,
	.exec = cmd_reopen_exec,
};
