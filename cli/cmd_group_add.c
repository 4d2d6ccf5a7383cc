/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "person.h"
#include "nls.h"

/* qweek group add: a group of people ("Психологи"). */

static enum cmd_retval cmd_group_add_exec(struct cmd_ctx *ctx, struct args *args)
{
	return person_add(ctx, args, 1);
}

const struct cmd_entry cmd_group_add_entry = {
	.name = "group add",
	.usage = "NAME",
	.summary = N_("Add a group of people (\"Психологи\")"),
	.help = N_(
		"Adds a group to the plan: an item given to a group is on the calendar of each of\n"
		"its people. Put people in it with qweek person add NAME --group GROUP.\n"
		"\n"
		"example:\n"
		"  qweek group add \"Специалисты отделения реабилитации\"\n"),
	.lower = 1,
	.upper = 1,
	.exec = cmd_group_add_exec,
};
