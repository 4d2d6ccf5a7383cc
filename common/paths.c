/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

/* Default locations, following the XDG base directories and systemd's directory variables. */

static char *fits(char *buf, size_t len, int n)
{
	return n < 0 || (size_t)n >= len ? NULL : buf;
}

static const char *nonempty_env(const char *name)
{
	const char *v = getenv(name);
	return v != NULL && *v != '\0' ? v : NULL;
}

char *paths_default_socket(char *buf, size_t len)
{
	const char *dir;

	if ((dir = nonempty_env("RUNTIME_DIRECTORY")) != NULL)
		return fits(buf, len, snprintf(buf, len, "%s/qweekd.sock", dir));
	if ((dir = nonempty_env("XDG_RUNTIME_DIR")) != NULL)
		return fits(buf, len, snprintf(buf, len, "%s/qweek/qweekd.sock", dir));
	if (geteuid() == 0)
		return fits(buf, len, snprintf(buf, len, "/run/qweek/qweekd.sock"));
	return fits(buf, len, snprintf(buf, len, "/tmp/qweek-%u/qweekd.sock", (unsigned)geteuid()));
}

static const char *home_dir(void)
{
	const char *home = nonempty_env("HOME");
	struct passwd *pw;

	if (home != NULL)
		return home;
	pw = getpwuid(geteuid());
	return pw != NULL ? pw->pw_dir : "/";
}

char *paths_default_db(char *buf, size_t len)
{
	const char *dir;

	if ((dir = nonempty_env("STATE_DIRECTORY")) != NULL)
		return fits(buf, len, snprintf(buf, len, "%s/qweek.db", dir));
	if ((dir = nonempty_env("XDG_DATA_HOME")) != NULL)
		return fits(buf, len, snprintf(buf, len, "%s/qweek/qweek.db", dir));
	return fits(buf, len, snprintf(buf, len, "%s/.local/share/qweek/qweek.db", home_dir()));
}

int paths_make_parent(const char *path, unsigned mode)
{
	char dir[4096];
	char *p;

	if (strlen(path) >= sizeof dir) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(dir, path);
	p = strrchr(dir, '/');
	if (p == NULL || p == dir)
		return 0;
	*p = '\0';
	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, mode) == -1 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(dir, mode) == -1 && errno != EEXIST)
		return -1;
	return 0;
}
