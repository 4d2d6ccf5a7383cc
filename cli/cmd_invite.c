/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "ctx.h"
#include "jscan.h"
#include "nls.h"

/* qweek invite: each person's welcome by email, with their page and calendar links. */

#define CMD_INVITE_WAIT_MS 60000

static const struct args_option cmd_invite_options[] = { { "who", ARGS_VALUE | ARGS_REPEAT },
							 { "all", 0 },
							 { NULL, 0 } };

/* The state of queued invitation ID ("sent", "undeliverable" ...) and its reason, malloc'd. */
static int cmd_invite_state(struct cmd_ctx *ctx, long long id, char **state, char **reason)
{
	struct jscan *reply;
	char tail[32], *path;
	const char *s, *why;

	snprintf(tail, sizeof tail, "/%lld", id);
	if ((path = ctx_path(ctx, "reminders", NULL, tail)) == NULL)
		return -1;
	if (ctx_request(ctx, "GET", path, NULL, &reply) != CMD_OK) {
		free(path);
		return -1;
	}
	free(path);
	s = jscan_get_string(reply, 0, "state");
	why = jscan_get_string(reply, 0, "reason");
	*state = strdup(s != NULL ? s : "?");
	*reason = strdup(why != NULL ? why : "");
	jscan_free(reply);
	return *state != NULL && *reason != NULL ? 0 : -1;
}

/* Waits for the invitation ID to WHO to leave "queued"; adds WHO to SENT or SKIPPED. */
static int cmd_invite_wait(struct cmd_ctx *ctx, const char *who, long long id, json_t *sent,
			   json_t *skipped)
{
	struct timespec pause = { 0, 100 * 1000000L };
	char *state = NULL, *reason = NULL, why[600];
	int rc = -1;

	for (long waited = 0; waited <= CMD_INVITE_WAIT_MS; waited += 100) {
		free(state);
		free(reason);
		if (cmd_invite_state(ctx, id, &state, &reason) == -1)
			return -1;
		if (strcmp(state, "queued") != 0)
			break;
		nanosleep(&pause, NULL);
	}
	if (strcmp(state, "sent") == 0) {
		json_array_append_new(sent, json_string(who));
		rc = 0;
	} else {
		snprintf(why, sizeof why, "%s",
			 strcmp(state, "queued") == 0 ? _("not sent yet after a minute: see "
							  "qweek remind list") :
			 *reason != '\0'	      ? reason :
							state);
		json_array_append_new(skipped, json_pack("{s:s, s:s}", "who", who, "why", why));
		rc = 1;
	}
	free(state);
	free(reason);
	return rc;
}

static void cmd_invite_print(json_t *sent, json_t *skipped)
{
	size_t i;
	json_t *v;

	json_array_foreach (sent, i, v)
		printf(_("sent to %s\n"), json_string_value(v));
	json_array_foreach (skipped, i, v)
		printf(_("not sent to %s: %s\n"), json_string_value(json_object_get(v, "who")),
		       json_string_value(json_object_get(v, "why")));
	printf(_("%zu sent, %zu not sent\n"), json_array_size(sent), json_array_size(skipped));
}

/* The request's body: {"who": [...]} or {"all": true}. */
static json_t *cmd_invite_body(struct args *args)
{
	json_t *body = json_object(), *who = json_array();
	const char *name;

	if (args_has(args, "all"))
		json_object_set_new(body, "all", json_true());
	for (size_t i = 0; (name = args_value(args, "who", i)) != NULL; i++)
		json_array_append_new(who, json_string(name));
	if (json_array_size(who) > 0)
		json_object_set(body, "who", who);
	json_decref(who);
	return body;
}

static enum cmd_retval cmd_invite_exec(struct cmd_ctx *ctx, struct args *args)
{
	json_t *body, *sent, *skipped, *out;
	struct jscan *reply;
	enum cmd_retval rv;
	char *path;
	int arr, failed = 0;

	if (args_has(args, "all") == (args_has(args, "who") > 0))
		return ctx_usage(ctx, _("say whom to invite: --who NAME (repeated) or --all"));
	if ((path = ctx_path(ctx, "invite", NULL, NULL)) == NULL)
		return CMD_REFUSED;
	body = cmd_invite_body(args);
	rv = ctx_request(ctx, "POST", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	sent = json_array();
	skipped = json_array();
	arr = jscan_get(reply, 0, "skipped");
	for (int r = jscan_first(reply, arr); r != -1; r = jscan_next(reply, arr, r))
		json_array_append_new(skipped, json_pack("{s:s, s:s}", "who",
							 jscan_get_string(reply, r, "who"), "why",
							 jscan_get_string(reply, r, "why")));
	arr = jscan_get(reply, 0, "queued");
	for (int r = jscan_first(reply, arr); r != -1 && rv == CMD_OK;
	     r = jscan_next(reply, arr, r)) {
		int w = cmd_invite_wait(ctx, jscan_get_string(reply, r, "who"),
					jscan_get_int(reply, r, "id", 0), sent, skipped);

		if (w == -1)
			rv = CMD_REFUSED;
		failed |= w == 1;
	}
	jscan_free(reply);
	if (rv == CMD_OK && ctx_json(ctx)) {
		out = json_pack("{s:O, s:O}", "sent", sent, "skipped", skipped);
		json_dumpf(out, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(out);
	} else if (rv == CMD_OK) {
		cmd_invite_print(sent, skipped);
	}
	json_decref(sent);
	json_decref(skipped);
	return rv == CMD_OK && failed ? CMD_REFUSED : rv;
}

const struct cmd_entry cmd_invite_entry = {
	.name = "invite",
	.usage = "(--who NAME... | --all)",
	.summary = N_("Email people their welcome: the week, their items, their page and calendar"),
	.help = N_(
		"Sends each person named (--who, repeated; a group: each member), or every person\n"
		"of the plan (--all), an email in the plan's language: what the week is, their\n"
		"items, the link to their own page (where they mark items done from a phone) and\n"
		"how to subscribe their calendar. The links are the ones `qweek person link`\n"
		"shows, made now for those who have none: inviting again sends the same links.\n"
		"People without an email address are listed as not sent, with why. Exits 1 when\n"
		"a message could not be sent (the mail server refused it); --json prints\n"
		"{\"sent\": [NAME...], \"skipped\": [{\"who\", \"why\"}]}.\n"
		"\n"
		"examples:\n"
		"  qweek invite --all\n"
		"  qweek invite --who \"Иванова А. П.\" --who \"Петренко О. І.\"\n"),
	.options = cmd_invite_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_invite_exec,
};
