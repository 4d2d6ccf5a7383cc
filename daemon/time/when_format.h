/* SPDX-License-Identifier: MIT */
/* Month names as qweek writes them, and a WHEN in qweek's own form. */
#ifndef QWEEK_WHEN_FORMAT_H
#define QWEEK_WHEN_FORMAT_H

#include <stddef.h>

#include "time/when.h"

/*
 * W as qweek writes it in LANG ("ru", "uk", "en"): "13.11.2018 15:00", "07.11.2018 - 14.11.2018",
 * "до 23.11.2018", "ноябрь 2018". Returns 0, or -1 when BUF is too small.
 */
int when_format(const struct when *w, const char *lang, char *buf, size_t len);

/*
 * Month M (1-12) in LANG ("ru", "uk", "en"; else ru): "ноябрь", "листопад", "November"; with
 * GENITIVE, as after a day: "ноября", "листопада". "" for a month out of range.
 */
const char *when_month_word(int month, const char *lang, int genitive);

/*
 * The month a whole word names in one of the forms above, any letter case: 1-12 with *LANG (0 ru,
 * 1 uk, 2 en) and *GENITIVE set, or 0 (abbreviations and other cases are not found).
 */
int when_month_word_find(const char *word, int *lang, int *genitive);

/* The word of month M (1-12) in the form when_month_word_find found. */
const char *when_month_word_at(int lang, int genitive, int month);

#endif
