/* SPDX-License-Identifier: MIT */
/* qweek's commands: the table of what each cmd_<command>.c exports, lookup, and the list. */
#ifndef QWEEK_CMD_H
#define QWEEK_CMD_H

#include <stdio.h>

#include "entry.h"

/* One file each, named after the command: cmd_plan_new.c exports cmd_plan_new_entry. */
extern const struct cmd_entry cmd_plan_new_entry, cmd_plan_list_entry, cmd_plan_show_entry;
extern const struct cmd_entry cmd_plan_edit_entry;
extern const struct cmd_entry cmd_person_add_entry, cmd_person_list_entry, cmd_group_add_entry;
extern const struct cmd_entry cmd_person_token_entry, cmd_person_revoke_entry;
extern const struct cmd_entry cmd_person_link_entry;
extern const struct cmd_entry cmd_add_entry, cmd_edit_entry, cmd_show_entry, cmd_cancel_entry;
extern const struct cmd_entry cmd_done_entry, cmd_reopen_entry;
extern const struct cmd_entry cmd_list_entry, cmd_status_entry, cmd_help_entry;
extern const struct cmd_entry cmd_import_entry, cmd_export_entry;
extern const struct cmd_entry cmd_report_entry, cmd_feed_entry;
extern const struct cmd_entry cmd_remind_list_entry, cmd_remind_test_entry;
extern const struct cmd_entry cmd_remind_set_entry, cmd_remind_show_entry, cmd_remind_status_entry;
extern const struct cmd_entry cmd_remind_digest_entry;
extern const struct cmd_entry cmd_invite_entry;
extern const struct cmd_entry cmd_history_entry, cmd_undo_entry;
extern const struct cmd_entry cmd_person_edit_entry, cmd_person_remove_entry;
extern const struct cmd_entry cmd_group_edit_entry, cmd_group_remove_entry, cmd_delete_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_plan_delete_entry, cmd_plan_copy_entry;
extern const struct cmd_entry cmd_survey_new_entry, cmd_survey_show_entry;
extern const struct cmd_entry cmd_survey_templates_entry, cmd_survey_link_entry;
extern const struct cmd_entry cmd_survey_results_entry, cmd_survey_poster_entry;
extern const struct cmd_entry cmd_survey_print_entry, cmd_survey_import_entry;

/* The first line of qweek's own usage. */
#define CMD_MAIN_USAGE \
	"usage: qweek [--socket PATH | --url URL --token T] [--plan P] [--json] COMMAND ...\n"

/*
 * The command named by the first words of ARGV (ARGC of them), each word exact or a unique
 * prefix ("pl l" is "plan list"); *WORDS says how many words name it. NULL with *CAUSE
 * (malloc'd) when unknown or ambiguous; *GROUP is then set to "plan"/"person"/"group" when
 * ARGV[0] names such a group of commands, else NULL.
 */
const struct cmd_entry *cmd_find(int argc, char *const *argv, int *words, const char **group,
				 char **cause);

/* The commands of GROUP ("plan"), or of all of qweek when GROUP is NULL. */
void cmd_print_list(FILE *f, const char *group);

/* Every command, in the order of qweek --help, ended by NULL: the manual page and the shell
 * completion are made from it (man/qweek_docgen.c). */
const struct cmd_entry *const *cmd_all(void);

#endif
