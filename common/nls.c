/* SPDX-License-Identifier: MIT */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/share/locale"
#endif

const char *nls_localedir(void)
{
	const char *dir = getenv("QWEEK_LOCALEDIR");

	return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
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
