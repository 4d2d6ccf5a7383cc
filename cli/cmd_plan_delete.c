/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek plan delete: a plan removed for good (a test plan, one made by mistake). */

static const struct args_option cmd_plan_delete_options[] = { { "yes", 0 }, { NULL, 0 } };

static enum cmd_retval cmd_plan_delete_exec(struct cmd_ctx *ctx, struct args *args)
{
	json_t *body = args_has(args, "yes") ? json_pack("{s:b}", "yes", 1) : NULL;
	struct jscan *reply;
	enum cmd_retval rv;
	char *path;

	/* Without --yes qweekd refuses, naming the plan and what would go with it. */
	ctx_set_plan(ctx, args_string(args, 0));
	if ((path = ctx_path(ctx, NULL, NULL, NULL)) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, "DELETE", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else
		printf(_("deleted plan %s («%s»): %lld items, %lld people\n"),
		       jscan_get_string(reply, 0, "deleted"), jscan_get_string(reply, 0, "title"),
		       jscan_get_int(reply, 0, "items", 0), jscan_get_int(reply, 0, "people", 0));
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_plan_delete_entry = {
	.name = "plan delete",
	.usage = "SLUG --yes",
	.summary = N_("Remove a plan for good, with everything in it"),
	.help = N_("Removes the plan SLUG with its people, groups, items, links and reminders. It\n"
		   "cannot be taken back: without --yes qweek only says what would go.\n"
		   "\n"
		   "example:\n"
		   "  qweek plan delete test-plan --yes\n"),
	.options = cmd_plan_delete_options,
	.lower = 1,
	.upper = 1,
	.whole = 1,
	.exec = cmd_plan_delete_exec,
};
