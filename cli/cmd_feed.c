/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek feed: the calendar subscription URL of the plan, or of one person. */

static const struct args_option cmd_feed_options[] = { { "who", ARGS_VALUE },
						       { "rotate", 0 },
						       { NULL, 0 } };

static json_t *cmd_feed_body(struct args *args)
{
	json_t *body = json_object();
	const char *who = args_get(args, "who");

	if (body == NULL)
		return NULL;
	if (who != NULL)
		json_object_set_new(body, "who", json_string(who));
	if (args_has(args, "rotate"))
		json_object_set_new(body, "rotate", json_true());
	return body;
}

static enum cmd_retval cmd_feed_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *http, *webcal;
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body;
	char *path;

	if ((body = cmd_feed_body(args)) == NULL)
		return ctx_fail(_("out of memory"));
	if ((path = ctx_path(ctx, "feeds", NULL, NULL)) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, "POST", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	http = jscan_get_string(reply, 0, "http");
	webcal = jscan_get_string(reply, 0, "webcal");
	if (ctx_json(ctx))
		rv = ctx_print_reply(reply);
	else if (http == NULL || webcal == NULL)
		rv = ctx_fail(_("qweekd sent no feed URL"));
	else
		printf("%s\n%s\n", http, webcal);
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_feed_entry = {
	.name = "feed",
	.usage = "[--who NAME] [--rotate]",
	.summary = N_("Print the calendar feed URL (http and webcal) of the plan or of a person"),
	.help = N_(
		"Makes the iCalendar feed of the whole plan, or with --who of one person (their\n"
		"items and their groups' items), and prints its http:// and webcal:// URLs: paste\n"
		"either into Thunderbird, Google Calendar, Outlook, Apple Calendar or ICSx⁵.\n"
		"The URL is the same every time it is asked for, so it can be given out again;\n"
		"--rotate makes a new URL and the old one stops working. The URL uses qweekd's\n"
		"--url (or its --listen address): calendar apps need qweekd listening on TCP.\n"
		"\n"
		"example:\n"
		"  qweek feed --who \"Иванова А. П.\"\n"),
	.options = cmd_feed_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_feed_exec,
};
