/* SPDX-License-Identifier: MIT */
#include <jansson.h>

#include "cmd.h"
#include "ctx.h"
#include "item.h"
#include "nls.h"

/* qweek edit: change the fields given of an item. */

static const struct args_option cmd_edit_options[] = { { "title", ARGS_VALUE },
						       ITEM_OPTIONS,
						       { NULL, 0 } };

static enum cmd_retval cmd_edit_exec(struct cmd_ctx *ctx, struct args *args)
{
	enum cmd_retval rv;
	json_t *body;

	if ((rv = item_body(ctx, args, &body)) != CMD_OK)
		return rv;
	if (json_object_size(body) == 0)
		rv = ctx_usage(ctx,
			       _("nothing to change: give --title, --when, --due, --who, --no, "
				 "--parent, --where, --description or --remind"));
	else
		rv = item_send(ctx, "PATCH", args_string(args, 0), NULL, body, _("changed"));
	json_decref(body);
	return rv;
}

const struct cmd_entry cmd_edit_entry = {
	.name = "edit",
	.usage = "REF [--title T] [--when W | --due W] [--who NAME]... [--no LABEL] "
		 "[--parent REF] [--where P] [--description D] [--remind RULES]",
	.summary = N_("Change an item"),
	.help = N_(
		"Changes the fields given of the item REF (its number \"7.2\", or \"@\" and its id).\n"
		"The --who given replace all the item's people (--who \"\" leaves none); \"\" clears\n"
		"a text field.\n"
		"\n"
		"example:\n"
		"  qweek edit 7.2 --when \"14.11 в 16.30\" --where \"актовый зал\"\n"),
	.options = cmd_edit_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_edit_exec,
};
