/* SPDX-License-Identifier: MIT */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"
#include "core/tr.h"
#include "nls.h" /* dgettext, or none without NLS */

/* Per-call catalogues: the C.UTF-8 locale taken by uselocale around a dgettext in the domain of
 * the language. (In the C locale itself gettext translates nothing; LC_MESSAGES of C.UTF-8
 * finds DIR/C/LC_MESSAGES/qweek-LANG.mo.) */

#ifndef QWEEKD_LOCALEDIR
#define QWEEKD_LOCALEDIR "/usr/share/qweek/locale"
#endif

static const char *const tr_domains[I18N_NLANG] = { "qweek-ru", "qweek-uk", NULL };
static locale_t tr_locale;
static enum i18n_lang tr_lang = I18N_EN, tr_plan = I18N_RU;

void tr_init(void)
{
#ifdef ENABLE_NLS
	const char *dir = nls_dir(QWEEKD_LOCALEDIR);

	/* LANGUAGE would override the locale below (gettext reads it first): not the caller's. */
	unsetenv("LANGUAGE");
	for (int i = 0; i < I18N_NLANG; i++) {
		if (tr_domains[i] != NULL) {
			bindtextdomain(tr_domains[i], dir);
			bind_textdomain_codeset(tr_domains[i], "UTF-8");
		}
	}
	if (tr_locale == (locale_t)0 &&
	    (tr_locale = newlocale(LC_MESSAGES_MASK, "C.UTF-8", (locale_t)0)) == (locale_t)0)
		log_warn("the locale C.UTF-8 is missing: every reply is in English");
#endif
}

const char *tr(enum i18n_lang lang, const char *msgid)
{
	locale_t old;
	const char *s;

	if ((unsigned)lang >= I18N_NLANG || tr_domains[lang] == NULL || tr_locale == (locale_t)0 ||
	    *msgid == '\0')
		return msgid;
	old = uselocale(tr_locale);
	s = dgettext(tr_domains[lang], msgid);
	uselocale(old);
	return s;
}

void tr_use(enum i18n_lang lang)
{
	tr_lang = (unsigned)lang < I18N_NLANG ? lang : I18N_EN;
}

void tr_use_plan(const char *lang)
{
	tr_plan = i18n_lang(lang);
}

enum i18n_lang tr_plan_lang(void)
{
	return tr_plan;
}

enum i18n_lang tr_current(void)
{
	return tr_lang;
}

const char *tr_req(const char *msgid)
{
	return tr(tr_lang, msgid);
}

/* The quality of one entry ("uk;q=0.9"): 0..1000; 1000 without q. */
static int tr_quality(const char *params, size_t n)
{
	const char *q = memmem(params, n, "q=", 2);

	return q == NULL ? 1000 : (int)(strtod(q + 2, NULL) * 1000 + 0.5);
}

int tr_accept(const char *header)
{
	static const char *const tags[I18N_NLANG] = { "ru", "uk", "en" };
	int best = -1, best_q = 0;

	for (const char *s = header; s != NULL && *s != '\0';) {
		size_t len = strcspn(s, ","), tag = strcspn(s, ",;");
		while (tag > 0 && (*s == ' ' || *s == '\t'))
			s++, tag--, len--;
		for (int i = 0; i < I18N_NLANG; i++) {
			/* "uk" and "uk-UA" are Ukrainian; the first of two equal qualities wins. */
			if (tag >= 2 && strncasecmp(s, tags[i], 2) == 0 &&
			    (tag == 2 || s[2] == '-')) {
				int q = tr_quality(s + tag, len - tag);
				if (q > best_q)
					best = i, best_q = q;
			}
		}
		s += len;
		if (*s == ',')
			s++;
	}
	return best;
}
