/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "output.h"
#include "remind.h"
#include "nls.h"

/* qweek remind status: the reminders' channels, queue and rules. */

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
	output_kv(stdout, _("email"), jscan_get_bool(reply, 0, "email") ? _("configured") : _("no"), 10);
	output_kv(stdout, _("hook"), jscan_get_bool(reply, 0, "hook") ? _("configured") : _("no"), 10);
	remind_at(reply, 0, "next_due", due, sizeof due);
	if (*due != '\0')
		strncat(due, " UTC", sizeof due - strlen(due) - 1);
	output_kv(stdout, _("next due"), *due != '\0' ? due : _("nothing to come"), 10);
	printf(_("%-10s%lld queued, %lld sending, %lld failed (retrying), %lld expired\n"),
	       "queue:", jscan_get_int(reply, 0, "queued", 0),
	       jscan_get_int(reply, 0, "sending", 0), jscan_get_int(reply, 0, "failed", 0),
	       jscan_get_int(reply, 0, "expired", 0));
	jscan_free(reply);
	return remind_rules(ctx, NULL);
}

const struct cmd_entry cmd_remind_status_entry = {
	.name = "remind status",
	.usage = "",
	.summary = N_("Show the reminders' channels, queue and rules"),
	.help = N_("Prints whether email and the notify hook are configured, when the next reminder\n"
		"is due, how many are queued, being sent, or failing, and the plan's rules.\n"
		"The daemon's queue is the administrator's: this needs qweekd's socket, not a token.\n"
		"\n"
		"example:\n"
		"  qweek remind status\n"),
	.lower = 0,
	.upper = 0,
	.exec = cmd_remind_status_exec,
};
