/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "nls.h"

/* qweek help [COMMAND]: the same text as qweek COMMAND --help. */

static enum cmd_retval cmd_help_exec(struct cmd_ctx *ctx, struct args *args)
{
	const struct cmd_entry *e;
	const char *group;
	char *words[2], *cause;
	int n = args_count(args), w;
	enum cmd_retval rv;

	if (n == 0) {
		cmd_print_list(stdout, NULL);
		return CMD_OK;
	}
	for (int i = 0; i < n; i++)
		words[i] = (char *)args_string(args, i);
	if ((e = cmd_find(n, words, &w, &group, &cause)) != NULL && w == n) {
		entry_print_help(stdout, e);
		rv = CMD_OK;
	} else if (e == NULL && group != NULL && n == 1) {
		cmd_print_list(stdout, group);
		rv = CMD_OK;
	} else
		rv = ctx_usage(ctx, "%s", cause != NULL ? cause : _("give one command"));
	free(cause);
	return rv;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "[COMMAND]",
	.summary = N_("Show how to use qweek or one of its commands"),
	.help = N_("Prints the usage, a description and an example of COMMAND (the same as\n"
		   "qweek COMMAND --help), or the list of commands.\n"
		   "\n"
		   "example:\n"
		   "  qweek help add\n"),
	.lower = 0,
	.upper = 2,
	.exec = cmd_help_exec,
};
