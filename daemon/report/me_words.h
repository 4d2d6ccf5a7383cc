/* SPDX-License-Identifier: MIT */
/* The words of a person's page (me_page.c) in the plan's language: ru, uk, en. */
#ifndef QWEEK_ME_WORDS_H
#define QWEEK_ME_WORDS_H

enum me_word {
	MW_TITLE,
	MW_SECTIONS,
	MW_OVERDUE,
	MW_TODAY,
	MW_COMING,
	MW_DONE,
	MW_NONE_AT_ALL,
	MW_WHEN,
	MW_WHERE,
	MW_WITH,
	MW_NOTE,
	MW_NOTE_LABEL,
	MW_MARK_DONE,
	MW_REOPEN,
	MW_DONE_BY,
	MW_LATE_BY,
	MW_PRIVATE,
	MW_CALENDAR,
	MW_CALENDAR_INTRO,
	MW_SUBSCRIBE,
	MW_COPY_LABEL,
	MW_QR_TITLE,
	MW_QR_CAPTION,
	MW_STEPS,
	MW_NO_FEED,
	MW_BACK,
	MW_NOTHING_CHANGED,
	MW_STALE,
	MW_ALREADY_DONE,
	MW_ALREADY_OPEN,
	MW_CANCELLED,
	MW_BAD_FORM_TITLE,
	MW_BAD_FORM,
	MW_TOO_LONG,
	MW_GONE_TITLE,
	MW_GONE,
	MW_UNAVAILABLE,
	MW_COUNT
};

/* The word W in LANG ("ru", "uk", "en"; anything else reads as "ru"). A static string. */
const char *me_word(const char *lang, enum me_word w);

/* How to subscribe in each calendar app: NAME, then the steps, one per line; NULL ends. */
struct me_app_steps {
	const char *name;
	const char *steps; /* the steps, joined by '\n' */
};
const struct me_app_steps *me_word_apps(const char *lang);

#endif
