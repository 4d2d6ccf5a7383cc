/* SPDX-License-Identifier: MIT */
/* One command of qweek: the descriptor each cmd_<command>.c exports, its exit statuses, its help. */
#ifndef QWEEK_ENTRY_H
#define QWEEK_ENTRY_H

#include <stdio.h>

#include "args.h"

/* Exit statuses. */
enum cmd_retval {
	CMD_OK = 0,
	CMD_REFUSED = 1, /* qweekd refused, or could not be reached */
	CMD_USAGE = 2,	 /* the command line is wrong */
};

struct cmd_ctx;

/* One command; each cmd_<command>.c exports its descriptor, cmd.c lists them all. */
struct cmd_entry {
	const char *name;    /* one or two words: "add", "plan new" */
	const char *usage;   /* what follows the name */
	const char *summary; /* one line for qweek --help */
	const char *help;    /* a description and an example, for qweek help NAME */
	const struct args_option *options;
	int lower, upper; /* positional arguments; upper -1 for no limit */
	enum cmd_retval (*exec)(struct cmd_ctx *ctx, struct args *args);
	int whole; /* named in full words only, never by a prefix: what removes for good */
};

/* "usage: qweek NAME USAGE" and a newline. */
void entry_print_usage(FILE *f, const struct cmd_entry *entry);

/* The usage, summary and help of ENTRY. */
void entry_print_help(FILE *f, const struct cmd_entry *entry);

#endif
