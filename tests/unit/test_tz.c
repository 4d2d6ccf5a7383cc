/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tz.h"

/* Time zones: names, wall time <-> UTC across daylight-saving changes, the system default. */

/* Seconds since the epoch of a UTC time. */
static int64_t utc(int y, int mo, int d, int h, int mi)
{
	int64_t days;

	y -= mo <= 2;
	days = (int64_t)(y / 400) * 146097;
	y %= 400;
	days += (int64_t)y * 365 + y / 4 - y / 100 + (153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5 +
		d - 1 - 719468;
	return days * 86400 + h * 3600 + mi * 60;
}

static void to_utc_is(const char *zone, int y, int mo, int d, int h, int mi, int64_t want)
{
	int64_t got = 0;

	assert_int_equal(tz_to_utc(zone, y, mo, d, h, mi, 0, &got), 0);
	assert_int_equal(got, want);
}

static void local_is(const char *zone, int64_t t, int y, int mo, int d, int h, int mi, int off)
{
	struct tz_local l;

	assert_int_equal(tz_from_utc(zone, t, &l), 0);
	assert_int_equal(l.year, y);
	assert_int_equal(l.month, mo);
	assert_int_equal(l.day, d);
	assert_int_equal(l.hour, h);
	assert_int_equal(l.minute, mi);
	assert_int_equal(l.second, 0);
	assert_int_equal(l.offset_sec, off);
}

static void test_helper_utc(void **state)
{
	assert_int_equal(utc(2017, 11, 14, 8, 0), 1510646400);
	assert_int_equal(utc(1970, 1, 1, 0, 0), 0);
}

static void test_valid(void **state)
{
	assert_true(tz_valid("UTC"));
	assert_true(tz_valid("Etc/UTC"));
	assert_true(tz_valid("Asia/Krasnoyarsk"));
	assert_true(tz_valid("Europe/Kyiv"));
	assert_true(tz_valid("Europe/Kiev"));
	assert_true(tz_valid("Europe/Moscow"));
	assert_false(tz_valid("Mars/Base"));
	assert_false(tz_valid(""));
	assert_false(tz_valid(NULL));
	assert_false(tz_valid("Europe"));
	assert_false(tz_valid("europe/kyiv"));
	assert_false(tz_valid("../../../etc/passwd"));
	assert_false(tz_valid("Europe/../Europe/Kyiv"));
	assert_false(tz_valid("/usr/share/zoneinfo/Europe/Kyiv"));
	assert_false(tz_valid("posixrules"));
	assert_false(tz_valid("zone.tab"));
}

static void test_unknown_zone(void **state)
{
	struct tz_local l;
	int64_t t;

	assert_int_equal(tz_to_utc("Mars/Base", 2017, 11, 14, 15, 0, 0, &t), -1);
	assert_int_equal(tz_from_utc("Mars/Base", 0, &l), -1);
	assert_int_equal(tz_to_utc(NULL, 2017, 11, 14, 15, 0, 0, &t), -1);
}

static void test_krasnoyarsk(void **state)
{
	struct tz_local l;

	to_utc_is("Asia/Krasnoyarsk", 2017, 11, 14, 15, 0, utc(2017, 11, 14, 8, 0));
	to_utc_is("Asia/Krasnoyarsk", 2017, 11, 14, 15, 0, 1510646400);
	local_is("Asia/Krasnoyarsk", 1510646400, 2017, 11, 14, 15, 0, 25200);
	assert_int_equal(tz_from_utc("Asia/Krasnoyarsk", 1510646400, &l), 0);
	assert_int_equal(l.wday, 2); /* a Tuesday */
	/* Before 2014 it was UTC+8 in winter. */
	to_utc_is("Asia/Krasnoyarsk", 2012, 11, 14, 15, 0, utc(2012, 11, 14, 7, 0));
}

static void test_kyiv_autumn(void **state)
{
	to_utc_is("Europe/Kyiv", 2026, 10, 24, 9, 0, utc(2026, 10, 24, 6, 0));
	to_utc_is("Europe/Kyiv", 2026, 10, 26, 9, 0, utc(2026, 10, 26, 7, 0));
	/* 03:30 happens twice on 25.10.2026: the first time, still in summer time. */
	to_utc_is("Europe/Kyiv", 2026, 10, 25, 3, 30, utc(2026, 10, 25, 0, 30));
	to_utc_is("Europe/Kyiv", 2026, 10, 25, 2, 59, utc(2026, 10, 24, 23, 59));
	to_utc_is("Europe/Kyiv", 2026, 10, 25, 4, 0, utc(2026, 10, 25, 2, 0));
	local_is("Europe/Kyiv", utc(2026, 10, 25, 0, 30), 2026, 10, 25, 3, 30, 10800);
	local_is("Europe/Kyiv", utc(2026, 10, 25, 1, 30), 2026, 10, 25, 3, 30, 7200);
	local_is("Europe/Kyiv", utc(2026, 10, 26, 7, 0), 2026, 10, 26, 9, 0, 7200);
}

static void test_kyiv_spring(void **state)
{
	/* 29.03.2026: 03:00 EET becomes 04:00 EEST; 03:30 is read as EET, i.e. 04:30 EEST. */
	to_utc_is("Europe/Kyiv", 2026, 3, 29, 3, 30, utc(2026, 3, 29, 1, 30));
	local_is("Europe/Kyiv", utc(2026, 3, 29, 1, 30), 2026, 3, 29, 4, 30, 10800);
	to_utc_is("Europe/Kyiv", 2026, 3, 29, 3, 0, utc(2026, 3, 29, 1, 0));
	to_utc_is("Europe/Kyiv", 2026, 3, 29, 2, 59, utc(2026, 3, 29, 0, 59));
	to_utc_is("Europe/Kyiv", 2026, 3, 29, 4, 0, utc(2026, 3, 29, 1, 0));
	to_utc_is("Europe/Kyiv", 2026, 3, 29, 9, 0, utc(2026, 3, 29, 6, 0));
}

static void test_kiev_alias(void **state)
{
	to_utc_is("Europe/Kiev", 2026, 10, 24, 9, 0, utc(2026, 10, 24, 6, 0));
	local_is("Europe/Kiev", utc(2026, 10, 26, 7, 0), 2026, 10, 26, 9, 0, 7200);
}

static void test_utc(void **state)
{
	to_utc_is("UTC", 2017, 11, 14, 15, 0, utc(2017, 11, 14, 15, 0));
	to_utc_is("Etc/UTC", 2026, 3, 29, 3, 30, utc(2026, 3, 29, 3, 30));
	local_is("UTC", 1510646400, 2017, 11, 14, 8, 0, 0);
}

/* A zone libical's own rule expansion gets wrong: Brazil has had no summer time since 2019. */
static void test_sao_paulo(void **state)
{
	to_utc_is("America/Sao_Paulo", 2026, 1, 15, 12, 0, utc(2026, 1, 15, 15, 0));
	local_is("America/Sao_Paulo", utc(2026, 1, 15, 15, 0), 2026, 1, 15, 12, 0, -10800);
}

/* Kyiv instants from FROM to TO, every STEP seconds, go to wall time and back. */
static void round_trip(int64_t from, int64_t to, int64_t step)
{
	int64_t t, back;
	struct tz_local l;

	for (t = from; t < to; t += step) {
		assert_int_equal(tz_from_utc("Europe/Kyiv", t, &l), 0);
		assert_int_equal(tz_to_utc("Europe/Kyiv", l.year, l.month, l.day, l.hour, l.minute,
					   l.second, &back),
				 0);
		/* Only the repeated hour maps back to its first occurrence. */
		if (back != t)
			assert_int_equal(back, t - 3600);
	}
}

static void test_round_trip(void **state)
{
	round_trip(utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0), 13 * 3600);
	round_trip(utc(2026, 3, 28, 0, 0), utc(2026, 3, 30, 0, 0), 1800);
	round_trip(utc(2026, 10, 24, 0, 0), utc(2026, 10, 26, 0, 0), 1800);
}

