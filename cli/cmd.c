/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "cmd.h"
#include "util.h"
#include "nls.h"

/* The command table (one cmd_<command>.c each): lookup by unique prefix, and the list. */

/* clang-format off */
static const struct cmd_entry *const cmd_table[] = {
	/* plans */
	&cmd_plan_new_entry, &cmd_plan_list_entry, &cmd_plan_show_entry, &cmd_plan_edit_entry,
	&cmd_plan_copy_entry, &cmd_plan_delete_entry,
	/* people and groups */
	&cmd_person_add_entry, &cmd_person_list_entry, &cmd_person_edit_entry,
	&cmd_person_remove_entry, &cmd_person_token_entry, &cmd_person_revoke_entry,
	&cmd_person_link_entry, &cmd_group_add_entry, &cmd_group_edit_entry,
	&cmd_group_remove_entry, &cmd_invite_entry,
	/* items */
	&cmd_add_entry, &cmd_edit_entry, &cmd_show_entry, &cmd_list_entry, &cmd_done_entry,
	&cmd_reopen_entry, &cmd_cancel_entry, &cmd_delete_entry, &cmd_import_entry,
	&cmd_export_entry,
	/* what the week shows */
	&cmd_status_entry, &cmd_report_entry, &cmd_feed_entry,
	/* reminders */
	&cmd_remind_list_entry, &cmd_remind_test_entry, &cmd_remind_set_entry,
	&cmd_remind_show_entry, &cmd_remind_status_entry, &cmd_remind_digest_entry,
	/* the survey */
	&cmd_survey_new_entry, &cmd_survey_show_entry, &cmd_survey_templates_entry,
	&cmd_survey_link_entry, &cmd_survey_results_entry, &cmd_survey_poster_entry,
	&cmd_survey_print_entry, &cmd_survey_import_entry,
	/* changes and safety */
	&cmd_history_entry, &cmd_undo_entry, &cmd_backup_entry,
	/* help */
	&cmd_help_entry,
	NULL
};
/* clang-format on */

/* Commands whose names are two words start with one of these. */
static const char *const cmd_groups[] = { "plan", "person", "group", "remind", "survey", NULL };

static const char cmd_options_help[] =
	N_("options (before or after the command):\n"
	   "  --socket PATH  qweekd's Unix socket ($QWEEK_SOCKET; default: where qweekd puts it)\n"
	   "  --url URL      talk to qweekd over TCP instead ($QWEEK_URL), with --token T\n"
	   "                 ($QWEEK_TOKEN)\n"
	   "  --plan P       the plan's slug ($QWEEK_PLAN); needed only when there are several\n"
	   "  --json         print qweekd's reply as JSON\n"
	   "  --help, -h     help; --version: the version\n");

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
		if (m == 0 && !(*e)->whole) {
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
		util_cause(cause, _("no command given"));
	else if (n > 1)
		util_cause(cause, _("ambiguous command %s: could be %s"), argv[0], list);
	else if ((*group = cmd_group(argv[0])) != NULL && argc == 1)
		util_cause(cause, _("%s needs a command after it"), *group);
	else if (*group != NULL)
		util_cause(cause, _("unknown command %s %s"), *group, argv[1]);
	else
		util_cause(cause, _("unknown command %s"), argv[0]);
	return NULL;
}

static int cmd_in_group(const struct cmd_entry *e, const char *group)
{
	size_t len = strlen(group);

	return strncmp(e->name, group, len) == 0 && e->name[len] == ' ';
}

void cmd_print_list(FILE *f, const char *group)
{
	if (group == NULL)
		fputs(CMD_MAIN_USAGE, f), fputs(_("\ncommands:\n"), f);
	else
		fprintf(f, _("usage: qweek %s COMMAND ...\n\ncommands:\n"), group);
	for (const struct cmd_entry *const *e = cmd_table; *e != NULL; e++) {
		if (group == NULL)
			fprintf(f, "  %-13s %s\n", (*e)->name, _((*e)->summary));
		else if (cmd_in_group(*e, group))
			fprintf(f, "  qweek %s%s%s\n      %s\n", (*e)->name,
				*(*e)->usage != '\0' ? " " : "", (*e)->usage, _((*e)->summary));
	}
	if (group == NULL)
		fprintf(f, "\n%s", _(cmd_options_help));
	fprintf(f, _("\nsee qweek COMMAND --help\n"));
}

const struct cmd_entry *const *cmd_all(void)
{
	return cmd_table;
}
