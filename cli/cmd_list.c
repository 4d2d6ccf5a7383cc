/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "output.h"
#include "table.h"
#include "util.h"
#include "nls.h"

/* qweek list: the items of the plan, in plan order, as a table. */

static const struct args_option cmd_list_options[] = { { "who", ARGS_VALUE }, { "open", 0 },
						       { "done", 0 },	      { "overdue", 0 },
						       { "cancelled", 0 },    { NULL, 0 } };

static const char *const cmd_list_states[] = { "open", "done", "overdue", "cancelled", NULL };

/* The query string from ARGS into *TAIL; CMD_OK or an error already printed. */
static enum cmd_retval cmd_list_query(struct cmd_ctx *ctx, struct args *args, char **tail)
{
	const char *state = NULL, *who = args_get(args, "who");
	char *ewho = NULL;

	*tail = NULL;
	for (const char *const *s = cmd_list_states; *s != NULL; s++) {
		if (!args_has(args, *s))
			continue;
		if (state != NULL)
			return ctx_usage(ctx,
					 _("give one of --open, --done, --overdue, --cancelled"));
		state = *s;
	}
	if (who != NULL && (ewho = ctx_escape(ctx, who)) == NULL)
		return CMD_REFUSED;
	*tail = util_printf("%s%s%s%s%s", who != NULL || state != NULL ? "?" : "",
			    who != NULL ? "who=" : "", who != NULL ? ewho : "",
			    who != NULL && state != NULL ? "&state=" :
			    state != NULL		 ? "state=" :
							   "",
			    state != NULL ? state : "");
	free(ewho);
	return *tail != NULL ? CMD_OK : ctx_fail(_("out of memory"));
}

static enum cmd_retval cmd_list_print(struct cmd_ctx *ctx, struct jscan *reply)
{
	int items = jscan_get(reply, 0, "items");
	struct table *t;
	char *who = NULL;
	size_t cap = 0;

	if (jscan_first(reply, items) == -1) {
		printf(_("no items\n"));
		return CMD_OK;
	}
	output_set_lang(jscan_get_string(reply, 0, "lang"));
	if ((t = output_item_table()) == NULL)
		return ctx_fail(_("out of memory"));
	for (int i = jscan_first(reply, items); i != -1; i = jscan_next(reply, items, i)) {
		if (output_item_row(t, reply, i, &who, &cap) == -1)
			break;
	}
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
	free(who);
	return CMD_OK;
}

static enum cmd_retval cmd_list_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *tail, *path;

	if ((rv = cmd_list_query(ctx, args, &tail)) != CMD_OK)
		return rv;
	path = ctx_path(ctx, "items", NULL, tail);
	free(tail);
	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	rv = ctx_json(ctx) ? ctx_print_reply(reply) : cmd_list_print(ctx, reply);
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.usage = "[--who NAME] [--open | --done | --overdue | --cancelled]",
	.summary = N_("List the items of the plan"),
	.help = N_(
		"Prints the plan's items in plan order: REF WHEN TITLE WHO STATE. --who keeps those\n"
		"of one person or group; --open, --done, --overdue and --cancelled keep those in\n"
		"that state. On a terminal, long titles are cut to its width; --json prints\n"
		"{\"items\": [...]} with every field.\n"
		"\n"
		"example:\n"
		"  qweek list --who \"Заместитель директора\" --overdue\n"),
	.options = cmd_list_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_list_exec,
};
