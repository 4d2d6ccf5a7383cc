/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "output.h"
#include "util.h"

/* qweek add | edit | show | done | reopen | cancel: one item of the plan. */

#define CMD_ITEM_OPTIONS                                                                    \
	{ "when", ARGS_VALUE }, { "due", ARGS_VALUE }, { "who", ARGS_VALUE | ARGS_REPEAT }, \
		{ "no", ARGS_VALUE }, { "parent", ARGS_VALUE }, { "where", ARGS_VALUE },    \
		{ "description", ARGS_VALUE },                                              \
	{                                                                                   \
		"remind", ARGS_VALUE                                                        \
	}

static const struct args_option cmd_add_options[] = { CMD_ITEM_OPTIONS, { NULL, 0 } };
static const struct args_option cmd_edit_options[] = { { "title", ARGS_VALUE },
						       CMD_ITEM_OPTIONS,
						       { NULL, 0 } };
static const struct args_option cmd_note_options[] = { { "note", ARGS_VALUE }, { NULL, 0 } };
static const struct args_option cmd_done_options[] = { { "note", ARGS_VALUE },
						       { "by", ARGS_VALUE },
						       { NULL, 0 } };

/* Options that are text members of an item's body, and their names there. */
static const struct {
	const char *option, *member;
} cmd_item_members[] = {
	{ "title", "title" },
	{ "when", "when" },
	{ "due", "due" },
	{ "no", "label" },
	{ "parent", "parent" },
	{ "where", "where" },
	{ "description", "description" },
	{ "remind", "remind" },
};

/* The body for add or edit from ARGS, in *OUT; CMD_OK, or an error already printed. */
static enum cmd_retval cmd_item_body(struct cmd_ctx *ctx, struct args *args, json_t **out)
{
	json_t *body, *who;
	const char *v;

	*out = NULL;
	if (args_has(args, "when") && args_has(args, "due"))
		return ctx_usage(ctx, "give --when or --due, not both");
	if ((body = json_object()) == NULL)
		return ctx_fail("out of memory");
	for (size_t i = 0; i < sizeof cmd_item_members / sizeof cmd_item_members[0]; i++) {
		v = args_get(args, cmd_item_members[i].option);
		if (util_json_set(body, cmd_item_members[i].member, v) == -1)
			goto nomem;
	}
	if (args_has(args, "who")) {
		if ((who = json_array()) == NULL || json_object_set_new(body, "who", who) == -1)
			goto nomem;
		for (size_t i = 0; (v = args_value(args, "who", i)) != NULL; i++) {
			if (*v != '\0' && json_array_append_new(who, json_string(v)) == -1)
				goto nomem;
		}
	}
	*out = body;
	return CMD_OK;
nomem:
	json_decref(body);
	return ctx_fail("out of memory");
}

/* Prints "VERB REF: TITLE[ — WHEN]" for the item in REPLY, or REPLY itself with --json. */
static void cmd_item_say(struct cmd_ctx *ctx, struct jscan *reply, const char *verb, int with_id,
			 int with_when)
{
	struct output_item it;

	if (ctx_json(ctx)) {
		ctx_print_reply(reply);
		return;
	}
	output_item(reply, 0, &it);
	printf("%s %s", verb, it.ref);
	if (with_id && it.label != NULL)
		printf(" (@%lld)", it.id);
	printf(": %s", it.title);
	if (with_when && it.when[0] != '\0')
		printf(" — %s", it.when);
	putchar('\n');
}

/* Sends METHOD for item REF (ACTION: NULL or "done", ...) with BODY; prints with VERB. */
static enum cmd_retval cmd_item_send(struct cmd_ctx *ctx, const char *method, const char *ref,
				     const char *action, json_t *body, const char *verb)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *path, *tail = NULL;

	if (action != NULL && (tail = util_printf("/%s", action)) == NULL)
		return ctx_fail("out of memory");
	path = ctx_path(ctx, "items", ref, tail);
	free(tail);
	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, method, path, body, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	cmd_item_say(ctx, reply, verb, ref == NULL, ref == NULL || strcmp(method, "PATCH") == 0);
	jscan_free(reply);
	return CMD_OK;
}

