/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "output.h"
#include "table.h"

/* qweek status: what is done, late, or at risk, for the director. */

static void cmd_status_totals(struct cmd_ctx *ctx, struct jscan *r)
{
	long long overdue = jscan_get_int(r, 0, "overdue", 0);
	int red = ctx_color(ctx) && overdue > 0;

	printf("%lld items: %lld done, %lld open (%s%lld overdue%s), %lld cancelled\n",
	    jscan_get_int(r, 0, "total", 0), jscan_get_int(r, 0, "done", 0),
	    jscan_get_int(r, 0, "open", 0), red ? "\033[31m" : "", overdue, red ? "\033[0m" : "",
	    jscan_get_int(r, 0, "cancelled", 0));
}

static void cmd_status_people(struct cmd_ctx *ctx, struct jscan *r)
{
	static const char *const header[] = { "NAME", "TOTAL", "DONE", "OVERDUE" };
	int people = jscan_get(r, 0, "by_person");
	char num[3][32];
	const char *cells[4];
	struct table *t;

	if (jscan_first(r, people) == -1 || (t = table_new(4)) == NULL)
		return;
	table_add_row(t, header);
	for (size_t c = 1; c < 4; c++)
		table_align_right(t, c);
	for (int p = jscan_first(r, people); p != -1; p = jscan_next(r, people, p)) {
		long long overdue = jscan_get_int(r, p, "overdue", 0);
		snprintf(num[0], sizeof num[0], "%lld", jscan_get_int(r, p, "total", 0));
		snprintf(num[1], sizeof num[1], "%lld", jscan_get_int(r, p, "done", 0));
		snprintf(num[2], sizeof num[2], "%lld", overdue);
		cells[0] = jscan_get_string(r, p, "name");
		cells[1] = num[0];
		cells[2] = num[1];
		cells[3] = num[2];
		table_add_row(t, cells);
		if (overdue > 0)
			table_set_color(t, 3, TABLE_RED);
	}
	putchar('\n');
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
}

/* The items of array KEY, under TITLE, if any. */
static void cmd_status_items(struct cmd_ctx *ctx, struct jscan *r, const char *key,
    const char *title)
{
	int items = jscan_get(r, 0, key);
	struct table *t;
	char *who = NULL;
	size_t cap = 0;

	if (jscan_first(r, items) == -1 || (t = output_item_table()) == NULL)
		return;
	for (int i = jscan_first(r, items); i != -1; i = jscan_next(r, items, i)) {
		if (output_item_row(t, r, i, &who, &cap) == -1)
			break;
	}
	printf("\n%s:\n", title);
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
	free(who);
}

static enum cmd_retval cmd_status_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *path;

	if ((path = ctx_path(ctx, "status", NULL, NULL)) == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else {
		cmd_status_totals(ctx, reply);
		cmd_status_people(ctx, reply);
		cmd_status_items(ctx, reply, "overdue_items", "overdue");
		cmd_status_items(ctx, reply, "due_soon", "due within 48 hours");
	}
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_status_entry = {
	.name = "status",
	.usage = "",
	.summary = "Show what is done, open and overdue, by person",
	.help =
	    "Prints how many items are done, open, overdue and cancelled, a table of each\n"
	    "person's and group's items (NAME TOTAL DONE OVERDUE), then the overdue items and\n"
	    "those due within 48 hours.\n"
	    "\n"
	    "example:\n"
	    "  qweek status --plan nedelya-kachestva-2017\n",
	.lower = 0,
	.upper = 0,
	.exec = cmd_status_exec,
};
