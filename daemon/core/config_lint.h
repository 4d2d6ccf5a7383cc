/* SPDX-License-Identifier: MIT */
/* What qweekd -n says beyond "wrong": the line as written, the nearest name. */
#ifndef QWEEK_CONFIG_LINT_H
#define QWEEK_CONFIG_LINT_H

#include <stddef.h>

/* The edit distance between A and B (bytes), stopping early past MAX (then MAX + 1). */
size_t config_lint_distance(const char *a, const char *b, size_t max);

/*
 * The first line of FILE that is neither a [section], a "key = value", a comment nor blank:
 * its number, with *CAUSE (malloc'd) quoting it; 0 when every line is one of those.
 */
int config_lint_lines(const char *file, char **cause);

#endif
