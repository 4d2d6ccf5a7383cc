/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "output.h"
#include "table.h"
#include "util.h"

/* qweek remind list | remind test | remind set | remind show | remind status | plan edit. */

#define CMD_REMIND_TEST_WAIT_MS 30000

static const char *const cmd_remind_listings[] = { "pending",	    "sent", "failed", "skipped",
						   "undeliverable", "all",  NULL };

static const struct args_option cmd_remind_list_options[] = {
	{ "pending", 0 },      { "sent", 0 },		{ "failed", 0 },
	{ "skipped", 0 },      { "undeliverable", 0 },	{ "all", 0 },
	{ "who", ARGS_VALUE }, { "limit", ARGS_VALUE }, { NULL, 0 }
};
static const struct args_option cmd_remind_who_options[] = { { "who", ARGS_VALUE }, { NULL, 0 } };
static const struct args_option cmd_remind_digest_options[] = {
	{ "who", ARGS_VALUE }, { "at", ARGS_VALUE }, { "off", 0 }, { NULL, 0 }
};
static const struct args_option cmd_plan_edit_options[] = { { "remind", ARGS_VALUE | ARGS_REPEAT },
							    { NULL, 0 } };

/* "14.11.2017 15:00" from an instant of the API (or "" for null). */
static const char *cmd_remind_at(struct jscan *j, int obj, const char *key, char *buf, size_t len)
{
	const char *s = jscan_get_string(j, obj, key);

	if (s == NULL || *s == '\0') {
		buf[0] = '\0';
		return buf;
	}
	return output_when(s, NULL, NULL, buf, len);
}

/* What the NOTE column says: why, and when the next try is. */
static const char *cmd_remind_note(struct jscan *j, int r, char *buf, size_t len)
{
	const char *reason = jscan_get_string(j, r, "reason");
	const char *state = jscan_get_string(j, r, "state");
	long long attempts = jscan_get_int(j, r, "attempts", 0);
	char next[64];

	snprintf(buf, len, "%s", reason != NULL ? reason : "");
	if (state != NULL && strcmp(state, "sent") == 0 && attempts > 1)
		snprintf(buf, len, "after %lld tries", attempts);
	cmd_remind_at(j, r, "next_try", next, sizeof next);
	if (*next != '\0' && state != NULL && strcmp(state, "failed") == 0) {
		size_t n = strlen(buf);
		snprintf(buf + n, len - n, "%snext try %s", n > 0 ? "; " : "", next);
	}
	return buf;
}

static void cmd_remind_row(struct table *t, struct jscan *j, int r)
{
	char at[64], note[512], rule[64];
	const char *cells[7];
	const char *state = jscan_get_string(j, r, "state");

	snprintf(rule, sizeof rule, "%s%s", jscan_get_string(j, r, "rule"),
		 jscan_get_bool(j, r, "copy") ? " (copy)" : "");
	cells[0] = cmd_remind_at(j, r, "at", at, sizeof at);
	cells[1] = state;
	cells[2] = jscan_get_string(j, r, "item");
	cells[3] = jscan_get_string(j, r, "person");
	cells[4] = rule;
	cells[5] = jscan_get_string(j, r, "channel");
	cells[6] = cmd_remind_note(j, r, note, sizeof note);
	table_add_row(t, cells);
	if (strcmp(state, "failed") == 0 || strcmp(state, "expired") == 0 ||
	    strcmp(state, "undeliverable") == 0)
		table_set_color(t, 1, TABLE_RED);
	else if (strcmp(state, "sent") == 0)
		table_set_color(t, 1, TABLE_GREEN);
}

static void cmd_remind_table(struct cmd_ctx *ctx, struct jscan *j, int arr)
{
	static const char *const header[] = { "AT", "STATE", "ITEM", "TO", "RULE", "VIA", "NOTE" };
	struct table *t = table_new(7);

	if (t == NULL)
		return;
	table_add_row(t, header);
	table_keep(t, 0);
	table_keep(t, 1);
	table_keep(t, 2);
	for (int r = jscan_first(j, arr); r != -1; r = jscan_next(j, arr, r))
		cmd_remind_row(t, j, r);
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
}

