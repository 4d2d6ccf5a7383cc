/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Is PATH a regular file we may run? */
static int runnable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* Looks NAME up in PATH like the shell; 1 when found. */
static int in_path(const char *name)
{
	const char *path = getenv("PATH"), *p;
	char full[4096];
	size_t n;

	if (path == NULL || *path == '\0')
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; *p != '\0'; p += n + (p[n] == ':')) {
		n = strcspn(p, ":");
		if (snprintf(full, sizeof full, "%.*s/%s", (int)n, n ? p : ".", name) <
			    (int)sizeof full &&
		    runnable(full))
			return 1;
	}
	return 0;
}

int config_lint_notify(const struct config *c, char **cause)
{
	const char *cmd = c->notify_command, *p;
	char word[4096];
	size_t n;

	if (cmd == NULL || *cmd == '\0')
		return 0;
	/* The program: the first word that is neither VAR=value nor exec. */
	for (p = cmd;; p += n) {
		p += strspn(p, " \t");
		n = strcspn(p, " \t;|&<>()");
		if (n == 0 || n >= sizeof word)
			return 0; /* shell syntax: left to the shell */
		memcpy(word, p, n);
		word[n] = '\0';
		if (strchr(word, '=') == NULL && strcmp(word, "exec") != 0)
			break;
	}
	if (word[0] == '\'' || word[0] == '"' || word[0] == '$')
		return 0; /* quoted or expanded: the shell knows */
	if (strchr(word, '/') != NULL ? runnable(word) : in_path(word))
		return 0;
	if (asprintf(cause, "[notify] command = %s: %s %s", cmd, word,
		     strchr(word, '/') == NULL ? "is not a program in PATH" :
		     access(word, F_OK) == 0   ? "is not an executable file (chmod +x it?)" :
						 "does not exist") == -1)
		*cause = NULL;
	return -1;
}
