/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmd.h"
#include "ctx.h"
#include "jscan.h"
#include "nls.h"

/* qweek person link: a person's page and calendar feed, the same URLs every time. */

static const struct args_option cmd_person_link_options[] = { { "rotate", 0 }, { NULL, 0 } };

static enum cmd_retval cmd_person_link_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *page, *http, *webcal;
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body;
	char *path;

	if ((body = json_pack("{s:b}", "rotate", args_has(args, "rotate") != 0)) == NULL)
		return ctx_fail(_("out of memory"));
	if ((path = ctx_path(ctx, "people", args_string(args, 0), "/link")) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, "POST", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	page = jscan_get_string(reply, 0, "page");
	http = jscan_get_string(reply, jscan_get(reply, 0, "feed"), "http");
	webcal = jscan_get_string(reply, jscan_get(reply, 0, "feed"), "webcal");
	if (ctx_json(ctx))
		rv = ctx_print_reply(reply);
	else if (page == NULL || http == NULL || webcal == NULL)
		rv = ctx_fail(_("qweekd sent no links"));
	else
		printf("%s\n%s\n%s\n", page, http, webcal);
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_person_link_entry = {
	.name = "person link",
	.usage = "NAME [--rotate]",
	.summary = N_("Print a person's page and calendar feed URLs (the same every time)"),
	.help = N_(
		"Prints three lines: the person's own page (their items and their groups' items,\n"
		"each with a button to mark it done, on a phone without a login: the URL is the\n"
		"key), then their calendar feed as http:// and webcal://. The links are made the\n"
		"first time and are the same every time after, so they can be sent again at any\n"
		"time; --rotate makes new ones, and the old ones stop working (a lost phone).\n"
		"They use qweekd's --url (or its --listen address): qweekd must listen on TCP.\n"
		"\n"
		"example:\n"
		"  qweek person link \"Иванова А. П.\"\n"),
	.options = cmd_person_link_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_person_link_exec,
};
