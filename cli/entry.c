/* SPDX-License-Identifier: MIT */
#include "entry.h"
#include "nls.h"

/* What qweek says of one command: its usage line, and its help. */

void entry_print_usage(FILE *f, const struct cmd_entry *entry)
{
	fprintf(f, _("usage: qweek %s%s%s\n"), entry->name, *entry->usage != '\0' ? " " : "",
		entry->usage);
}

void entry_print_help(FILE *f, const struct cmd_entry *entry)
{
	entry_print_usage(f, entry);
	fprintf(f, "\n%s.\n\n%s", _(entry->summary), _(entry->help));
}
