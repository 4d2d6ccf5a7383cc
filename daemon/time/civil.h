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

/* The date of day DAYS counted from 1970-01-01, and its weekday (0 = Sunday). */
void civil_from_days(int64_t days, int *y, int *m, int *d);
int civil_weekday(int64_t days);

/* The days of month M (1-12) of year Y. */
int civil_days_in_month(int64_t y, int m);

/* Seconds from 1970-01-01 00:00 to a date and time taken as UTC, and back. */
int64_t civil_secs(int64_t y, int mo, int d, int h, int mi, int s);
void civil_from_secs(int64_t secs, struct civil_time *out);

#endif