static void cmd_remind_people(struct cmd_ctx *ctx, struct jscan *j)
{
	static const char *const header[] = { "NAME", "KIND", "EMAIL", "OPEN ITEMS", "WHY" };
	int arr = jscan_get(j, 0, "people");
	const char *cells[5];
	char n[32];
	struct table *t;

	if (jscan_first(j, arr) == -1) {
		printf("every person can be reached\n");
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
static const char *cmd_remind_listing(struct cmd_ctx *ctx, struct args *args)
{
	const char *which = NULL;

	for (const char *const *s = cmd_remind_listings; *s != NULL; s++) {
		if (!args_has(args, *s))
			continue;
		if (which != NULL) {
			ctx_usage(ctx, "give one of --pending, --sent, --failed, --skipped, "
				       "--undeliverable, --all");
			return NULL;
		}
		which = *s;
	}
	return which != NULL ? which : "pending";
}

/* "?state=S[&who=W][&limit=N]" into *TAIL; CMD_OK or an error printed. */
static enum cmd_retval cmd_remind_query(struct cmd_ctx *ctx, struct args *args, const char *state,
					char **tail)
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
	return *tail != NULL ? CMD_OK : ctx_fail("out of memory");
}

static enum cmd_retval cmd_remind_list_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *which = cmd_remind_listing(ctx, args);
	int undeliverable = which != NULL && strcmp(which, "undeliverable") == 0;
	struct jscan *reply;
	enum cmd_retval rv;
	char *tail = NULL, *path;
	int arr;

	if (which == NULL)
		return CMD_USAGE;
	if (undeliverable && args_has(args, "who"))
		return ctx_usage(ctx, "--undeliverable lists people: it takes no --who");
	if (undeliverable && args_has(args, "limit"))
		return ctx_usage(ctx,
				 "--undeliverable lists everyone it concerns: it takes no --limit");
	if ((rv = cmd_remind_query(ctx, args, undeliverable ? NULL : which, &tail)) != CMD_OK)
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
		cmd_remind_people(ctx, reply);
		if (jscan_first(reply, arr) != -1) {
			printf("\nreminders that reached nobody:\n");
			cmd_remind_table(ctx, reply, arr);
		}
	} else if (jscan_first(reply, arr) == -1)
		printf("no %s reminders\n", which);
	else {
		cmd_remind_table(ctx, reply, arr);
		if (jscan_get_bool(reply, 0, "truncated"))
			printf("(more not shown: --limit N shows more)\n");
	}
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_remind_list_entry = {
	.name = "remind list",
	.usage = "[--pending | --sent | --failed | --skipped | --undeliverable | --all] "
		 "[--who NAME] [--limit N]",
	.summary = "List reminders: to come, sent, failed, skipped; people out of reach",
	.help = "Prints the plan's reminders: AT (when due) STATE ITEM TO RULE VIA NOTE. --pending\n"
		"(the default) shows what is to come and what is being sent or retried; --sent what\n"
		"went out; --failed what could not be delivered (retried with a growing pause) or\n"
		"came too late; --skipped what was not sent and why (done, cancelled, moved, or\n"
		"superseded). --undeliverable lists the people that nothing can reach: no email\n"
		"address and no notify hook. --who keeps one person's (or a group's) reminders.\n"
		"\n"
		"example:\n"
		"  qweek remind list --failed\n"
		"  qweek remind list --who \"Иванова А. П.\"\n",
	.options = cmd_remind_list_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_remind_list_exec,
};

