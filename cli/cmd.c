/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "util.h"

/* The command table: lookup by unique prefix, argument checks, help, and running a command. */

static const struct cmd_entry *const cmd_table[] = { &cmd_plan_new_entry,
						     &cmd_plan_list_entry,
						     &cmd_plan_show_entry,
						     &cmd_person_add_entry,
						     &cmd_person_list_entry,
						     &cmd_group_add_entry,
						     &cmd_person_token_entry,
						     &cmd_person_revoke_entry,
						     &cmd_person_link_entry,
						     &cmd_add_entry,
						     &cmd_edit_entry,
						     &cmd_show_entry,
						     &cmd_list_entry,
						     &cmd_done_entry,
						     &cmd_reopen_entry,
						     &cmd_cancel_entry,
						     &cmd_report_entry,
						     &cmd_feed_entry,
						     &cmd_plan_edit_entry,
						     &cmd_remind_list_entry,
						     &cmd_remind_test_entry,
						     &cmd_remind_set_entry,
						     &cmd_remind_show_entry,
						     &cmd_remind_status_entry,
						     &cmd_remind_digest_entry,
						     &cmd_status_entry,
						     &cmd_import_entry,
						     &cmd_export_entry,
						     &cmd_help_entry,
						     NULL };

/* Commands whose names are two words start with one of these. */
static const char *const cmd_groups[] = { "plan", "person", "group", "remind", NULL };

const struct args_option cmd_global_options[] = { { "socket", ARGS_VALUE },
						  { "url", ARGS_VALUE },
						  { "token", ARGS_VALUE },
						  { "plan", ARGS_VALUE },
						  { "json", 0 },
						  { "help", 0 },
						  { "version", 0 },
						  { NULL, 0 } };

#define CMD_MAIN_USAGE \
	"usage: qweek [--socket PATH | --url URL --token T] [--plan P] [--json] COMMAND ...\n"

static const char cmd_options_help[] =
	"options (before or after the command):\n"
	"  --socket PATH  qweekd's Unix socket ($QWEEK_SOCKET; default: where qweekd puts it)\n"
	"  --url URL      talk to qweekd over TCP instead ($QWEEK_URL), with --token T\n"
	"                 ($QWEEK_TOKEN)\n"
	"  --plan P       the plan's slug ($QWEEK_PLAN); needed only when there are several\n"
	"  --json         print qweekd's reply as JSON\n"
	"  --help, -h     help; --version: the version\n";

/*
 * How the first words of ARGV name NAME: 1 all exactly, 0 each a prefix, -1 not at all.
 * Sets *WORDS to the words of NAME.
 */
static int cmd_match(const char *name, int argc, char *const *argv, int *words)
{
	const char *p = name;
	int exact = 1, i = 0;
	size_t wl, al;

	while (*p != '\0') {
		wl = strcspn(p, " ");
		if (i >= argc)
			return -1;
		al = strlen(argv[i]);
		if (al == 0 || al > wl || strncmp(p, argv[i], al) != 0)
			return -1;
		exact = exact && al == wl;
		i++;
		p += wl;
		p += strspn(p, " ");
	}
	*words = i;
	return exact;
}

/* The group WORD names (exactly or as a unique prefix), or NULL. */
static const char *cmd_group(const char *word)
{
	const char *found = NULL;
	size_t len = strlen(word);

	for (const char *const *g = cmd_groups; *g != NULL && len != 0; g++) {
		if (strcmp(*g, word) == 0)
			return *g;
		if (strncmp(*g, word, len) == 0)
			found = found == NULL ? *g : "";
	}
	return found != NULL && *found != '\0' ? found : NULL;
}

const struct cmd_entry *cmd_find(int argc, char *const *argv, int *words, const char **group,
				 char **cause)
{
	const struct cmd_entry *found = NULL;
	char list[512] = "";
	size_t used = 0;
	int n = 0, w, m, fw = 0;

	*group = NULL;
	*cause = NULL;
	for (const struct cmd_entry *const *e = cmd_table; argc > 0 && *e != NULL; e++) {
		if ((m = cmd_match((*e)->name, argc, argv, &w)) == 1) {
			*words = w;
			return *e;
		}
		if (m == 0) {
			if (used < sizeof list)
				used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
							 n != 0 ? ", " : "", (*e)->name);
			found = *e;
			fw = w;
			n++;
		}
	}
	if (n == 1) {
		*words = fw;
		return found;
	}
	if (argc == 0)
		util_cause(cause, "no command given");
	else if (n > 1)
		util_cause(cause, "ambiguous command %s: could be %s", argv[0], list);
	else if ((*group = cmd_group(argv[0])) != NULL && argc == 1)
		util_cause(cause, "%s needs a command after it", *group);
	else if (*group != NULL)
		util_cause(cause, "unknown command %s %s", *group, argv[1]);
	else
		util_cause(cause, "unknown command %s", argv[0]);
	return NULL;
}

void cmd_print_usage(FILE *f, const struct cmd_entry *entry)
{
	fprintf(f, "usage: qweek %s%s%s\n", entry->name, *entry->usage != '\0' ? " " : "",
		entry->usage);
}

