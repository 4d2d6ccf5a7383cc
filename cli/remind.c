/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "output.h"
#include "remind.h"
#include "table.h"
#include "nls.h"

/* What the reminder commands share: times, the table of reminders, an item's, the plan's rules. */

/* "14.11.2017 15:00" from an instant of the API (or "" for null). */
const char *remind_at(struct jscan *j, int obj, const char *key, char *buf, size_t len)
{
	const char *s = jscan_get_string(j, obj, key);

	if (s == NULL || *s == '\0') {
		buf[0] = '\0';
		return buf;
	}
	return output_when(s, NULL, NULL, buf, len);
}

/* What the NOTE column says: why, and when the next try is. */
static const char *remind_note(struct jscan *j, int r, char *buf, size_t len)
{
	const char *reason = jscan_get_string(j, r, "reason");
	const char *state = jscan_get_string(j, r, "state");
	long long attempts = jscan_get_int(j, r, "attempts", 0);
	char next[64];

	snprintf(buf, len, "%s", reason != NULL ? reason : "");
	if (state != NULL && strcmp(state, "sent") == 0 && attempts > 1)
		snprintf(buf, len, _("after %lld tries"), attempts);
	remind_at(j, r, "next_try", next, sizeof next);
	if (*next != '\0' && state != NULL && strcmp(state, "failed") == 0) {
		size_t n = strlen(buf);
		snprintf(buf + n, len - n, _("%snext try %s"), n > 0 ? "; " : "", next);
	}
	return buf;
}

static void remind_row(struct table *t, struct jscan *j, int r)
{
	char at[64], note[512], rule[64];
	const char *cells[7];
	const char *state = jscan_get_string(j, r, "state");

	snprintf(rule, sizeof rule, "%s%s", jscan_get_string(j, r, "rule"),
		 jscan_get_bool(j, r, "copy") ? _(" (copy)") : "");
	cells[0] = remind_at(j, r, "at", at, sizeof at);
	cells[1] = state;
	cells[2] = jscan_get_string(j, r, "item");
	cells[3] = jscan_get_string(j, r, "person");
	cells[4] = rule;
	cells[5] = jscan_get_string(j, r, "channel");
	cells[6] = remind_note(j, r, note, sizeof note);
	table_add_row(t, cells);
	if (strcmp(state, "failed") == 0 || strcmp(state, "expired") == 0 ||
	    strcmp(state, "undeliverable") == 0)
		table_set_color(t, 1, TABLE_RED);
	else if (strcmp(state, "sent") == 0)
		table_set_color(t, 1, TABLE_GREEN);
}

void remind_table(struct cmd_ctx *ctx, struct jscan *j, int arr)
{
	static const char *const header[] = { N_("AT"),	  N_("STATE"), N_("ITEM"), N_("TO"),
					      N_("RULE"), N_("VIA"),   N_("NOTE") };
	struct table *t = table_new(7);

	if (t == NULL)
		return;
	table_add_row(t, header);
	table_keep(t, 0);
	table_keep(t, 1);
	table_keep(t, 2);
	for (int r = jscan_first(j, arr); r != -1; r = jscan_next(j, arr, r))
		remind_row(t, j, r);
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
}

/* Prints an item's reminders as qweekd replied them. */
static void remind_item_print(struct cmd_ctx *ctx, struct jscan *reply)
{
	const char *own = jscan_get_string(reply, 0, "remind");
	int next = jscan_get(reply, 0, "next");

	printf("%s %s\n", jscan_get_string(reply, 0, "item"), jscan_get_string(reply, 0, "title"));
	printf(_("reminders: %s (%s)%s\n"), jscan_get_string(reply, 0, "rules"),
	       own != NULL ? _("its own") : _("the plan's"),
	       strcmp(jscan_get_string(reply, 0, "overdue"), "yes") == 0 ?
		       _(", then overdue notices") :
		       "");
	if (jscan_first(reply, next) == -1)
		printf(_("nothing more to come\n"));
	else
		remind_table(ctx, reply, next);
}

enum cmd_retval remind_item(struct cmd_ctx *ctx, const char *ref, const char *spec)
{
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body = NULL;
	char *path;

	if (spec != NULL && (body = json_pack("{s:s}", "remind", spec)) == NULL)
		return ctx_fail(_("out of memory"));
	if ((path = ctx_path(ctx, "items", ref, "/remind")) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, spec != NULL ? "PUT" : "GET", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else
		remind_item_print(ctx, reply);
	jscan_free(reply);
	return CMD_OK;
}

static void remind_rules_print(struct jscan *reply)
{
	int rules = jscan_get(reply, 0, "remind");
	const char *overdue = jscan_get_string(reply, rules, "overdue");

	printf(_("reminders of %s:\n"), jscan_get_string(reply, 0, "slug"));
	printf(_("  events:    %s\n"), jscan_get_string(reply, rules, "events"));
	printf(_("  deadlines: %s\n"), jscan_get_string(reply, rules, "deadlines"));
	printf(_("  overdue:   %s%s\n"), overdue,
	       overdue != NULL && strcmp(overdue, "none") != 0 ?
		       _(" on working days (Mon-Fri), "
			 "to the people on the item and the director") :
		       "");
}

enum cmd_retval remind_rules(struct cmd_ctx *ctx, json_t *body)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *path = ctx_path(ctx, body != NULL ? NULL : "remind", NULL, NULL);

	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, body != NULL ? "PATCH" : "GET", path, body, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else
		remind_rules_print(reply);
	jscan_free(reply);
	return CMD_OK;
}
