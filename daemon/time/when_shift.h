/* SPDX-License-Identifier: MIT */
/* Next year's WHEN: dates moved by a number of days, the text rewritten in the form it was written. */
#ifndef QWEEK_WHEN_SHIFT_H
#define QWEEK_WHEN_SHIFT_H

#include <stddef.h>

#include "time/when.h"

/*
 * Moves every date of W by DAYS days; wall times stay. A month ("ноябрь 2017") moves to the month
 * its middle lands in, so that 364 days after November 2017 is November 2018, not October.
 */
void when_shift(struct when *w, int days);

/* Whether A and B are the same WHEN, field by field. */
int when_same(const struct when *a, const struct when *b);

/*
 * TEXT (read as OLD) with each date it names rewritten for NEW, which is OLD moved by when_shift:
 * "14.11 в 15.00" → "13.11 в 15.00", "до 24.11.2017" → "до 23.11.2018", "декабрь 2016" →
 * "декабрь 2017". Times, words and spacing stay as written. Returns a malloc'd string, or NULL
 * when a date could not be rewritten in place (the caller then writes it with when_format).
 */
char *when_shift_text(const char *text, const struct when *old, const struct when *new);

/*
 * The whole of it for one item: reads TEXT in the old plan's days (FROM), moves it by DAYS, and
 * writes it for the new plan's days (TO) so that it reads back there as the moved WHEN (*OUT):
 * in place where it can, else as when_format writes it in LANG (then *OWN_FORM, if given, is 1).
 * Returns a malloc'd text, or NULL when TEXT does not read (or memory ran out).
 */
char *when_shift_rewrite(const char *text, const struct when_ctx *from, const struct when_ctx *to,
			 int as_deadline, int days, const char *lang, struct when *out,
			 int *own_form);

#endif
