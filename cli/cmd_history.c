/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"
#include "util.h"

/*
 * qweek history: the plan's changes, newest first, one a line, in the plan's words:
 * "14.11 12:03 Иванова А. П. (page): пункт 3 «Семинар»: открыт → выполнен".
 */

static const struct args_option cmd_history_options[] = { { "who", ARGS_VALUE },
							  { "limit", ARGS_VALUE },
							  { NULL, 0 } };

/* "2017-11-14T12:03:00+07:00" as "14.11 12:03" (anything else as it is). */
static void cmd_history_at(const char *at, char *buf, size_t len)
{
	if (strlen(at) >= 16 && at[4] == '-' && at[10] == 'T')
		snprintf(buf, len, "%.2s.%.2s %.5s", at + 8, at + 5, at + 11);
	else
		snprintf(buf, len, "%s", at);
}

/* "?item=REF&who=NAME&limit=N" from what was given (each escaped), malloc'd. */
static char *cmd_history_query(struct cmd_ctx *ctx, struct args *args)
{
	const char *names[] = { "item", "who", "limit" };
	const char *values[] = { args_count(args) > 0 ? args_string(args, 0) : NULL,
				 args_get(args, "who"), args_get(args, "limit") };
	char *q = util_printf("%s", ""), *e, *more;

	for (size_t i = 0; i < 3 && q != NULL; i++) {
		if (values[i] == NULL)
			continue;
		if ((e = ctx_escape(ctx, values[i])) == NULL) {
			free(q);
			return NULL;
		}
		more = util_printf("%s%c%s=%s", q, *q == '\0' ? '?' : '&', names[i], e);
		free(e);
		free(q);
		q = more;
	}
	return q;
}

static void cmd_history_print(struct jscan *reply)
{
	int changes = jscan_get(reply, 0, "changes");
	char at[40];

	if (jscan_first(reply, changes) == -1)
		printf("%s\n", _("no changes recorded"));
	for (int c = jscan_first(reply, changes); c != -1; c = jscan_next(reply, changes, c)) {
		cmd_history_at(jscan_get_string(reply, c, "at"), at, sizeof at);
		printf("%4lld  %s %s (%s): %s\n", jscan_get_int(reply, c, "id", 0), at,
		       jscan_get_string(reply, c, "by"), jscan_get_string(reply, c, "via"),
		       jscan_get_string(reply, c, "what"));
	}
}

static enum cmd_retval cmd_history_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *tail = cmd_history_query(ctx, args), *path;

	if (tail == NULL)
		return CMD_REFUSED;
	path = ctx_path(ctx, "history", NULL, tail);
	free(tail);
	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		rv = ctx_print_reply(reply);
	else
		cmd_history_print(reply);
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_history_entry = {
	.name = "history",
	.usage = "[REF] [--who NAME] [--limit N]",
	.summary = N_("What changed in the plan, who changed it, when and how"),
	.help = N_("Lists the plan's changes, newest first: their number, when, who made them and\n"
		   "through what (cli, page, caldav, import), and what they changed. REF: only\n"
		   "the changes of that item; --who: only that person's; --limit: at most N (50).\n"
		   "qweek undo takes a change back.\n"
		   "\n"
		   "example:\n"
		   "  qweek history 3\n"
		   "  qweek history --who \"Иванова А. П.\" --limit 10\n"),
	.options = cmd_history_options,
	.lower = 0,
	.upper = 1,
	.exec = cmd_history_exec,
};
