/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "remind.h"
#include "nls.h"

/* qweek remind digest: a person's morning digest, or who gets one. */

static const struct args_option cmd_remind_digest_options[] = {
	{ "who", ARGS_VALUE }, { "at", ARGS_VALUE }, { "off", 0 }, { NULL, 0 }
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
		return ctx_usage(ctx, _("say whose digest: --who NAME"));
	if (at != NULL && args_has(args, "off"))
		return ctx_usage(ctx, _("give --at TIME or --off, not both"));
	if (who != NULL && at == NULL && !args_has(args, "off"))
		return ctx_usage(ctx, _("say when (--at 08:00) or --off"));
	if (who != NULL &&
	    (body = json_pack("{s:s, s:s}", "who", who, "at", at != NULL ? at : "none")) == NULL)
		return ctx_fail(_("out of memory"));
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
		printf(_("nobody gets a digest\n"));
	for (int d = jscan_first(reply, arr); !ctx_json(ctx) && d != -1;
	     d = jscan_next(reply, arr, d)) {
		char next[64];

		printf(_("%s: at %s on working days, next %s\n"),
		       jscan_get_string(reply, d, "person"), jscan_get_string(reply, d, "at"),
		       remind_at(reply, d, "next", next, sizeof next));
	}
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_remind_digest_entry = {
	.name = "remind digest",
	.usage = "[--who NAME (--at HH:MM | --off)]",
	.summary = N_("Give a person a morning digest, or list who gets one"),
	.help = N_(
		"With --who and --at, NAME gets a digest on working days at that time (in the\n"
		"plan's zone): the events of the day, the deadlines of the next three days, and\n"
		"what is overdue, in one message; none is sent on a day with nothing to say.\n"
		"--off stops it. Without options, lists who gets one.\n"
		"\n"
		"example:\n"
		"  qweek remind digest --who \"Сидорова Н. В.\" --at 08:00\n"),
	.options = cmd_remind_digest_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_remind_digest_exec,
};
