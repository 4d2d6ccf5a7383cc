/* SPDX-License-Identifier: MIT */
/* Time zones: IANA names, local wall time <-> UTC, through libical. */
#ifndef QWEEK_TZ_H
#define QWEEK_TZ_H

#include <stdint.h>

/* Local wall-clock time broken down, and the UTC offset in force at that moment. */
struct tz_local {
	int year, month, day, hour, minute, second; /* month 1-12 */
	int wday;				    /* 0 = Sunday */
	int offset_sec;				    /* +25200 for UTC+7 */
};

/* True if NAME is an IANA zone the daemon can use ("Asia/Krasnoyarsk", "Europe/Kyiv", "UTC"). */
int tz_valid(const char *name);

/* The zone this machine runs in (TZ, else /etc/localtime, else "UTC"); a static string. */
const char *tz_system_default(void);

/*
 * The UTC instant (seconds since the epoch) of a local wall time in zone NAME. A time that a
 * daylight-saving change skips is taken as the same wall time after the change; one that occurs
 * twice is taken at its first occurrence. Returns 0 or -1 for an unknown zone.
 */
int tz_to_utc(const char *name, int year, int month, int day, int hour, int minute, int second,
	      int64_t *out);

/*
 * As tz_to_utc, but a wall time that occurs twice is taken at its second (winter) occurrence
 * when WINTER is set.
 */
int tz_to_utc_fold(const char *name, int year, int month, int day, int hour, int minute, int second,
		   int winter, int64_t *out);

/*
 * 1 if the wall time occurs twice in zone NAME (when clocks go back), with its first (summer)
 * and second (winter) instants in *SUMMER and *WINTER; 0 if it occurs once; -1 for an unknown zone.
 */
int tz_twice(const char *name, int year, int month, int day, int hour, int minute, int second,
	     int64_t *summer, int64_t *winter);

/* The local wall time in zone NAME of instant T. Returns 0 or -1 for an unknown zone. */
int tz_from_utc(const char *name, int64_t t, struct tz_local *out);

/* Releases libical's zone cache and the zones' offset tables (for leak checkers at exit). */
void tz_shutdown(void);

#endif
