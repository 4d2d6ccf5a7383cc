/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"

/* Time is an input: everything asks clock_now(), and tests fix it through QWEEKD_NOW. */

static int fixed;
static int64_t fixed_now;

int64_t clock_now(void)
{
	if (fixed)
		return fixed_now;
	return (int64_t)time(NULL);
}

int clock_is_fixed(void)
{
	return fixed;
}

void clock_set(int64_t t)
{
	if (fixed)
		fixed_now = t;
}

int clock_parse_utc(const char *s, int64_t *out)
{
	struct tm tm;
	int y, mo, d, h, mi, sec = 0, n = 0, oh = 0, om = 0, sign = 0;
	const char *rest;

	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5)
		return -1;
	rest = s + n;
	if (*rest == ':' && sscanf(rest, ":%2d%n", &sec, &n) == 1)
		rest += n;
	if (strcmp(rest, "Z") == 0)
		sign = 0;
	else if ((*rest == '+' || *rest == '-') && sscanf(rest + 1, "%2d:%2d", &oh, &om) == 2)
		sign = *rest == '+' ? 1 : -1;
	else
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*out = (int64_t)timegm(&tm) - sign * (oh * 3600 + om * 60);
	return 0;
}

int clock_init_from_env(void)
{
	const char *v = getenv("QWEEKD_NOW");

	if (v == NULL || *v == '\0')
		return 0;
	if (clock_parse_utc(v, &fixed_now) == -1)
		return -1;
	fixed = 1;
	return 0;
}

int64_t clock_mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
