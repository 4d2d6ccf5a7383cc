/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "time/civil.h"

/* Civil dates (time/civil.c): known days, every day of 4,000 years, and glibc's gmtime/timegm. */

static void test_known_days(void **state)
{
	(void)state;
	assert_int_equal(civil_days(1970, 1, 1), 0);
	assert_int_equal(civil_days(1969, 12, 31), -1);
	assert_int_equal(civil_days(2000, 3, 1), 11017);
	assert_int_equal(civil_days(2017, 11, 14), 17484);
	assert_int_equal(civil_days(1600, 1, 1), -135140);
	assert_int_equal(civil_weekday(civil_days(2017, 11, 14)), 2); /* a Tuesday */
	assert_int_equal(civil_weekday(civil_days(1969, 12, 31)), 3); /* a Wednesday */
	assert_int_equal(civil_weekday(civil_days(1600, 1, 1)), 6);   /* a Saturday */
}

/* A month outside 1-12 runs into the years around; a day past the month's end, into the next. */
static void test_rolls_over(void **state)
{
	(void)state;
	assert_int_equal(civil_days(2017, 13, 1), civil_days(2018, 1, 1));
	assert_int_equal(civil_days(2017, 25, 1), civil_days(2019, 1, 1));
	assert_int_equal(civil_days(2018, 0, 1), civil_days(2017, 12, 1));
	assert_int_equal(civil_days(2018, -11, 1), civil_days(2017, 1, 1));
	assert_int_equal(civil_days(2018, -12, 1), civil_days(2016, 12, 1));
	assert_int_equal(civil_days(2017, 1, 32), civil_days(2017, 2, 1));
	assert_int_equal(civil_days(2024, 2, 30), civil_days(2024, 3, 1));
	assert_int_equal(civil_days(2023, 3, 0), civil_days(2023, 2, 28));
}

static void test_days_in_month(void **state)
{
	static const int common[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	(void)state;
	for (int m = 1; m <= 12; m++)
		assert_int_equal(civil_days_in_month(2023, m), common[m - 1]);
	assert_int_equal(civil_days_in_month(2024, 2), 29);
	assert_int_equal(civil_days_in_month(2000, 2), 29);
	assert_int_equal(civil_days_in_month(1900, 2), 28);
	assert_int_equal(civil_days_in_month(2100, 2), 28);
	assert_int_equal(civil_days_in_month(-4, 2), 29);
}

/*
 * Every day from 1000-01-01 to 5000-01-01: back and forth the same, each the day after the one
 * before (the same month, or the first of the next once the month has had all its days), and
 * the next weekday.
 */
static void test_every_day(void **state)
{
	int64_t first = civil_days(1000, 1, 1), last = civil_days(5000, 1, 1);
	int py, pm, pd, y, m, d;

	(void)state;
	civil_from_days(first, &py, &pm, &pd);
	assert_true(py == 1000 && pm == 1 && pd == 1);
	for (int64_t n = first + 1; n <= last; n++) {
		civil_from_days(n, &y, &m, &d);
		assert_int_equal(civil_days(y, m, d), n);
		if (pd < civil_days_in_month(py, pm))
			assert_true(y == py && m == pm && d == pd + 1);
		else if (pm < 12)
			assert_true(y == py && m == pm + 1 && d == 1);
		else
			assert_true(y == py + 1 && m == 1 && d == 1);
		assert_int_equal(civil_weekday(n), (civil_weekday(n - 1) + 1) % 7);
		py = y, pm = m, pd = d;
	}
	assert_true(py == 5000 && pm == 1 && pd == 1);
}

/* Seconds both ways against glibc, before and after 1970, at steps that hit every time of day. */
static void test_seconds_like_glibc(void **state)
{
	struct civil_time c;
	struct tm tm;
	time_t t;

	(void)state;
	for (int64_t s = -2208988800; s < 4102444800; s += 86400 * 3 + 3607) {
		t = (time_t)s;
		assert_non_null(gmtime_r(&t, &tm));
		civil_from_secs(s, &c);
		assert_int_equal(c.year, tm.tm_year + 1900);
		assert_int_equal(c.month, tm.tm_mon + 1);
		assert_int_equal(c.day, tm.tm_mday);
		assert_int_equal(c.hour, tm.tm_hour);
		assert_int_equal(c.minute, tm.tm_min);
		assert_int_equal(c.second, tm.tm_sec);
		assert_int_equal(c.wday, tm.tm_wday);
		assert_int_equal(civil_secs(c.year, c.month, c.day, c.hour, c.minute, c.second), s);
	}
	civil_from_secs(-1, &c);
	assert_true(c.year == 1969 && c.month == 12 && c.day == 31 && c.hour == 23 &&
		    c.minute == 59 && c.second == 59 && c.wday == 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),	   cmocka_unit_test(test_rolls_over),
		cmocka_unit_test(test_days_in_month),	   cmocka_unit_test(test_every_day),
		cmocka_unit_test(test_seconds_like_glibc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
