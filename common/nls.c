/* SPDX-License-Identifier: MIT */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nls.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/share/locale"
#endif

const char *nls_dir(const char *installed)
{
	static char beside[4096];
	const char *dir = getenv("QWEEK_LOCALEDIR");
	struct stat st;
	ssize_t n;
	char *slash;

	if (dir != NULL && *dir != '\0')
		return dir;
	/* A binary run from its build tree (the demo, a developer) has its catalogues beside it,
	 * in locale/; an installed one has none there and takes the installed directory. */
	n = readlink("/proc/self/exe", beside, sizeof beside - sizeof "/locale");
	if (n > 0 && (size_t)n < sizeof beside - sizeof "/locale") {
		beside[n] = '\0';
		if ((slash = strrchr(beside, '/')) != NULL) {
			strcpy(slash, "/locale");
			if (stat(beside, &st) == 0 && S_ISDIR(st.st_mode))
				return beside;
		}
	}
	return installed;
}

const char *nls_localedir(void)
{
	return nls_dir(LOCALEDIR);
}

void nls_init(void)
{
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(NLS_DOMAIN, nls_localedir());
	textdomain(NLS_DOMAIN);
#endif
}

const char *nls_language(void)
{
	static char lang[8];
	/* Not _(""): the empty id is the catalogue's header, which xgettext must not extract. */
	const char *empty = "", *header = gettext(empty), *s;
	size_t n;

	if (header == NULL || (s = strstr(header, "Language: ")) == NULL)
		return "en";
	s += strlen("Language: ");
	n = strspn(s, "abcdefghijklmnopqrstuvwxyz");
	if (n < 2 || n >= sizeof lang)
		return "en";
	memcpy(lang, s, n);
	lang[n] = '\0';
	return lang;
}
