/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "nls.h"
#include "person_change.h"

/* qweek person edit. */

static const struct args_option cmd_person_edit_options[] = { { "name", ARGS_VALUE },
							      { "role", ARGS_VALUE },
							      { "email", ARGS_VALUE },
							      { "group", ARGS_VALUE | ARGS_REPEAT },
							      { "leave", ARGS_VALUE | ARGS_REPEAT },
							      { "new-group", 0 },
							      { NULL, 0 } };

static enum cmd_retval cmd_person_edit_exec(struct cmd_ctx *ctx, struct args *args)
{
	return person_edit(ctx, args, 0);
}

const struct cmd_entry cmd_person_edit_entry = {
	.name = "person edit",
	.usage =
		"NAME [--name N] [--email E] [--role R] [--group G]... [--leave G]... [--new-group]",
	.summary = N_("Change a person: name, e-mail, role, groups"),
	.help = N_(
		"Changes the person NAME: --name renames them (their items follow), --email,\n"
		"--role; --group puts them in a group (as person add does), --leave takes them\n"
		"out of one. Checked as person add checks; a refusal changes nothing.\n"
		"\n"
		"example:\n"
		"  qweek person edit \"Иванова А. П.\" --email ivanova@example.org --leave Психологи\n"),
	.options = cmd_person_edit_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_person_edit_exec,
};
