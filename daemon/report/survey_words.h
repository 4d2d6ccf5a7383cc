/* SPDX-License-Identifier: MIT */
/* The words of the survey's form, its pages and the report's survey section: ru, uk, en. */
#ifndef QWEEK_SURVEY_WORDS_H
#define QWEEK_SURVEY_WORDS_H

enum survey_word {
	SW_TITLE,
	SW_KEPT,
	SW_REQUIRED_NOTE,
	SW_REQUIRED,
	SW_SEND,
	SW_PAPER,
	SW_THANKS_TITLE,
	SW_THANKS,
	SW_AGAIN,
	SW_REFUSED_TITLE,
	SW_BACK,
	SW_USED,
	SW_EXPIRED,
	SW_TOO_LARGE,
	SW_TOO_MANY,
	SW_BAD_FORM,
	SW_UNKNOWN_OPTION,
	SW_TWO_ANSWERS,
	SW_MUST_ANSWER,
	SW_NOT_NUMBER,
	SW_TOO_LONG,
	SW_NOTHING,
	SW_UNAVAILABLE,
	SW_SECTION,
	SW_RESPONSES,
	SW_ANSWERED,
	SW_ANSWER,
	SW_COUNT_HEAD,
	SW_PERCENT_HEAD,
	SW_FREE,
	SW_NO_RESPONSES,
	SW_CONCLUSIONS,
	SW_SURVEY_LINE,
	SW_POSTER_INVITE,
	SW_POSTER_HOW,
	SW_PRINT_HOW,
	SW_PRINT_ONE,
	SW_PRINT_MANY,
	SW_COUNT
};

/* The word W in LANG ("ru", "uk", "en"; anything else reads as "ru"). A static string. */
const char *survey_word(const char *lang, enum survey_word w);

#endif
