/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "output.h"
#include "table.h"
#include "nls.h"

/* qweek status: what is done, late, or at risk, for the director; --all, every plan; --url,
 * the status page's address. */

static const struct args_option cmd_status_options[] = {
	{ "all", 0 }, { "url", 0 }, { "rotate", 0 }, { NULL, 0 }
};

#define CMD_STATUS_BAR 30 /* columns of the progress bar */

/* "5 of 16 planned, 31 %; 5 cancelled": the done share says its base, as the status page and
 * the report do (the cancelled part only when there are some). */
static void cmd_status_share(char *buf, size_t len, long long done, long long planned,
			     long long cancelled)
{
	int pct = planned > 0 ? (int)(done * 100 / planned) : 0;

	if (cancelled > 0)
		snprintf(buf, len, _("%lld of %lld planned, %d %%; %lld cancelled"), done, planned,
			 pct, cancelled);
	else
		snprintf(buf, len, _("%lld of %lld planned, %d %%"), done, planned, pct);
}

/* "[██████░░░░] 2 of 5 planned, 40 %; 1 cancelled" on a terminal (coloured): DONE of the
 * items not cancelled. */
static void cmd_status_bar(struct cmd_ctx *ctx, long long done, long long of, long long cancelled)
{
	int pct = of > 0 ? (int)(done * 100 / of) : 0, full = pct * CMD_STATUS_BAR / 100;
	int color = ctx_color(ctx);
	char share[256];

	cmd_status_share(share, sizeof share, done, of, cancelled);
	if (!color) {
		printf(_("progress: %s\n"), share);
		return;
	}
	fputs("\033[32m", stdout);
	for (int i = 0; i < CMD_STATUS_BAR; i++) {
		if (i == full)
			fputs("\033[2m", stdout);
		fputs(i < full ? "█" : "░", stdout);
	}
	printf("\033[0m %s\n", share);
}

static void cmd_status_totals(struct cmd_ctx *ctx, struct jscan *r)
{
	long long overdue = jscan_get_int(r, 0, "overdue", 0);
	long long total = jscan_get_int(r, 0, "total", 0), done = jscan_get_int(r, 0, "done", 0);
	long long cancelled = jscan_get_int(r, 0, "cancelled", 0);
	int red = ctx_color(ctx) && overdue > 0;

	cmd_status_bar(ctx, done, total - cancelled, cancelled);
	printf(_("%lld items: %lld done, %lld open (%s%lld overdue%s), %lld cancelled\n"), total,
	       done, jscan_get_int(r, 0, "open", 0), red ? "\033[31m" : "", overdue,
	       red ? "\033[0m" : "", cancelled);
}