static void cmd_remind_sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Waits for reminder ID to leave "queued"; prints how it ended. 1 if sent. */
static int cmd_remind_wait(struct cmd_ctx *ctx, long long id)
{
	struct jscan *reply = NULL;
	const char *state = "queued";
	char tail[32], *path;
	int sent = 0;

	snprintf(tail, sizeof tail, "/%lld", id);
	if ((path = ctx_path(ctx, "reminders", NULL, tail)) == NULL)
		return 0;
	for (long waited = 0; waited <= CMD_REMIND_TEST_WAIT_MS; waited += 100) {
		jscan_free(reply);
		if (ctx_request(ctx, "GET", path, NULL, &reply) != CMD_OK) {
			free(path);
			return 0;
		}
		state = jscan_get_string(reply, 0, "state");
		if (state == NULL || strcmp(state, "queued") != 0)
			break;
		cmd_remind_sleep_ms(100);
	}
	sent = state != NULL && strcmp(state, "sent") == 0;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else if (sent)
		printf("sent by %s\n", jscan_get_string(reply, 0, "channel"));
	else
		printf("not sent by %s: %s\n", jscan_get_string(reply, 0, "channel"),
		       strcmp(state, "queued") == 0 ? "still waiting after 30 s" :
						      jscan_get_string(reply, 0, "reason"));
	jscan_free(reply);
	free(path);
	return sent;
}

static enum cmd_retval cmd_remind_test_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *who = args_get(args, "who");
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body;
	char *path;
	int arr, all = 1;

	if (who == NULL)
		return ctx_usage(ctx, "say whom to send the test to: --who NAME");
	if ((body = json_pack("{s:s}", "who", who)) == NULL)
		return ctx_fail("out of memory");
	if ((path = ctx_path(ctx, "reminders/test", NULL, NULL)) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, "POST", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	arr = jscan_get(reply, 0, "reminders");
	for (int r = jscan_first(reply, arr); r != -1; r = jscan_next(reply, arr, r))
		all &= cmd_remind_wait(ctx, jscan_get_int(reply, r, "id", 0));
	jscan_free(reply);
	return all ? CMD_OK : CMD_REFUSED;
}

const struct cmd_entry cmd_remind_test_entry = {
	.name = "remind test",
	.usage = "--who NAME",
	.summary = "Send a test message to a person through each of their channels",
	.help = "Sends NAME a test message now, by email (when qweekd has [smtp] and the person an\n"
		"address) and through the notify hook (when qweekd has [notify] command), waits up\n"
		"to 30 s and says how each went. Exits 1 if one of them did not get through.\n"
		"\n"
		"example:\n"
		"  qweek remind test --who \"Иванова А. П.\"\n",
	.options = cmd_remind_who_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_remind_test_exec,
};

/* Prints an item's reminders as qweekd replied them. */
static void cmd_remind_item_print(struct cmd_ctx *ctx, struct jscan *reply)
{
	const char *own = jscan_get_string(reply, 0, "remind");
	int next = jscan_get(reply, 0, "next");

	printf("%s %s\n", jscan_get_string(reply, 0, "item"), jscan_get_string(reply, 0, "title"));
	printf("reminders: %s (%s)%s\n", jscan_get_string(reply, 0, "rules"),
	       own != NULL ? "its own" : "the plan's",
	       strcmp(jscan_get_string(reply, 0, "overdue"), "yes") == 0 ?
		       ", then overdue notices" :
		       "");
	if (jscan_first(reply, next) == -1)
		printf("nothing more to come\n");
	else
		cmd_remind_table(ctx, reply, next);
}

static enum cmd_retval cmd_remind_item(struct cmd_ctx *ctx, const char *ref, const char *spec)
{
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body = NULL;
	char *path;

	if (spec != NULL && (body = json_pack("{s:s}", "remind", spec)) == NULL)
		return ctx_fail("out of memory");
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
		cmd_remind_item_print(ctx, reply);
	jscan_free(reply);
	return CMD_OK;
}

static enum cmd_retval cmd_remind_set_exec(struct cmd_ctx *ctx, struct args *args)
{
	return cmd_remind_item(ctx, args_string(args, 0), args_string(args, 1));
}

