/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek remind test: a test message to a person through each of their channels. */

#define CMD_REMIND_TEST_WAIT_MS 30000

static const struct args_option cmd_remind_test_options[] = { { "who", ARGS_VALUE }, { NULL, 0 } };

static void cmd_remind_test_sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Waits for reminder ID to leave "queued"; prints how it ended. 1 if sent. */
static int cmd_remind_test_wait(struct cmd_ctx *ctx, long long id)
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
		cmd_remind_test_sleep_ms(100);
	}
	sent = state != NULL && strcmp(state, "sent") == 0;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else if (sent)
		printf(_("sent by %s\n"), jscan_get_string(reply, 0, "channel"));
	else
		printf(_("not sent by %s: %s\n"), jscan_get_string(reply, 0, "channel"),
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
		return ctx_usage(ctx, _("say whom to send the test to: --who NAME"));
	if ((body = json_pack("{s:s}", "who", who)) == NULL)
		return ctx_fail(_("out of memory"));
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
		all &= cmd_remind_test_wait(ctx, jscan_get_int(reply, r, "id", 0));
	jscan_free(reply);
	return all ? CMD_OK : CMD_REFUSED;
}

const struct cmd_entry cmd_remind_test_entry = {
	.name = "remind test",
	.usage = "--who NAME",
	.summary = N_("Send a test message to a person through each of their channels"),
	.help = N_(
		"Sends NAME a test message now, by email (when qweekd has [smtp] and the person an\n"
		"address) and through the notify hook (when qweekd has [notify] command), waits up\n"
		"to 30 s and says how each went. Exits 1 if one of them did not get through.\n"
		"\n"
		"example:\n"
		"  qweek remind test --who \"Иванова А. П.\"\n"),
	.options = cmd_remind_test_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_remind_test_exec,
};
