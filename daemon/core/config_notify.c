/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/config_notify.h"

/* The hook is run with /bin/sh -c (remind/notify.c): its first word is the program. */

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

int config_notify_check(const struct config *c, char **cause)
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
