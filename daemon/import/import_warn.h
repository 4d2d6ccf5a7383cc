/* SPDX-License-Identifier: MIT */
/* Dates that are likely typos: another year, or far from the plan's days. */
#ifndef QWEEK_IMPORT_WARN_H
#define QWEEK_IMPORT_WARN_H

#include "import/import.h"
#include "time/moment.h"
#include "store/store.h"
#include "time/when.h"

#define IMPORT_NEAR_SEC (31 * 86400) /* a month: how far from its days a plan reaches */

/*
 * Warns on R when the time M of its item (parsed as W from the WHEN TEXT) is in another year
 * than plan P and the same date in the plan's year is near it («10.11.2016» in a 2017 plan:
 * probably 10.11.2017), or more than a month from the plan's days.
 */
void import_warn_date(struct import_row *r, const struct plan *p, const struct when *w,
		      const struct moment *m, const char *text);

/*
 * TEXT with the year FROM written as TO wherever it stands as a 4-digit number ("10.11.2016
 * 17:00" → "10.11.2017 17:00"); malloc'd, NULL if FROM is not written so or out of memory.
 */
char *import_warn_replace_year(const char *text, int from, int to);

#endif
