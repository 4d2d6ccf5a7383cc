/* SPDX-License-Identifier: MIT */
#include <jansson.h>

#include "cmd.h"
#include "ctx.h"
#include "remind.h"
#include "nls.h"

/* qweek plan edit: the plan's reminders. */

static const struct args_option cmd_plan_edit_options[] = { { "remind", ARGS_VALUE | ARGS_REPEAT },
							    { NULL, 0 } };

static enum cmd_retval cmd_plan_edit_exec(struct cmd_ctx *ctx, struct args *args)
{
	json_t *body, *lines;
	enum cmd_retval rv;
	const char *v;

	if (!args_has(args, "remind"))
		return ctx_usage(ctx, _("nothing to change: give --remind \"events 1d, 1h\""));
	if ((body = json_object()) == NULL || (lines = json_array()) == NULL ||
	    json_object_set_new(body, "remind", lines) == -1) {
		json_decref(body);
		return ctx_fail(_("out of memory"));
	}
	for (size_t i = 0; (v = args_value(args, "remind", i)) != NULL; i++)
		json_array_append_new(lines, json_string(v));
	rv = remind_rules(ctx, body);
	json_decref(body);
	return rv;
}

const struct cmd_entry cmd_plan_edit_entry = {
	.name = "plan edit",
	.usage = "--remind \"events|deadlines|overdue RULES\"... | --remind default",
	.summary = N_("Change the plan's reminders"),
	.help = N_(
		"Sets when qweekd reminds people, for one kind of item per --remind: \"events\"\n"
		"(and spans), \"deadlines\", or \"overdue\", then the rules: how long before\n"
		"(30m, 2h, 1d, 1w; days are calendar days, same clock time) or a time on the\n"
		"item's day (09:00); for overdue, the time of the notices on working days, or\n"
		"none. \"default\" goes back to: events 1d, 1h; deadlines 3d, 1d, 09:00; overdue\n"
		"09:00. Whole-day items are reminded at 09:00. Prints the plan's reminders.\n"
		"\n"
		"example:\n"
		"  qweek plan edit --remind \"events 2d, 2h\" --remind \"overdue 10:00\"\n"),
	.options = cmd_plan_edit_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_plan_edit_exec,
};
