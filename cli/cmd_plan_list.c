/* SPDX-License-Identifier: MIT */
#include "cmd.h"
#include "ctx.h"
#include "output.h"
#include "table.h"
#include "nls.h"

/* qweek plan list: the plans qweekd keeps, as a table. */

static void cmd_plan_list_row(struct table *t, struct jscan *j, int plan)
{
	char from[32], to[32], items[32];
	const char *cells[6];

	snprintf(items, sizeof items, "%lld", jscan_get_int(j, plan, "items", 0));
	cells[0] = jscan_get_string(j, plan, "slug");
	cells[1] = jscan_get_string(j, plan, "title");
	cells[2] = output_date(jscan_get_string(j, plan, "from"), from, sizeof from);
	cells[3] = output_date(jscan_get_string(j, plan, "to"), to, sizeof to);
	cells[4] = jscan_get_string(j, plan, "tz");
	cells[5] = items;
	table_add_row(t, cells);
}

static enum cmd_retval cmd_plan_list_exec(struct cmd_ctx *ctx, struct args *args)
{
	static const char *const header[] = { N_("SLUG"), N_("TITLE"), N_("FROM"),
					      N_("TO"),	  N_("TZ"),    N_("ITEMS") };
	struct jscan *reply;
	struct table *t;
	enum cmd_retval rv;
	int plans;

	if ((rv = ctx_request(ctx, "GET", "/api/v1/plans", NULL, &reply)) != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		rv = ctx_print_reply(reply);
		jscan_free(reply);
		return rv;
	}
	plans = jscan_get(reply, 0, "plans");
	if (jscan_first(reply, plans) == -1)
		printf(_("no plans yet: create one with qweek plan new\n"));
	else if ((t = table_new(6)) == NULL)
		rv = ctx_fail(_("out of memory"));
	else {
		table_add_row(t, header);
		for (size_t c = 0; c < 5; c++) {
			if (c != 1)
				table_keep(t, c);
		}
		table_align_right(t, 5);
		for (int p = jscan_first(reply, plans); p != -1; p = jscan_next(reply, plans, p))
			cmd_plan_list_row(t, reply, p);
		table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
		table_free(t);
	}
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_plan_list_entry = {
	.name = "plan list",
	.usage = "",
	.summary = N_("List the plans"),
	.help = N_("Prints a table of the plans qweekd keeps: SLUG TITLE FROM TO TZ ITEMS. Give a\n"
		   "plan's slug to the other commands with --plan when there are several.\n"
		   "\n"
		   "example:\n"
		   "  qweek plan list\n"),
	.lower = 0,
	.upper = 0,
	.exec = cmd_plan_list_exec,
};
