/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config_lint.h"

/* The configuration checked as a person reads it: qweekd -n, and the causes config.c gives. */

size_t config_lint_distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b), row[64], prev, cur, best;

	if (lb >= sizeof row / sizeof row[0] || (la > lb ? la - lb : lb - la) > max)
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			cur = row[j];
			row[j] = a[i - 1] == b[j - 1] ? prev : 1 + (prev < cur ? prev : cur);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			prev = cur;
			best = row[j] < best ? row[j] : best;
		}
		if (best > max)
			return max + 1;
	}
	return row[lb];
}

/* Is LINE (no line end) one that inih takes? */
static int line_ok(const char *line)
{
	line += strspn(line, " \t");
	if (*line == '\0' || *line == ';' || *line == '#')
		return 1;
	if (*line == '[')
		return strchr(line, ']') != NULL;
	return strcspn(line, "=:") > 0 && line[strcspn(line, "=:")] != '\0';
}

int config_lint_lines(const char *file, char **cause)
{
	FILE *f = fopen(file, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int no = 0, bad = 0;

	while (f != NULL && (n = getline(&line, &cap, f)) != -1) {
		no++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (line_ok(line))
			continue;
		bad = no;
		if (asprintf(cause,
			     "%s:%d: «%s» is neither a [section] nor a 'key = value' line (it has "
			     "no '=')",
			     file, no, line) == -1)
			*cause = NULL;
		break;
	}
	free(line);
	if (f != NULL)
		fclose(f);
	return bad;
}