void cmd_print_help(FILE *f, const struct cmd_entry *entry)
{
	cmd_print_usage(f, entry);
	fprintf(f, "\n%s.\n\n%s", entry->summary, entry->help);
}

static int cmd_in_group(const struct cmd_entry *e, const char *group)
{
	size_t len = strlen(group);

	return strncmp(e->name, group, len) == 0 && e->name[len] == ' ';
}

void cmd_print_list(FILE *f, const char *group)
{
	if (group == NULL)
		fputs(CMD_MAIN_USAGE "\ncommands:\n", f);
	else
		fprintf(f, "usage: qweek %s COMMAND ...\n\ncommands:\n", group);
	for (const struct cmd_entry *const *e = cmd_table; *e != NULL; e++) {
		if (group == NULL)
			fprintf(f, "  %-13s %s\n", (*e)->name, (*e)->summary);
		else if (cmd_in_group(*e, group))
			fprintf(f, "  qweek %s%s%s\n      %s\n", (*e)->name,
				*(*e)->usage != '\0' ? " " : "", (*e)->usage, (*e)->summary);
	}
	if (group == NULL)
		fprintf(f, "\n%s", cmd_options_help);
	fprintf(f, "\nsee qweek COMMAND --help\n");
}

/* "qweek: CAUSE", a usage line and where to read more, on stderr; returns CMD_USAGE. */
static int cmd_refuse_usage(const struct cmd_entry *entry, const char *group, char *cause)
{
	fflush(stdout);
	fprintf(stderr, "qweek: %s\n", cause != NULL ? cause : "out of memory");
	free(cause);
	if (entry != NULL) {
		cmd_print_usage(stderr, entry);
		fprintf(stderr, "see qweek %s --help\n", entry->name);
	} else if (group != NULL) {
		fprintf(stderr, "usage: qweek %s COMMAND ...\nsee qweek %s --help\n", group, group);
	} else
		fputs(CMD_MAIN_USAGE "see qweek --help\n", stderr);
	return CMD_USAGE;
}

static int cmd_asks_help(int argc, char *const *argv)
{
	for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

/* Checks the count of positionals; 0, or -1 with *CAUSE. */
static int cmd_arity(const struct cmd_entry *e, const struct args *a, char **cause)
{
	int n = args_count(a);

	if (n < e->lower)
		return util_cause(cause, "%s needs more arguments", e->name);
	if (e->upper != -1 && n > e->upper)
		return util_cause(cause, "too many arguments for %s: \"%s\"%s", e->name,
				  args_string(a, e->upper),
				  e->upper != 0 ? " (quote text with spaces)" : "");
	return 0;
}

/* Runs the command named at the start of ARGV, with the options GLOBAL given before it. */
static int cmd_run(const struct args *global, int argc, char **argv)
{
	const struct cmd_entry *e;
	struct cmd_ctx *ctx;
	struct args *a;
	const char *group;
	char *cause = NULL;
	int words, rv;

	if ((e = cmd_find(argc, argv, &words, &group, &cause)) == NULL) {
		if (group != NULL && cmd_asks_help(argc, argv)) {
			free(cause);
			cmd_print_list(stdout, group);
			return CMD_OK;
		}
		return cmd_refuse_usage(NULL, group, cause);
	}
	argc -= words - 1;
	argv += words - 1;
	a = args_parse(e->options, cmd_global_options, argc, argv, ARGS_ALL, NULL, &cause);
	if (a == NULL)
		return cmd_refuse_usage(e, NULL, cause);
	if (args_has(a, "help")) {
		cmd_print_help(stdout, e);
		rv = CMD_OK;
	} else if (args_has(a, "version")) {
		printf("qweek %s\n", QWEEK_VERSION);
		rv = CMD_OK;
	} else if (cmd_arity(e, a, &cause) == -1 || (ctx = ctx_new(e, global, a, &cause)) == NULL)
		rv = cmd_refuse_usage(e, NULL, cause);
	else {
		rv = e->exec(ctx, a);
		ctx_free(ctx);
	}
	args_free(a);
	return rv;
}

int cmd_main(int argc, char **argv)
{
	struct args *g;
	char *cause = NULL;
	int used = argc, rv;

	g = args_parse(NULL, cmd_global_options, argc, argv, ARGS_STOP, &used, &cause);
	if (g == NULL)
		return cmd_refuse_usage(NULL, NULL, cause);
	if (args_has(g, "version")) {
		printf("qweek %s\n", QWEEK_VERSION);
		rv = CMD_OK;
	} else if (used < argc)
		rv = cmd_run(g, argc - used, argv + used);
	else if (args_has(g, "help")) {
		cmd_print_list(stdout, NULL);
		rv = CMD_OK;
	} else
		rv = cmd_refuse_usage(NULL, NULL, strdup("no command given"));
	args_free(g);
	if (fflush(stdout) == EOF && errno != EPIPE) {
		fprintf(stderr, "qweek: cannot write the output: %s\n", strerror(errno));
		rv = rv != CMD_OK ? rv : CMD_REFUSED;
	}
	return rv;
}
