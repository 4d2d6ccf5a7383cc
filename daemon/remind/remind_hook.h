/* SPDX-License-Identifier: MIT */
/* The environment a notify hook runs with: the daemon's, and the reminder in QWEEK_* variables. */
#ifndef QWEEK_REMIND_HOOK_H
#define QWEEK_REMIND_HOOK_H

#include "remind/remind_text.h"

/* What the hook is told about one reminder. */
struct remind_hook_in {
	const struct remind_msg_in *msg; /* plan, item, ref, person, done command */
	const struct remind_msg *text;	 /* subject and body */
	const struct remind_row *row;
	const struct remind_person *person;
};

/*
 * A NULL-ended "NAME=value" array: the daemon's environment without its QWEEK* variables,
 * then QWEEK_MESSAGE (event|deadline|overdue|copy|test|digest), QWEEK_SUBJECT, QWEEK_PLAN,
 * QWEEK_PLAN_TITLE, QWEEK_LANG, QWEEK_TZ, QWEEK_PERSON, QWEEK_EMAIL, QWEEK_ROLE,
 * QWEEK_REMINDER_ID, QWEEK_RULE, QWEEK_OCCURRENCE and, for an item, QWEEK_ITEM (its REF),
 * QWEEK_ITEM_ID, QWEEK_TITLE, QWEEK_KIND, QWEEK_WHEN, QWEEK_AT, QWEEK_WHERE, QWEEK_WHO and
 * QWEEK_DONE_COMMAND; QWEEK_PAGE_URL, where the person acts (the item on their page,
 * /me/<secret>#item-ID, or their page), empty when there is none. Free with remind_hook_env_free; NULL if out of memory.
 */
char **remind_hook_env(const struct remind_hook_in *in);
void remind_hook_env_free(char **env);

#endif