static void test_system_default(void **state)
{
	/* Runs first: before any conversion, TZ is read as it is. */
	setenv("TZ", ":Asia/Krasnoyarsk", 1);
	assert_string_equal(tz_system_default(), "Asia/Krasnoyarsk");
	setenv("TZ", "Europe/Kyiv", 1);
	assert_string_equal(tz_system_default(), "Europe/Kyiv");
	setenv("TZ", ":/usr/share/zoneinfo/Asia/Krasnoyarsk", 1);
	assert_string_equal(tz_system_default(), "Asia/Krasnoyarsk");
	setenv("TZ", "Mars/Base", 1);
	assert_true(tz_valid(tz_system_default()));
	unsetenv("TZ");
	assert_true(tz_valid(tz_system_default()));
	/* Conversions switch TZ; the default stays the zone the process had before them. */
	setenv("TZ", "Asia/Krasnoyarsk", 1);
	to_utc_is("Europe/Kyiv", 2026, 10, 24, 9, 0, utc(2026, 10, 24, 6, 0));
	assert_string_equal(tz_system_default(), "Asia/Krasnoyarsk");
	to_utc_is("Asia/Krasnoyarsk", 2017, 11, 14, 15, 0, utc(2017, 11, 14, 8, 0));
	to_utc_is("Europe/Kyiv", 2026, 10, 26, 9, 0, utc(2026, 10, 26, 7, 0));
	assert_string_equal(tz_system_default(), "Asia/Krasnoyarsk");
}

static void test_shutdown(void **state)
{
	tz_shutdown();
	assert_true(tz_valid("Europe/Kyiv"));
	tz_shutdown();
	tz_shutdown();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_system_default), /* first: before any conversion */
		cmocka_unit_test(test_helper_utc),     cmocka_unit_test(test_valid),
		cmocka_unit_test(test_unknown_zone),   cmocka_unit_test(test_krasnoyarsk),
		cmocka_unit_test(test_kyiv_autumn),    cmocka_unit_test(test_kyiv_spring),
		cmocka_unit_test(test_kiev_alias),     cmocka_unit_test(test_utc),
		cmocka_unit_test(test_sao_paulo),      cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_shutdown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
