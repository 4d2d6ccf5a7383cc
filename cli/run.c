/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "run.h"
#include "util.h"
#include "nls.h"

/* Running qweek: global options, the command named, its options, arguments and context. */

const struct args_option run_global_options[] = { { "socket", ARGS_VALUE },
						  { "url", ARGS_VALUE },
						  { "token", ARGS_VALUE },
						  { "plan", ARGS_VALUE },
						  { "json", 0 },
						  { "help", 0 },
						  { "version", 0 },
						  { NULL, 0 } };

/* "qweek: CAUSE", a usage line and where to read more, on stderr; returns CMD_USAGE. */
static int run_refuse_usage(const struct cmd_entry *entry, const char *group, char *cause)
{
	fflush(stdout);
	fprintf(stderr, "qweek: %s\n", cause != NULL ? cause : _("out of memory"));
	free(cause);
	if (entry != NULL) {
		entry_print_usage(stderr, entry);
		fprintf(stderr, _("see qweek %s --help\n"), entry->name);
	} else if (group != NULL) {
		fprintf(stderr, _("usage: qweek %s COMMAND ...\nsee qweek %s --help\n"), group,
			group);
	} else
		fputs(CMD_MAIN_USAGE, stderr), fputs(_("see qweek --help\n"), stderr);
	return CMD_USAGE;
}

static int run_asks_help(int argc, char *const *argv)
{
	for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

/* Checks the count of positionals; 0, or -1 with *CAUSE. */
static int run_arity(const struct cmd_entry *e, const struct args *a, char **cause)
{
	int n = args_count(a);

	if (n < e->lower)
		return util_cause(cause, _("%s needs more arguments"), e->name);
	if (e->upper != -1 && n > e->upper)
		return util_cause(cause, _("too many arguments for %s: \"%s\"%s"), e->name,
				  args_string(a, e->upper),
				  e->upper != 0 ? _(" (quote text with spaces)") : "");
	return 0;
}

/* Runs the command named at the start of ARGV, with the options GLOBAL given before it. */
static int run_command(const struct args *global, int argc, char **argv)
{
	const struct cmd_entry *e;
	struct cmd_ctx *ctx;
	struct args *a;
	const char *group;
	char *cause = NULL;
	int words, rv;

	if ((e = cmd_find(argc, argv, &words, &group, &cause)) == NULL) {
		if (group != NULL && run_asks_help(argc, argv)) {
			free(cause);
			cmd_print_list(stdout, group);
			return CMD_OK;
		}
		return run_refuse_usage(NULL, group, cause);
	}
	argc -= words - 1;
	argv += words - 1;
	a = args_parse(e->options, run_global_options, argc, argv, ARGS_ALL, NULL, &cause);
	if (a == NULL)
		return run_refuse_usage(e, NULL, cause);
	if (args_has(a, "help")) {
		entry_print_help(stdout, e);
		rv = CMD_OK;
	} else if (args_has(a, "version")) {
		printf("qweek %s\n", QWEEK_VERSION);
		rv = CMD_OK;
	} else if (run_arity(e, a, &cause) == -1 || (ctx = ctx_new(e, global, a, &cause)) == NULL)
		rv = run_refuse_usage(e, NULL, cause);
	else {
		rv = e->exec(ctx, a);
		ctx_free(ctx);
	}
	args_free(a);
	return rv;
}

int run_main(int argc, char **argv)
{
	struct args *g;
	char *cause = NULL;
	int used = argc, rv;

	g = args_parse(NULL, run_global_options, argc, argv, ARGS_STOP, &used, &cause);
	if (g == NULL)
		return run_refuse_usage(NULL, NULL, cause);
	if (args_has(g, "version")) {
		printf("qweek %s\n", QWEEK_VERSION);
		rv = CMD_OK;
	} else if (used < argc)
		rv = run_command(g, argc - used, argv + used);
	else if (args_has(g, "help")) {
		cmd_print_list(stdout, NULL);
		rv = CMD_OK;
	} else
		rv = run_refuse_usage(NULL, NULL, strdup(_("no command given")));
	args_free(g);
	if (fflush(stdout) == EOF && errno != EPIPE) {
		fprintf(stderr, _("qweek: cannot write the output: %s\n"), strerror(errno));
		rv = rv != CMD_OK ? rv : CMD_REFUSED;
	}
	return rv;
}