static enum cmd_retval cmd_add_exec(struct cmd_ctx *ctx, struct args *args)
{
	enum cmd_retval rv;
	json_t *body;

	if (!args_has(args, "when") && !args_has(args, "due"))
		return ctx_usage(ctx, "say when: --when WHEN, or --due WHEN for a deadline");
	if ((rv = cmd_item_body(ctx, args, &body)) != CMD_OK)
		return rv;
	if (util_json_set(body, "title", args_string(args, 0)) == -1)
		rv = ctx_fail("out of memory");
	else
		rv = cmd_item_send(ctx, "POST", NULL, NULL, body, "added");
	json_decref(body);
	return rv;
}

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.usage = "TITLE (--when WHEN | --due WHEN) [--who NAME]... [--no LABEL] [--parent REF] "
		 "[--where PLACE] [--description TEXT] [--remind RULES]",
	.summary = "Add an item (an event, a span of days, or a deadline)",
	.help = "Adds an item to the plan. WHEN is written as people write it: \"14.11.2017 15:00\",\n"
		"\"14.11 в 15.00\", \"14.11 9.00-18.00\", \"08.11. - 15.11. 2017\", \"10.11\",\n"
		"\"до 24.11.2017\", \"декабрь 2017\"; a missing year comes from the plan. --due makes\n"
		"it a deadline. --who names a person or group of the plan; give it once for each.\n"
		"--no sets the item's number in the plan (\"7.2\"), --parent the item it belongs to.\n"
		"--remind gives the item its own reminders (\"2h,1d\", or \"none\") instead of the\n"
		"plan's.\n"
		"\n"
		"example:\n"
		"  qweek add \"Мастер-класс «Подарки своими руками»\" --when \"14.11 в 15.00\" \\\n"
		"      --who \"Специалисты отделения реабилитации\" --no 7.3 --parent 7\n",
	.options = cmd_add_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_add_exec,
};

static enum cmd_retval cmd_edit_exec(struct cmd_ctx *ctx, struct args *args)
{
	enum cmd_retval rv;
	json_t *body;

	if ((rv = cmd_item_body(ctx, args, &body)) != CMD_OK)
		return rv;
	if (json_object_size(body) == 0)
		rv = ctx_usage(ctx, "nothing to change: give --title, --when, --due, --who, --no, "
				    "--parent, --where, --description or --remind");
	else
		rv = cmd_item_send(ctx, "PATCH", args_string(args, 0), NULL, body, "changed");
	json_decref(body);
	return rv;
}

const struct cmd_entry cmd_edit_entry = {
	.name = "edit",
	.usage = "REF [--title T] [--when W | --due W] [--who NAME]... [--no LABEL] "
		 "[--parent REF] [--where P] [--description D] [--remind RULES]",
	.summary = "Change an item",
	.help = "Changes the fields given of the item REF (its number \"7.2\", or \"@\" and its id).\n"
		"The --who given replace all the item's people (--who \"\" leaves none); \"\" clears\n"
		"a text field.\n"
		"\n"
		"example:\n"
		"  qweek edit 7.2 --when \"14.11 в 16.30\" --where \"актовый зал\"\n",
	.options = cmd_edit_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_edit_exec,
};

static enum cmd_retval cmd_note_exec(struct cmd_ctx *ctx, struct args *args, const char *action,
				     const char *verb)
{
	enum cmd_retval rv;
	json_t *body;

	if ((body = json_object()) == NULL ||
	    util_json_set(body, "note", args_get(args, "note")) == -1 ||
	    util_json_set(body, "by", args_get(args, "by")) == -1) {
		json_decref(body);
		return ctx_fail("out of memory");
	}
	rv = cmd_item_send(ctx, "POST", args_string(args, 0), action, body, verb);
	json_decref(body);
	return rv;
}

static enum cmd_retval cmd_done_exec(struct cmd_ctx *ctx, struct args *args)
{
	return cmd_note_exec(ctx, args, "done", "done");
}

