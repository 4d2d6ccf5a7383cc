/* SPDX-License-Identifier: MIT */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"
#include "core/tr.h"
#include "nls.h"

/* Per-call catalogues: a locale object per language, taken by uselocale around a dgettext. */

static locale_t tr_locales[I18N_NLANG];
static enum i18n_lang tr_lang = I18N_EN, tr_plan = I18N_RU;

void tr_init(void)
{
	static const char *const names[I18N_NLANG] = { "ru_RU.UTF-8", "uk_UA.UTF-8", NULL };

#ifdef ENABLE_NLS
	/* LANGUAGE would override every locale below (gettext reads it first): not the caller's. */
	unsetenv("LANGUAGE");
	bindtextdomain(NLS_DOMAIN, nls_localedir());
	bind_textdomain_codeset(NLS_DOMAIN, "UTF-8");
	for (int i = 0; i < I18N_NLANG; i++) {
		if (names[i] == NULL || tr_locales[i] != (locale_t)0)
			continue;
		tr_locales[i] = newlocale(LC_MESSAGES_MASK, names[i], (locale_t)0);
		if (tr_locales[i] == (locale_t)0)
			log_warn("the locale %s is missing: replies asked in its language come in "
				 "English (install locales-all, or generate it with locale-gen)",
				 names[i]);
	}
#else
	(void)names;
#endif
}

const char *tr(enum i18n_lang lang, const char *msgid)
{
	locale_t old;
	const char *s;

	if ((unsigned)lang >= I18N_NLANG || tr_locales[lang] == (locale_t)0 || *msgid == '\0')
		return msgid;
	old = uselocale(tr_locales[lang]);
	s = dgettext(NLS_DOMAIN, msgid);
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