static void cmd_status_people(struct cmd_ctx *ctx, struct jscan *r)
{
	static const char *const header[] = { N_("NAME"), N_("TOTAL"), N_("DONE"), N_("OVERDUE") };
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

/* "3d 4h", "5h", "20m": how late, from the reply's late_seconds. */
static void cmd_status_late(long long s, char *buf, size_t len)
{
	if (s < 0)
		snprintf(buf, len, "-");
	else if (s >= 86400)
		snprintf(buf, len, "%lldd %lldh", s / 86400, s % 86400 / 3600);
	else if (s >= 3600)
		snprintf(buf, len, "%lldh", s / 3600);
	else
		snprintf(buf, len, "%lldm", s / 60 > 0 ? s / 60 : 1);
}

/* The overdue items: REF LATE WHEN TITLE WHO. */
static void cmd_status_overdue(struct cmd_ctx *ctx, struct jscan *r)
{
	static const char *const header[] = { N_("REF"), N_("LATE"), N_("WHEN"), N_("TITLE"),
					      N_("WHO") };
	int items = jscan_get(r, 0, "overdue_items");
	struct output_item it;
	const char *cells[5];
	char late[32], *who = NULL;
	size_t cap = 0;
	struct table *t;

	if (jscan_first(r, items) == -1 || (t = table_new(5)) == NULL)
		return;
	table_add_row(t, header);
	table_keep(t, 0);
	table_align_right(t, 1);
	table_keep(t, 2);
	for (int i = jscan_first(r, items); i != -1; i = jscan_next(r, items, i)) {
		output_item(r, i, &it);
		cmd_status_late(jscan_get_int(r, i, "late_seconds", -1), late, sizeof late);
		cells[0] = it.ref;
		cells[1] = late;
		cells[2] = it.when;
		cells[3] = it.title;
		cells[4] = output_join(r, jscan_get(r, i, "who"), &who, &cap);
		if (table_add_row(t, cells) == -1)
			break;
		table_set_color(t, 1, TABLE_RED);
	}
	printf(_("\noverdue:\n"));
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
	free(who);
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

/* --all: one line per plan. DONE, PLANNED (not cancelled) and % side by side, so the share
 * says its base; TOTAL (JSON's, cancelled included) comes last. */
static void cmd_status_plans(struct cmd_ctx *ctx, struct jscan *r)
{
	static const char *const header[] = { N_("PLAN"),    N_("TITLE"),     N_("DONE"),
					      N_("PLANNED"), N_("%"),	      N_("OPEN"),
					      N_("OVERDUE"), N_("CANCELLED"), N_("TOTAL") };
	/* JSON keys of columns 2.. (NULL: computed). */
	static const char *const keys[] = { "done",    NULL,	    NULL,   "open",
					    "overdue", "cancelled", "total" };
	int plans = jscan_get(r, 0, "plans");
	const char *cells[9];
	char num[7][32];
	struct table *t;

	if ((t = table_new(9)) == NULL)
		return;
	table_add_row(t, header);
	table_keep(t, 0);
	for (size_t c = 2; c < 9; c++)
		table_align_right(t, c);
	for (int p = jscan_first(r, plans); p != -1; p = jscan_next(r, plans, p)) {
		long long v[7];
		for (int k = 0; k < 7; k++)
			v[k] = keys[k] != NULL ? jscan_get_int(r, p, keys[k], 0) : 0;
		v[1] = v[6] - v[5];
		v[2] = v[1] > 0 ? v[0] * 100 / v[1] : 0;
		for (int k = 0; k < 7; k++) {
			snprintf(num[k], sizeof num[k], "%lld", v[k]);
			cells[2 + k] = num[k];
		}
		cells[0] = jscan_get_string(r, p, "slug");
		cells[1] = jscan_get_string(r, p, "title");
		table_add_row(t, cells);
		if (v[4] > 0)
			table_set_color(t, 6, TABLE_RED);
	}
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
}

/* --url [--rotate]: the status page's address, the same every time until rotated. */
static enum cmd_retval cmd_status_url(struct cmd_ctx *ctx, int rotate)
{
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body = json_pack("{s:b}", "rotate", rotate);
	char *path = ctx_path(ctx, "status-url", NULL, NULL);

	rv = body != NULL && path != NULL ? ctx_request(ctx, "POST", path, body, &reply) :
					    CMD_REFUSED;
	json_decref(body);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else
		printf("%s\n", jscan_get_string(reply, 0, "url"));
	jscan_free(reply);
	return CMD_OK;
}

static enum cmd_retval cmd_status_exec(struct cmd_ctx *ctx, struct args *args)
{
	int all = args_has(args, "all") != 0;
	struct jscan *reply;
	enum cmd_retval rv;
	char *path;

	if (args_has(args, "rotate") && !args_has(args, "url"))
		return ctx_usage(ctx, _("--rotate goes with --url"));
	if (all && args_has(args, "url"))
		return ctx_usage(ctx, _("--url is for one plan, not with --all"));
	if (args_has(args, "url"))
		return cmd_status_url(ctx, args_has(args, "rotate") != 0);
	path = all ? strdup("/api/v1/status") : ctx_path(ctx, "status", NULL, NULL);
	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else if (all)
		cmd_status_plans(ctx, reply);
	else {
		cmd_status_totals(ctx, reply);
		cmd_status_people(ctx, reply);
		cmd_status_overdue(ctx, reply);
		cmd_status_items(ctx, reply, "due_soon", _("due within 48 hours"));
	}
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_status_entry = {
	.name = "status",
	.usage = "[--all | --url [--rotate]]",
	.summary = N_("Show what is done, open and overdue, by person"),
	.help = N_(
		"Prints the progress (a bar on a terminal), how many items are done, open, overdue\n"
		"and cancelled, a table of each person's and group's items (NAME TOTAL DONE\n"
		"OVERDUE), the overdue items with how late they are, and those due within 48 hours.\n"
		"\n"
		"  --all     one line per plan, for a department that runs several\n"
		"  --url     the address of the plan's status page (a web page for the director,\n"
		"            no login: whoever has the address sees it); the same every time\n"
		"  --rotate  with --url: a new address; the old one stops working\n"
		"\n"
		"examples:\n"
		"  qweek status --plan nedelya-kachestva-2017\n"
		"  qweek status --all\n"
		"  qweek status --url --rotate\n"),
	.options = cmd_status_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_status_exec,
};
