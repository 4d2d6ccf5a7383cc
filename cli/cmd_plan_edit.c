/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"
#include "remind.h"
#include "util.h"

/* qweek plan edit: the plan's settings and its reminders. */

static const struct args_option cmd_plan_edit_options[] = { { "remind", ARGS_VALUE | ARGS_REPEAT },
							    { "title", ARGS_VALUE },
							    { "from", ARGS_VALUE },
							    { "to", ARGS_VALUE },
							    { "tz", ARGS_VALUE },
							    { "org", ARGS_VALUE },
							    { "lang", ARGS_VALUE },
							    { "slug", ARGS_VALUE },
							    { "director", ARGS_VALUE },
							    { NULL, 0 } };

/* The settings given, into BODY; how many. -1 when out of memory. */
static int plan_edit_settings(struct args *args, json_t *body)
{
	static const char *const names[] = { "title", "from", "to",   "tz",
					     "org",   "lang", "slug", "director" };
	int n = 0;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!args_has(args, names[i]))
			continue;
		if (util_json_set(body, names[i], args_get(args, names[i])) == -1)
			return -1;
		n++;
	}
	return n;
}

static int plan_edit_reminds(struct args *args, json_t *body)
{
	json_t *lines;
	const char *v;

	if (!args_has(args, "remind"))
		return 0;
	if ((lines = json_array()) == NULL || json_object_set_new(body, "remind", lines) == -1)
		return -1;
	for (size_t i = 0; (v = args_value(args, "remind", i)) != NULL; i++)
		if (json_array_append_new(lines, json_string(v)) == -1)
			return -1;
	return 1;
}

/* What changed besides the reminders: the plan as it is now. */
static enum cmd_retval plan_edit_print(struct cmd_ctx *ctx, json_t *body)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *path = ctx_path(ctx, NULL, NULL, NULL);
	const char *director;

	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "PATCH", path, body, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		ctx_print_reply(reply);
		jscan_free(reply);
		return CMD_OK;
	}
	director = jscan_get_string(reply, 0, "director");
	printf(_("%s: «%s», %s to %s, %s, %s\n"), jscan_get_string(reply, 0, "slug"),
	       jscan_get_string(reply, 0, "title"), jscan_get_string(reply, 0, "from"),
	       jscan_get_string(reply, 0, "to"), jscan_get_string(reply, 0, "tz"),
	       jscan_get_string(reply, 0, "lang"));
	if (director != NULL)
		printf(_("director: %s (gets the copies of overdue notices)\n"), director);
	if (jscan_get(reply, 0, "moved") != -1)
		printf(_("a new time zone: every item keeps its written local time; %lld items' "
			 "instants moved\n"),
		       jscan_get_int(reply, 0, "moved", 0));
	jscan_free(reply);
	return CMD_OK;
}

static enum cmd_retval cmd_plan_edit_exec(struct cmd_ctx *ctx, struct args *args)
{
	json_t *body = json_object();
	enum cmd_retval rv;
	int settings, reminds;

	if (body == NULL || (settings = plan_edit_settings(args, body)) == -1 ||
	    (reminds = plan_edit_reminds(args, body)) == -1) {
		json_decref(body);
		return ctx_fail(_("out of memory"));
	}
	if (settings == 0 && reminds == 0)
		rv = ctx_usage(ctx, _("nothing to change: give --title, --from, --to, --tz, --org, "
				      "--lang, --slug, --director or --remind \"events 1d, 1h\""));
	else if (settings == 0)
		rv = remind_rules(ctx, body); /* as before: the reminders it prints */
	else
		rv = plan_edit_print(ctx, body);
	json_decref(body);
	return rv;
}

const struct cmd_entry cmd_plan_edit_entry = {
	.name = "plan edit",
	.usage = "[--title T] [--from DATE] [--to DATE] [--tz ZONE] [--org O] [--lang ru|uk|en] "
		 "[--slug S] [--director NAME] [--remind \"events|deadlines|overdue RULES\"]...",
	.summary = N_("Change the plan: its title, days, zone, language, director, reminders"),
	.help = N_(
		"Changes the plan's settings, checked as plan new checks them. A new title keeps\n"
		"the slug (scripts and QWEEK_PLAN name the plan by it); --slug S changes it on\n"
		"purpose (refused if another plan has it). A new time zone (--tz) keeps every\n"
		"item's written local time: a meeting \"10.11 в 10.00\" stays at 10:00 there,\n"
		"and qweek says how many items' instants moved. --director NAME makes a person\n"
		"of the plan its director, who gets the copies of overdue notices (--director \"\":\n"
		"whoever's role or name says director, as without it).\n"
		"\n"
		"--remind sets when qweekd reminds people, for one kind of item per --remind:\n"
		"\"events\" (and spans), \"deadlines\", or \"overdue\", then the rules: how long before\n"
		"(30m, 2h, 1d, 1w; days are calendar days, same clock time) or a time on the\n"
		"item's day (09:00); for overdue, the time of the notices on working days, or\n"
		"none. \"default\" goes back to: events 1d, 1h; deadlines 3d, 1d, 09:00; overdue\n"
		"09:00. Whole-day items are reminded at 09:00. With --remind alone, prints the\n"
		"plan's reminders.\n"
		"\n"
		"examples:\n"
		"  qweek plan edit --remind \"events 2d, 2h\" --remind \"overdue 10:00\"\n"
		"  qweek plan edit --title \"Неделя качества 2017 (итог)\" --director \"Иванова А. П.\"\n"
		"  qweek plan edit --tz Europe/Kyiv\n"),
	.options = cmd_plan_edit_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_plan_edit_exec,
};
