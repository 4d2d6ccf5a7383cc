/* SPDX-License-Identifier: MIT */
#include <stdint.h>

#include "time/civil.h"

/*
 * Days and dates by Howard Hinnant's algorithms: a year starts in March, so that the leap day
 * comes last, and 400 years (an era) are 146,097 days. No table, no loop, no time zone.
 */

#define DAY 86400

int64_t civil_days(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy;

	if (m < 1 || m > 12) {
		y += m - 1 >= 0 ? (m - 1) / 12 : -((12 - m) / 12);
		m = ((m - 1) % 12 + 12) % 12 + 1;
	}
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

void civil_from_days(int64_t days, int *y, int *m, int *d)
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

int civil_weekday(int64_t days)
{
	return (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
}

int civil_days_in_month(int64_t y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

int64_t civil_secs(int64_t y, int mo, int d, int h, int mi, int s)
{
	return civil_days(y, mo, d) * DAY + (int64_t)h * 3600 + (int64_t)mi * 60 + s;
}

void civil_from_secs(int64_t secs, struct civil_time *out)
{
	int64_t days = secs >= 0 ? secs / DAY : -((-secs + DAY - 1) / DAY);
	int64_t rem = secs - days * DAY;

	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(rem / 3600);
	out->minute = (int)(rem / 60 % 60);
	out->second = (int)(rem % 60);
	out->wday = civil_weekday(days);
}
