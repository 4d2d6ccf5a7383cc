/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "person.h"
#include "nls.h"

/* qweek person add: a person who can be responsible for items. */

static const struct args_option cmd_person_add_options[] = { { "role", ARGS_VALUE },
							     { "email", ARGS_VALUE },
							     { "group", ARGS_VALUE | ARGS_REPEAT },
							     { "new-group", 0 },
							     { NULL, 0 } };

static enum cmd_retval cmd_person_add_exec(struct cmd_ctx *ctx, struct args *args)
{
	return person_add(ctx, args, 0);
}

const struct cmd_entry cmd_person_add_entry = {
	.name = "person add",
	.usage = "NAME [--role ROLE] [--email ADDR] [--group GROUP]... [--new-group]",
	.summary = N_("Add a person who can be responsible for items"),
	.help = N_(
		"Adds a person to the plan. --group puts them in a group (made when missing);\n"
		"give it once per group. Items name people and groups with --who. Names are\n"
		"unique in a plan, whatever the case. With --email, qweekd can send reminders.\n"
		"A new group named nearly as one there is is refused (did you mean ...?):\n"
		"--new-group makes it all the same.\n"
		"\n"
		"example:\n"
		"  qweek person add \"Иванова А. П.\" --role психолог --email ivanova@example.org \\\n"
		"      --group Психологи --group \"Заведующие отделениями\"\n"),
	.options = cmd_person_add_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_person_add_exec,
};