const struct cmd_entry cmd_done_entry = {
	.name = "done",
	.usage = "REF [--note TEXT] [--by NAME]",
	.summary = "Mark an item done",
	.help = "Marks the item REF done, now, with an optional note (what was done, how many came).\n"
		"It is recorded as done by you (qweekd's [daemon] admin_name, or your full name);\n"
		"--by records it for a person of the plan who reported it, by phone say.\n"
		"\n"
		"examples:\n"
		"  qweek done 7.2 --note \"Пришли 14 человек\"\n"
		"  qweek done 7.3 --by \"Иванова А. П.\"\n",
	.options = cmd_done_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_done_exec,
};

static enum cmd_retval cmd_reopen_exec(struct cmd_ctx *ctx, struct args *args)
{
	return cmd_note_exec(ctx, args, "reopen", "reopened");
}

const struct cmd_entry cmd_reopen_entry = {
	.name = "reopen",
	.usage = "REF",
	.summary = "Make a done or cancelled item open again",
	.help = "Makes the item REF open again, as if it had never been marked done or cancelled.\n"
		"\n"
		"example:\n"
		"  qweek reopen 7.2\n",
	.lower = 1,
	.upper = 1,
	.exec = cmd_reopen_exec,
};

static enum cmd_retval cmd_cancel_exec(struct cmd_ctx *ctx, struct args *args)
{
	return cmd_note_exec(ctx, args, "cancel", "cancelled");
}

const struct cmd_entry cmd_cancel_entry = {
	.name = "cancel",
	.usage = "REF [--note TEXT]",
	.summary = "Cancel an item",
	.help = "Cancels the item REF: it stays in the plan and the report, marked cancelled, and\n"
		"leaves the calendars. --note says why.\n"
		"\n"
		"example:\n"
		"  qweek cancel 6 --note \"Перенесено на декабрь\"\n",
	.options = cmd_note_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_cancel_exec,
};

static void cmd_show_print(struct jscan *r)
{
	enum { W = 13 };
	struct output_item it;
	char buf[512], when[96], *who = NULL;
	size_t cap = 0;
	const char *typed = jscan_get_string(r, 0, "when");
	static const char *const texts[] = { "parent", "where", "description", "note", NULL };

	output_item(r, 0, &it);
	snprintf(buf, sizeof buf, "%s (@%lld)", it.ref, it.id);
	output_kv(stdout, "ref", it.label != NULL ? buf : it.ref, W);
	output_kv(stdout, "title", it.title, W);
	if (typed != NULL && *typed != '\0' && strcmp(typed, it.when) != 0)
		snprintf(buf, sizeof buf, "%s (as written: %s)", it.when, typed);
	else
		snprintf(buf, sizeof buf, "%s", it.when);
	output_kv(stdout, "when", buf, W);
	output_kv(stdout, "kind", jscan_get_string(r, 0, "kind"), W);
	output_kv(stdout, "who", output_join(r, jscan_get(r, 0, "who"), &who, &cap), W);
	output_kv(stdout, "state",
		  it.overdue && strcmp(it.state, "open") == 0 ? "open, OVERDUE" : it.state, W);
	for (const char *const *k = texts; *k != NULL; k++)
		output_kv(stdout, *k, jscan_get_string(r, 0, *k), W);
	output_kv(stdout, "done at",
		  output_when(jscan_get_string(r, 0, "done_at"), NULL, NULL, when, sizeof when), W);
	output_kv(stdout, "done by", jscan_get_string(r, 0, "done_by"), W);
	output_kv(stdout, "created",
		  output_when(jscan_get_string(r, 0, "created"), NULL, NULL, when, sizeof when), W);
	output_kv(stdout, "updated",
		  output_when(jscan_get_string(r, 0, "updated"), NULL, NULL, when, sizeof when), W);
	free(who);
}

static enum cmd_retval cmd_show_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *path;

	if ((path = ctx_path(ctx, "items", args_string(args, 0), NULL)) == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else
		cmd_show_print(reply);
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "REF",
	.summary = "Show an item",
	.help = "Prints every field of the item REF (its number \"7.2\", or \"@\" and its id) as\n"
		"lines of key: value.\n"
		"\n"
		"example:\n"
		"  qweek show 7.2\n",
	.lower = 1,
	.upper = 1,
	.exec = cmd_show_exec,
};
