/* SPDX-License-Identifier: MIT */
/* Command-line arguments: long options and positionals, parsed with getopt_long. */
#ifndef QWEEK_ARGS_H
#define QWEEK_ARGS_H

#include <stddef.h>

#define ARGS_VALUE  0x1 /* takes a value: --when WHEN */
#define ARGS_REPEAT 0x2 /* may be given several times, every value kept: --who */

/* One long option; a list of them ends with a NULL name. "help" also answers to -h. */
struct args_option {
	const char *name;
	int flags;
};

enum args_mode {
	ARGS_ALL,  /* options and positionals in any order; "--" ends options */
	ARGS_STOP, /* stop at the first positional (the options before a command) */
};

struct args;

/*
 * Parses ARGV[1..ARGC-1] against the options of OPTS and of EXTRA (either may be NULL). With
 * ARGS_STOP, *USED is set to the index of the first positional (ARGC when none). Values point
 * into ARGV, which must outlive the result, and must be valid UTF-8. Returns a new args for
 * args_free, or NULL with *CAUSE (a malloc'd sentence: "unknown option --foo") on bad usage.
 */
struct args *args_parse(const struct args_option *opts, const struct args_option *extra, int argc,
			char **argv, enum args_mode mode, int *used, char **cause);
void args_free(struct args *a);

/* How many times option NAME was given. */
size_t args_has(const struct args *a, const char *name);

/* The last value of option NAME, or NULL. */
const char *args_get(const struct args *a, const char *name);

/* The Nth value (from 0) of option NAME, in command-line order, or NULL. */
const char *args_value(const struct args *a, const char *name, size_t n);

/* Positional arguments. */
int args_count(const struct args *a);
const char *args_string(const struct args *a, int i);

#endif
