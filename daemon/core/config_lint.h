/* SPDX-License-Identifier: MIT */
/* What qweekd -n says beyond "wrong": the line as written, the nearest name, the hook's file. */
#ifndef QWEEK_CONFIG_LINT_H
#define QWEEK_CONFIG_LINT_H

#include <stddef.h>

#include "core/config.h"

/* The edit distance between A and B (bytes), stopping early past MAX (then MAX + 1). */
size_t config_lint_distance(const char *a, const char *b, size_t max);

/*
 * The first line of FILE that is neither a [section], a "key = value", a comment nor blank:
 * its number, with *CAUSE (malloc'd) quoting it; 0 when every line is one of those.
 */
int config_lint_lines(const char *file, char **cause);

/*
 * Whether [notify] command names a program that exists and may be run (the first word of the
 * shell command, looked up in PATH when it has no '/'). 0, or -1 with *CAUSE (malloc'd).
 */
int config_lint_notify(const struct config *c, char **cause);

#endif
