/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek person token: a person's API token for the TCP listener, shown once. */

static const struct args_option cmd_person_token_options[] = { { "role", ARGS_VALUE },
							       { NULL, 0 } };

static enum cmd_retval cmd_person_token_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *role = args_get(args, "role"), *token, *url;
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body;
	char *path;

	if (role == NULL)
		return ctx_usage(ctx, _("give the token a role: --role planner, staff or viewer"));
	if ((body = json_pack("{s:s}", "role", role)) == NULL)
		return ctx_fail(_("out of memory"));
	if ((path = ctx_path(ctx, "people", args_string(args, 0), "/token")) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, "POST", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		rv = ctx_print_reply(reply);
	} else if ((token = jscan_get_string(reply, 0, "token")) == NULL) {
		rv = ctx_fail(_("qweekd sent no token"));
	} else {
		printf("%s\n", token);
		url = jscan_get_string(reply, 0, "url");
		fprintf(stderr,
			_("qweek: a %s token for %s; it is shown only now (an earlier one "
			  "no longer works):\n  qweek --url %s --token TOKEN ...\n"),
			role, args_string(args, 0), url != NULL && *url != '\0' ? url : "URL");
	}
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_person_token_entry = {
	.name = "person token",
	.usage = "NAME --role planner|staff|viewer",
	.summary = N_("Give a person a token for the TCP API (printed once)"),
	.help = N_(
		"Makes a token for NAME on this plan and prints it; qweekd keeps only its hash,\n"
		"so it cannot be shown again. A new token replaces the person's earlier one.\n"
		"Roles: planner (everything on the plan), staff (read the plan, mark their own\n"
		"items done or reopen them), viewer (read, status, report). Only the\n"
		"administrator may do this, on qweekd's Unix socket.\n"
		"\n"
		"example:\n"
		"  qweek person token \"Иванова А. П.\" --role staff\n"),
	.options = cmd_person_token_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_person_token_exec,
};
