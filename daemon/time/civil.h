/* SPDX-License-Identifier: MIT */
/* Civil dates: the proleptic Gregorian calendar, counted in days and seconds from 1970-01-01. */
#ifndef QWEEK_CIVIL_H
#define QWEEK_CIVIL_H

#include <stdint.h>

/* A date and a time of day, broken down as gmtime(3) would. */
struct civil_time {
	int year, month, day, hour, minute, second; /* month 1-12 */
	int wday;				    /* 0 = Sunday */
};

/*
 * Days from 1970-01-01 to Y-M-D (negative before). M may be outside 1-12 (13 is January of the
 * next year) and D past the end of the month (32 January is 1 February).
 */
int64_t civil_days(int64_t y, int64_t m, int64_t d);

/* The days of month M (1-12) of year Y. */
int civil_days_in_month(int64_t y, int m);

/* Seconds from 1970-01-01 00:00 to a date and time taken as UTC. */
int64_t civil_secs(int64_t y, int mo, int d, int h, int mi, int s);

/*
 * Back from days and seconds: inline, because tz_from_utc breaks down every instant a reply
 * shows this way (out of line, listing 2,000 items took 0.35% more instructions).
 */

#define CIVIL_DAY 86400

/* The date of day DAYS counted from 1970-01-01, and its weekday (0 = Sunday). */
static inline void civil_from_days(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static inline int civil_weekday(int64_t days)
{
	return (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
}

/* The date and time of SECS seconds from 1970-01-01 00:00 UTC. */
static inline void civil_from_secs(int64_t secs, struct civil_time *out)
{
	int64_t days = secs >= 0 ? secs / CIVIL_DAY : -((-secs + CIVIL_DAY - 1) / CIVIL_DAY);
	int64_t rem = secs - days * CIVIL_DAY;

	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(rem / 3600);
	out->minute = (int)(rem / 60 % 60);
	out->second = (int)(rem % 60);
	out->wday = civil_weekday(days);
}

#endif
