/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek person revoke: a person's API token stops working. */

static enum cmd_retval cmd_person_revoke_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *path;

	if ((path = ctx_path(ctx, "people", args_string(args, 0), "/token")) == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "DELETE", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		rv = ctx_print_reply(reply);
	else
		printf(_("revoked the token of %s\n"), args_string(args, 0));
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_person_revoke_entry = {
	.name = "person revoke",
	.usage = "NAME",
	.summary = N_("Revoke a person's API token"),
	.help = N_("Revokes NAME's token: it stops working at once.\n"
		   "\n"
		   "example:\n"
		   "  qweek person revoke \"Иванова А. П.\"\n"),
	.lower = 1,
	.upper = 1,
	.exec = cmd_person_revoke_exec,
};
