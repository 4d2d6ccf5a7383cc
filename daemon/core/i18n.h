/* SPDX-License-Identifier: MIT */
/* The words of the status page and the report in the plan's language: ru, uk, en. */
#ifndef QWEEK_I18N_H
#define QWEEK_I18N_H

#include <stddef.h>
#include <stdint.h>

enum i18n_word {
	W_STATUS_TITLE,
	W_REPORT_TITLE,
	W_AS_OF,
	W_TOTAL,
	W_DONE,
	W_OPEN,
	W_OVERDUE,
	W_CANCELLED,
	W_OF,
	W_BY_PERSON,
	W_PERSON,
	W_WEEK,
	W_OVERDUE_ITEMS,
	W_DUE_SOON,
	W_NOTES,
	W_BEFORE_WEEK,
	W_AFTER_WEEK,
	W_NOTHING,
	W_LABEL,
	W_ITEM,
	W_PLANNED,
	W_WHO,
	W_COMPLETED,
	W_OUTCOME,
	W_NOTE,
	W_ON_TIME,
	W_LATE_BY,
	W_NOT_DONE,
	W_IN_PROGRESS,
	W_STATE_CANCELLED,
	W_DONE_ON_TIME,
	W_DONE_LATE,
	W_TOTALS,
	W_ITEMS,
	W_DUE_BY,
	W_SHARE_ON_TIME,
	W_REFRESH_NOTE,
	W_DAYS_LATE_HEAD,
	W_ORG,
	W_PERIOD,
	W_OVERDUE_BY,
	W_OF_PLANNED,
	W_COUNT
};

/* The word W in LANG ("ru", "uk", "en"; anything else reads as "ru"). A static string. */
const char *i18n(const char *lang, enum i18n_word w);

/* The languages a plan can have, in the order of every word table's columns. */
enum i18n_lang { I18N_RU, I18N_UK, I18N_EN, I18N_NLANG };

/* LANG ("ru", "uk", "en") as a column; anything else is Russian, the plans' first language. */
enum i18n_lang i18n_lang(const char *lang);

/* The short name of weekday WDAY (0 = Sunday) in LANG. */
const char *i18n_weekday(const char *lang, int wday);

/*
 * A duration of SECONDS (>= 0) in words into BUF: "2 дня 3 ч", "5 днів", "45 min". Returns BUF.
 */
char *i18n_duration(const char *lang, int64_t seconds, char *buf, size_t len);

/* DAYS with the noun in the right form: "1 день", "2 дні", "5 days". Returns BUF. */
char *i18n_days(const char *lang, int64_t days, char *buf, size_t len);

#endif
