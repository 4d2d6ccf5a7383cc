/* SPDX-License-Identifier: MIT */
/* The one place the daemon reads the time of day, so that tests can set it. */
#ifndef QWEEK_CLOCK_H
#define QWEEK_CLOCK_H

#include <stdint.h>

/* Seconds since the epoch, UTC: the system clock, or the fixed test clock when set. */
int64_t clock_now(void);

/*
 * Microseconds of the monotonic clock, for elapsed time (deadlines, rate windows, how long work
 * took): never a time of day, and not moved by the test clock.
 */
int64_t clock_mono_us(void);

/*
 * Reads QWEEKD_NOW (an ISO 8601 UTC instant such as 2017-11-14T03:00:00Z): when set, the clock
 * stays at that instant until clock_set moves it. Returns 0, or -1 if the value is malformed.
 */
int clock_init_from_env(void);

/* True when the clock is the test clock. */
int clock_is_fixed(void);

/* Sets the test clock (only when fixed). */
void clock_set(int64_t t);

/* Parses "YYYY-MM-DDTHH:MM:SSZ" (or with +hh:mm) into seconds; 0 or -1. */
int clock_parse_utc(const char *s, int64_t *out);

#endif
