/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek delete: removes an item for good (a mistake; cancel is for what will not happen). */

static const struct args_option cmd_delete_options[] = { { "yes", 0 },
							 { "with-children", 0 },
							 { NULL, 0 } };

/* Asks on the terminal whether to delete REF: 1 yes, 0 no. */
static int cmd_delete_ask(const char *ref)
{
	char line[16];

	fprintf(stderr, _("Delete item %s for good? It cannot be cancelled instead [y/N] "), ref);
	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	return line[0] == 'y' || line[0] == 'Y' || strncmp(line, "д", strlen("д")) == 0 ||
	       strncmp(line, "т", strlen("т")) == 0;
}

static enum cmd_retval cmd_delete_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *ref = args_string(args, 0);
	int children = args_has(args, "with-children") != 0;
	struct jscan *reply;
	enum cmd_retval rv;
	char *path;

	if (!args_has(args, "yes")) {
		if (!isatty(STDIN_FILENO))
			return ctx_fail(
				_("deleting item %s is for good: add --yes (or qweek cancel %s "
				  "keeps it, marked cancelled)"),
				ref, ref);
		if (!cmd_delete_ask(ref))
			return ctx_fail("%s", _("nothing deleted"));
	}
	path = ctx_path(ctx, "items", ref, children ? "?with_children=1" : NULL);
	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "DELETE", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		rv = ctx_print_reply(reply);
	else
		printf(_("deleted item %s (%lld item(s) in all); qweek undo brings it back\n"), ref,
		       jscan_get_int(reply, 0, "items", 0));
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_delete_entry = {
	.name = "delete",
	.usage = "REF [--yes] [--with-children]",
	.summary = N_("Remove an item for good (a mistake, not a cancellation)"),
	.help = N_(
		"Deletes the item REF: it leaves the plan, the report and the calendars (qweek\n"
		"cancel keeps a cancelled item in the report). An item with sub-items is refused\n"
		"unless --with-children deletes them too. Asks on a terminal; --yes otherwise.\n"
		"qweek undo brings it back.\n"
		"\n"
		"example:\n"
		"  qweek delete 7 --yes\n"),
	.options = cmd_delete_options,
	.lower = 1,
	.upper = 1,
	.whole = 1,
	.exec = cmd_delete_exec,
};
