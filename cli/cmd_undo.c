/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek undo: takes back the last change you made in the plan, or change --id N. */

static const struct args_option cmd_undo_options[] = { { "id", ARGS_VALUE }, { NULL, 0 } };

static enum cmd_retval cmd_undo_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *id = args_get(args, "id");
	json_t *body = json_object();
	struct jscan *reply;
	enum cmd_retval rv;
	char *path;

	if (body == NULL ||
	    (id != NULL && json_object_set_new(body, "id", json_string(id)) == -1)) {
		json_decref(body);
		return ctx_fail("%s", _("out of memory"));
	}
	if ((path = ctx_path(ctx, "undo", NULL, NULL)) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, "POST", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		rv = ctx_print_reply(reply);
	else
		printf(_("Undone change %lld by %s: %s (the undo is change %lld).\n"),
		       jscan_get_int(reply, 0, "undone", 0), jscan_get_string(reply, 0, "by"),
		       jscan_get_string(reply, 0, "what"), jscan_get_int(reply, 0, "change", 0));
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_undo_entry = {
	.name = "undo",
	.usage = "[--id N]",
	.summary = N_("Take back your last change to the plan (or change N)"),
	.help = N_("Reverts the last change you made in the plan and says what it was; --id N\n"
		   "reverts change N (qweek history lists them). Refused while later changes\n"
		   "touched the same items, people or groups: it names them. The undo is itself a\n"
		   "change in the history.\n"
		   "\n"
		   "example:\n"
		   "  qweek undo\n"
		   "  qweek undo --id 12\n"),
	.options = cmd_undo_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_undo_exec,
};
