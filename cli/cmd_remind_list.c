/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "remind.h"
#include "table.h"
#include "util.h"
#include "nls.h"

/* qweek remind list: the reminders to come, sent, failed or skipped; the people out of reach. */

static const char *const cmd_remind_list_states[] = { "pending",       "sent", "failed", "skipped",
						      "undeliverable", "all",  NULL };

static const struct args_option cmd_remind_list_options[] = {
	{ "pending", 0 },      { "sent", 0 },		{ "failed", 0 },
	{ "skipped", 0 },      { "undeliverable", 0 },	{ "all", 0 },
	{ "who", ARGS_VALUE }, { "limit", ARGS_VALUE }, { NULL, 0 }
};

static void cmd_remind_list_people(struct cmd_ctx *ctx, struct jscan *j)
{
	static const char *const header[] = { N_("NAME"), N_("KIND"), N_("EMAIL"), N_("OPEN ITEMS"),
					      N_("WHY") };
	int arr = jscan_get(j, 0, "people");
	const char *cells[5];
	char n[32];
	struct table *t;

	if (jscan_first(j, arr) == -1) {
		printf(_("every person can be reached\n"));
		return;
	}
	if ((t = table_new(5)) == NULL)
		return;
	table_add_row(t, header);
	table_align_right(t, 3);
	for (int p = jscan_first(j, arr); p != -1; p = jscan_next(j, arr, p)) {
		snprintf(n, sizeof n, "%lld", jscan_get_int(j, p, "open_items", 0));
		cells[0] = jscan_get_string(j, p, "name");
		cells[1] = jscan_get_string(j, p, "kind");
		cells[2] = jscan_get_string(j, p, "email");
		cells[3] = n;
		cells[4] = jscan_get_string(j, p, "reason");
		table_add_row(t, cells);
	}
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
}

/* The listing asked for ("pending" when none); NULL after a usage error. */
static const char *cmd_remind_list_which(struct cmd_ctx *ctx, struct args *args)
{
	const char *which = NULL;

	for (const char *const *s = cmd_remind_list_states; *s != NULL; s++) {
		if (!args_has(args, *s))
			continue;
		if (which != NULL) {
			ctx_usage(ctx, _("give one of --pending, --sent, --failed, --skipped, "
					 "--undeliverable, --all"));
			return NULL;
		}
		which = *s;
	}
	return which != NULL ? which : "pending";
}

/* "?state=S[&who=W][&limit=N]" into *TAIL; CMD_OK or an error printed. */
static enum cmd_retval cmd_remind_list_query(struct cmd_ctx *ctx, struct args *args,
					     const char *state, char **tail)
{
	const char *who = args_get(args, "who"), *limit = args_get(args, "limit");
	char *ewho = NULL, *elimit = NULL;

	if ((who != NULL && (ewho = ctx_escape(ctx, who)) == NULL) ||
	    (limit != NULL && (elimit = ctx_escape(ctx, limit)) == NULL)) {
		free(ewho);
		return CMD_REFUSED;
	}
	*tail = util_printf(
		"%s%s%s%s%s%s", state != NULL ? "?state=" : "", state != NULL ? state : "",
		ewho != NULL ? (state ? "&who=" : "?who=") : "", ewho != NULL ? ewho : "",
		elimit != NULL ? (state || ewho ? "&limit=" : "?limit=") : "",
		elimit != NULL ? elimit : "");
	free(ewho);
	free(elimit);
	return *tail != NULL ? CMD_OK : ctx_fail(_("out of memory"));
}

static enum cmd_retval cmd_remind_list_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *which = cmd_remind_list_which(ctx, args);
	int undeliverable = which != NULL && strcmp(which, "undeliverable") == 0;
	struct jscan *reply;
	enum cmd_retval rv;
	char *tail = NULL, *path;
	int arr;

	if (which == NULL)
		return CMD_USAGE;
	if (undeliverable && args_has(args, "who"))
		return ctx_usage(ctx, _("--undeliverable lists people: it takes no --who"));
	if (undeliverable && args_has(args, "limit"))
		return ctx_usage(
			ctx, _("--undeliverable lists everyone it concerns: it takes no --limit"));
	if ((rv = cmd_remind_list_query(ctx, args, undeliverable ? NULL : which, &tail)) != CMD_OK)
		return rv;
	path = ctx_path(ctx, undeliverable ? "reminders/undeliverable" : "reminders", NULL, tail);
	free(tail);
	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	arr = jscan_get(reply, 0, "reminders");
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else if (undeliverable) {
		cmd_remind_list_people(ctx, reply);
		if (jscan_first(reply, arr) != -1) {
			printf(_("\nreminders that reached nobody:\n"));
			remind_table(ctx, reply, arr);
		}
	} else if (jscan_first(reply, arr) == -1)
		printf(_("no %s reminders\n"), which);
	else {
		remind_table(ctx, reply, arr);
		if (jscan_get_bool(reply, 0, "truncated"))
			printf(_("(more not shown: --limit N shows more)\n"));
	}
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_remind_list_entry = {
	.name = "remind list",
	.usage = "[--pending | --sent | --failed | --skipped | --undeliverable | --all] "
		 "[--who NAME] [--limit N]",
	.summary = N_("List reminders: to come, sent, failed, skipped; people out of reach"),
	.help = N_(
		"Prints the plan's reminders: AT (when due) STATE ITEM TO RULE VIA NOTE. --pending\n"
		"(the default) shows what is to come and what is being sent or retried; --sent what\n"
		"went out; --failed what could not be delivered (retried with a growing pause) or\n"
		"came too late; --skipped what was not sent and why (done, cancelled, moved, or\n"
		"superseded). --undeliverable lists the people that nothing can reach: no email\n"
		"address and no notify hook. --who keeps one person's (or a group's) reminders.\n"
		"\n"
		"example:\n"
		"  qweek remind list --failed\n"
		"  qweek remind list --who \"Иванова А. П.\"\n"),
	.options = cmd_remind_list_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_remind_list_exec,
};