const struct cmd_entry cmd_remind_set_entry = {
	.name = "remind set",
	.usage = "REF RULES|none|default",
	.summary = "Give an item its own reminders, or none",
	.help = "Replaces the plan's reminders for the item REF: RULES are how long before\n"
		"(30m, 2h, 1d, 1w) or a time on the item's day (09:00), separated by commas.\n"
		"\"none\" silences the item, overdue notices included; \"default\" gives it the\n"
		"plan's reminders again. Prints the reminders to come.\n"
		"\n"
		"example:\n"
		"  qweek remind set 7.2 2h,1d\n"
		"  qweek remind set 6 none\n",
	.lower = 2,
	.upper = 2,
	.exec = cmd_remind_set_exec,
};

static enum cmd_retval cmd_remind_show_exec(struct cmd_ctx *ctx, struct args *args)
{
	return cmd_remind_item(ctx, args_string(args, 0), NULL);
}

const struct cmd_entry cmd_remind_show_entry = {
	.name = "remind show",
	.usage = "REF",
	.summary = "Show an item's reminders and those to come",
	.help = "Prints the reminders of the item REF (its own, or the plan's) and when the next\n"
		"ones go, to whom.\n"
		"\n"
		"example:\n"
		"  qweek remind show 7.2\n",
	.lower = 1,
	.upper = 1,
	.exec = cmd_remind_show_exec,
};

static void cmd_remind_rules_print(struct jscan *reply)
{
	int rules = jscan_get(reply, 0, "remind");
	const char *overdue = jscan_get_string(reply, rules, "overdue");

	printf("reminders of %s:\n", jscan_get_string(reply, 0, "slug"));
	printf("  events:    %s\n", jscan_get_string(reply, rules, "events"));
	printf("  deadlines: %s\n", jscan_get_string(reply, rules, "deadlines"));
	printf("  overdue:   %s%s\n", overdue,
	       overdue != NULL && strcmp(overdue, "none") != 0 ?
		       " on working days (Mon-Fri), "
		       "to the people on the item and the director" :
		       "");
}

static enum cmd_retval cmd_remind_rules(struct cmd_ctx *ctx, json_t *body)
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
		cmd_remind_rules_print(reply);
	jscan_free(reply);
	return CMD_OK;
}

static enum cmd_retval cmd_plan_edit_exec(struct cmd_ctx *ctx, struct args *args)
{
	json_t *body, *lines;
	enum cmd_retval rv;
	const char *v;

	if (!args_has(args, "remind"))
		return ctx_usage(ctx, "nothing to change: give --remind \"events 1d, 1h\"");
	if ((body = json_object()) == NULL || (lines = json_array()) == NULL ||
	    json_object_set_new(body, "remind", lines) == -1) {
		json_decref(body);
		return ctx_fail("out of memory");
	}
	for (size_t i = 0; (v = args_value(args, "remind", i)) != NULL; i++)
		json_array_append_new(lines, json_string(v));
	rv = cmd_remind_rules(ctx, body);
	json_decref(body);
	return rv;
}

const struct cmd_entry cmd_plan_edit_entry = {
	.name = "plan edit",
	.usage = "--remind \"events|deadlines|overdue RULES\"... | --remind default",
	.summary = "Change the plan's reminders",
	.help = "Sets when qweekd reminds people, for one kind of item per --remind: \"events\"\n"
		"(and spans), \"deadlines\", or \"overdue\", then the rules: how long before\n"
		"(30m, 2h, 1d, 1w; days are calendar days, same clock time) or a time on the\n"
		"item's day (09:00); for overdue, the time of the notices on working days, or\n"
		"none. \"default\" goes back to: events 1d, 1h; deadlines 3d, 1d, 09:00; overdue\n"
		"09:00. Whole-day items are reminded at 09:00. Prints the plan's reminders.\n"
		"\n"
		"example:\n"
		"  qweek plan edit --remind \"events 2d, 2h\" --remind \"overdue 10:00\"\n",
	.options = cmd_plan_edit_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_plan_edit_exec,
};

