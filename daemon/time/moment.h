/* SPDX-License-Identifier: MIT */
/* An item's time as stored: written form, the instants it covers, and ISO 8601 for replies. */
#ifndef QWEEK_MOMENT_H
#define QWEEK_MOMENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "time/when.h"

/*
 * Stored text forms: "YYYY-MM-DDTHH:MM:SSZ" (an instant), "YYYY-MM-DD" (a day in the plan's zone),
 * "YYYY-MM" (a month). Empty strings for absent values.
 */
struct moment {
	const char *kind; /* "event", "span", "deadline" */
	char start[24], end[24], due[24];
	int64_t at;	     /* when it starts, or when it is due */
	int64_t late_after;  /* still open after this instant: overdue */
	int64_t first, last; /* the instants it covers, for checks against the plan */
};

/* Fills M from a parsed WHEN in zone TZ. Returns 0, or -1 with ERR (an end before its start). */
int moment_from_when(const struct when *w, const char *tz, struct moment *m, struct error *err);

/* ISO 8601 for a reply: an instant in zone TZ with its offset; days and months as stored. */
void moment_iso(const char *stored, const char *tz, char *buf, size_t len);

/* Instant T in zone TZ as "2017-11-14T15:00:00+07:00". */
void moment_iso_instant(int64_t t, const char *tz, char *buf, size_t len);

/* Instant T in zone TZ the way people there write it: "14.11.2017 15:00". */
void moment_human_instant(int64_t t, const char *tz, char *buf, size_t len);

/* "2017-11-14" → "14.11.2017" (BUF of at least 11 bytes). */
void moment_human_day(const char *iso_day, char *buf, size_t len);

/* The instant a day "YYYY-MM-DD" begins in zone TZ, and the one the day after it begins. */
int moment_day_bounds(const char *iso_day, const char *tz, int64_t *begin, int64_t *end);

/* Parses a WHEN that must name one day (a plan's first or last day) into "YYYY-MM-DD". */
int moment_day_from_text(const char *text, char out[11], struct error *err);

#endif
