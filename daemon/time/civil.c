/* SPDX-License-Identifier: MIT */
#include <stdint.h>

#include "time/civil.h"

/*
 * Days from dates by Howard Hinnant's algorithm (and back, in civil.h): a year starts in March,
 * so that the leap day comes last, and 400 years (an era) are 146,097 days. No table, no loop,
 * no time zone.
 */

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

int civil_days_in_month(int64_t y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

int64_t civil_secs(int64_t y, int mo, int d, int h, int mi, int s)
{
	return civil_days(y, mo, d) * CIVIL_DAY + (int64_t)h * 3600 + (int64_t)mi * 60 + s;
}