static enum cmd_retval cmd_remind_status_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *reply;
	enum cmd_retval rv = ctx_request(ctx, "GET", "/api/v1/reminders", NULL, &reply);
	char due[64];

	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		ctx_print_reply(reply);
		jscan_free(reply);
		return CMD_OK;
	}
	output_kv(stdout, "email", jscan_get_bool(reply, 0, "email") ? "configured" : "no", 10);
	output_kv(stdout, "hook", jscan_get_bool(reply, 0, "hook") ? "configured" : "no", 10);
	cmd_remind_at(reply, 0, "next_due", due, sizeof due);
	if (*due != '\0')
		strncat(due, " UTC", sizeof due - strlen(due) - 1);
	output_kv(stdout, "next due", *due != '\0' ? due : "nothing to come", 10);
	printf("%-10s%lld queued, %lld sending, %lld failed (retrying), %lld expired\n",
	       "queue:", jscan_get_int(reply, 0, "queued", 0),
	       jscan_get_int(reply, 0, "sending", 0), jscan_get_int(reply, 0, "failed", 0),
	       jscan_get_int(reply, 0, "expired", 0));
	jscan_free(reply);
	return cmd_remind_rules(ctx, NULL);
}

const struct cmd_entry cmd_remind_status_entry = {
	.name = "remind status",
	.usage = "",
	.summary = "Show the reminders' channels, queue and rules",
	.help = "Prints whether email and the notify hook are configured, when the next reminder\n"
		"is due, how many are queued, being sent, or failing, and the plan's rules.\n"
		"The daemon's queue is the administrator's: this needs qweekd's socket, not a token.\n"
		"\n"
		"example:\n"
		"  qweek remind status\n",
	.lower = 0,
	.upper = 0,
	.exec = cmd_remind_status_exec,
};

static enum cmd_retval cmd_remind_digest_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *who = args_get(args, "who"), *at = args_get(args, "at");
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body = NULL;
	char *path;
	int arr;

	if ((at != NULL || args_has(args, "off")) && who == NULL)
		return ctx_usage(ctx, "say whose digest: --who NAME");
	if (at != NULL && args_has(args, "off"))
		return ctx_usage(ctx, "give --at TIME or --off, not both");
	if (who != NULL && at == NULL && !args_has(args, "off"))
		return ctx_usage(ctx, "say when (--at 08:00) or --off");
	if (who != NULL &&
	    (body = json_pack("{s:s, s:s}", "who", who, "at", at != NULL ? at : "none")) == NULL)
		return ctx_fail("out of memory");
	if ((path = ctx_path(ctx, "reminders/digest", NULL, NULL)) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, body != NULL ? "PUT" : "GET", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	arr = jscan_get(reply, 0, "digests");
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else if (jscan_first(reply, arr) == -1)
		printf("nobody gets a digest\n");
	for (int d = jscan_first(reply, arr); !ctx_json(ctx) && d != -1;
	     d = jscan_next(reply, arr, d)) {
		char next[64];

		printf("%s: at %s on working days, next %s\n", jscan_get_string(reply, d, "person"),
		       jscan_get_string(reply, d, "at"),
		       cmd_remind_at(reply, d, "next", next, sizeof next));
	}
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_remind_digest_entry = {
	.name = "remind digest",
	.usage = "[--who NAME (--at HH:MM | --off)]",
	.summary = "Give a person a morning digest, or list who gets one",
	.help = "With --who and --at, NAME gets a digest on working days at that time (in the\n"
		"plan's zone): the events of the day, the deadlines of the next three days, and\n"
		"what is overdue, in one message; none is sent on a day with nothing to say.\n"
		"--off stops it. Without options, lists who gets one.\n"
		"\n"
		"example:\n"
		"  qweek remind digest --who \"Сидорова Н. В.\" --at 08:00\n",
	.options = cmd_remind_digest_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_remind_digest_exec,
};
