/* Native language support: _("text") marks a message the user reads, N_("text") marks one
 * kept in a table and translated where it is shown. xgettext finds both (--keyword=_
 * --keyword=N_); po/ holds the catalogues (domain "qweek"), English being the message ids. */
#ifndef QWEEK_COMMON_NLS_H
#define QWEEK_COMMON_NLS_H

#define NLS_DOMAIN "qweek"

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s)		  (s)
#define gettext(s)	  (s)
#define dgettext(d, s)	  (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

/* Where the client's catalogues are (nls_dir of the installed directory). */
const char *nls_localedir(void);
/* Where the catalogues are: $QWEEK_LOCALEDIR, else locale/ beside the running binary (a build
 * tree), else INSTALLED. */
const char *nls_dir(const char *installed);

/* The client's set-up: the locale of the environment (LANG, LC_*, LANGUAGE) and our domain. */
void nls_init(void);

/*
 * The language the client speaks, as a tag for Accept-Language: the catalogue's own "Language"
 * ("ru", "uk"), or "en" when none is in use (the C locale, or a language we have no words for).
 */
const char *nls_language(void);

#endif
