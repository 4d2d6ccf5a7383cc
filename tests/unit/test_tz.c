/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "time/tz.h"
#include "time/tzfile.h"

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

/*
 * Exactness of the offset tables against plain glibc. The oracle sets TZ itself and calls
 * localtime_r, as tz.c did before it kept tables; tz.c may set TZ between two oracle calls, so the
 * oracle sets it back every time.
 */
static void glibc_enter(const char *zone)
{
	char spec[128];
	const char *now = getenv("TZ");

	snprintf(spec, sizeof spec, ":%s", zone);
	if (now == NULL || strcmp(now, spec) != 0) {
		assert_int_equal(setenv("TZ", spec, 1), 0);
		tzset();
	}
}

static long glibc_offset(const char *zone, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	glibc_enter(zone);
	assert_non_null(localtime_r(&tt, &tm));
	return tm.tm_gmtoff;
}

/* tz.c's wall_to_utc as it was, on glibc alone: the defined answer for gaps and repeats. */
static int64_t glibc_wall_to_utc(const char *zone, int64_t wall)
{
	long before = glibc_offset(zone, wall - 86400), after = glibc_offset(zone, wall + 86400);
	int first = glibc_offset(zone, wall - before) == before;
	int second = glibc_offset(zone, wall - after) == after;

	if (first && second)
		return wall - (before > after ? before : after);
	if (second && !first)
		return wall - after;
	return wall - before;
}

static void same_local(const char *zone, int64_t t)
{
	time_t tt = (time_t)t;
	struct tz_local l;
	struct tm tm;

	assert_int_equal(tz_from_utc(zone, t, &l), 0);
	glibc_enter(zone);
	assert_non_null(localtime_r(&tt, &tm));
	if (l.offset_sec != tm.tm_gmtoff || l.year != tm.tm_year + 1900 ||
	    l.month != tm.tm_mon + 1 || l.day != tm.tm_mday || l.hour != tm.tm_hour ||
	    l.minute != tm.tm_min || l.second != tm.tm_sec || l.wday != tm.tm_wday)
		fail_msg("%s at %lld: %04d-%02d-%02d %02d:%02d:%02d %+d (wday %d), glibc "
			 "%04d-%02d-%02d %02d:%02d:%02d %+ld (wday %d)",
			 zone, (long long)t, l.year, l.month, l.day, l.hour, l.minute, l.second,
			 l.offset_sec, l.wday, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			 tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_gmtoff, tm.tm_wday);
}

static void same_utc(const char *zone, int64_t wall)
{
	time_t tw = (time_t)wall;
	int64_t got = 0, want = glibc_wall_to_utc(zone, wall);
	struct tm f;

	assert_non_null(gmtime_r(&tw, &f));
	assert_int_equal(tz_to_utc(zone, f.tm_year + 1900, f.tm_mon + 1, f.tm_mday, f.tm_hour,
				   f.tm_min, f.tm_sec, &got),
			 0);
	if (got != want)
		fail_msg("%s: wall %04d-%02d-%02d %02d:%02d:%02d is %lld, glibc %lld", zone,
			 f.tm_year + 1900, f.tm_mon + 1, f.tm_mday, f.tm_hour, f.tm_min, f.tm_sec,
			 (long long)got, (long long)want);
}

/* Around a change of offset at T (FROM before, TO after): instants, and wall times either side. */
static void check_transition(const char *zone, int64_t t, long from, long to)
{
	for (int d = -1; d <= 1; d++)
		same_local(zone, t + d);
	for (int d = -1; d <= 1; d++) {
		same_utc(zone, t + from + d);
		same_utc(zone, t + to + d);
	}
	same_utc(zone, t + (from + to) / 2); /* inside the gap or the repeat */
}

/* The first instant in (LO, HI] whose glibc offset is not the one at LO. */
static int64_t glibc_change(const char *zone, int64_t lo, int64_t hi)
{
	long off = glibc_offset(zone, lo);

	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;

		if (glibc_offset(zone, mid) == off)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

static uint64_t rnd_state = 0x9e3779b97f4a7c15u;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/*
 * One zone. Its changes of offset from 1970 to 2040 are found twice: by glibc, stepping six days
 * at a time and bisecting (which misses two changes in one step that cancel out), each checked
 * both ways, and from the TZif file by tzfile.c (which a bug could make miss some), instants
 * either side. Then random instants of 1900-2100, and a few far off where glibc answers alone.
 */
static int check_zone(const char *zone)
{
	const int64_t from = utc(1970, 1, 1, 0, 0), to = utc(2040, 1, 1, 0, 0);
	const int64_t span = utc(2100, 1, 1, 0, 0) - utc(1900, 1, 1, 0, 0);
	int64_t t = from, step = 6 * 86400;
	long off = glibc_offset(zone, t);
	struct tzfile z;
	char path[256];
	int changes = 0;

	while (t < to) {
		int64_t c;

		if (glibc_offset(zone, t + step) == off) {
			t += step;
			continue;
		}
		c = glibc_change(zone, t, t + step);
		check_transition(zone, c, off, glibc_offset(zone, c));
		changes++;
		t = c, off = glibc_offset(zone, c);
	}
	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
	if (tzfile_load(path, &z) == 0) {
		for (size_t k = 1; k < z.n; k++)
			if (z.at[k] >= from && z.at[k] < to) /* wall times: done above */
				for (int d = -1; d <= 1; d++)
					same_local(zone, z.at[k] + d);
		tzfile_free(&z);
	}
	for (int i = 0; i < 120; i++) {
		t = utc(1900, 1, 1, 0, 0) + (int64_t)(rnd() % (uint64_t)span);
		same_local(zone, t);
		same_utc(zone, t);
	}
	same_local(zone, ((int64_t)1 << 40) - 1);
	same_local(zone, (int64_t)1 << 40);
	same_local(zone, -((int64_t)1 << 40));
	same_local(zone, (int64_t)1 << 45);
	same_utc(zone, utc(9000, 6, 1, 12, 0));
	return changes;
}

/* Every zone of zone1970.tab, and a few that are not in it, as glibc converts them. */
static void test_same_as_glibc(void **state)
{
	static const char *const more[] = { "UTC", "Etc/UTC", "Etc/GMT+3", "Europe/Kiev" };
	FILE *f = fopen("/usr/share/zoneinfo/zone1970.tab", "r");
	char line[1024];
	int zones = 0, changes = 0;

	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		char *zone;

		if (line[0] == '#' || strtok(line, "\t") == NULL || strtok(NULL, "\t") == NULL ||
		    (zone = strtok(NULL, "\t\n")) == NULL)
			continue;
		if (!tz_valid(zone)) /* newer than libical's list */
			continue;
		changes += check_zone(zone);
		zones++;
	}
	fclose(f);
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		check_zone(more[i]);
	assert_true(zones > 250);
	assert_true(changes > 10000);
	unsetenv("TZ");
}

static void test_shutdown(void **state)
{
	tz_shutdown();
	assert_true(tz_valid("Europe/Kyiv"));
	tz_shutdown();
	tz_shutdown();
}

/* 03:30 on 25.10.2026 in Kyiv occurs twice: tz_twice gives both; the fold chooses. */
static void test_kyiv_twice(void **state)
{
	int64_t summer = 0, winter = 0, t = 0;

	assert_int_equal(tz_twice("Europe/Kyiv", 2026, 10, 25, 3, 30, 0, &summer, &winter), 1);
	assert_int_equal(summer, utc(2026, 10, 25, 0, 30)); /* EEST, UTC+3 */
	assert_int_equal(winter, utc(2026, 10, 25, 1, 30)); /* EET, UTC+2 */
	assert_int_equal(tz_to_utc_fold("Europe/Kyiv", 2026, 10, 25, 3, 30, 0, 1, &t), 0);
	assert_int_equal(t, utc(2026, 10, 25, 1, 30));
	assert_int_equal(tz_to_utc_fold("Europe/Kyiv", 2026, 10, 25, 3, 30, 0, 0, &t), 0);
	assert_int_equal(t, utc(2026, 10, 25, 0, 30));
	/* Once: the hour before, the hour after, a skipped time in spring, a zone without DST. */
	assert_int_equal(tz_twice("Europe/Kyiv", 2026, 10, 25, 2, 30, 0, &summer, &winter), 0);
	assert_int_equal(summer, winter);
	assert_int_equal(tz_twice("Europe/Kyiv", 2026, 10, 25, 4, 0, 0, &summer, &winter), 0);
	assert_int_equal(tz_twice("Europe/Kyiv", 2026, 3, 29, 3, 30, 0, &summer, &winter), 0);
	assert_int_equal(summer, utc(2026, 3, 29, 1, 30));
	assert_int_equal(tz_twice("Asia/Krasnoyarsk", 2026, 10, 25, 3, 30, 0, &summer, &winter), 0);
	assert_int_equal(tz_twice("Mars/Base", 2026, 10, 25, 3, 30, 0, &summer, &winter), -1);
	/* Winter on a time that occurs once changes nothing. */
	assert_int_equal(tz_to_utc_fold("Europe/Kyiv", 2026, 10, 24, 10, 0, 0, 1, &t), 0);
	assert_int_equal(t, utc(2026, 10, 24, 7, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_system_default), /* first: before any conversion */
		cmocka_unit_test(test_helper_utc),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_unknown_zone),
		cmocka_unit_test(test_krasnoyarsk),
		cmocka_unit_test(test_kyiv_autumn),
		cmocka_unit_test(test_kyiv_spring),
		cmocka_unit_test(test_kyiv_twice),
		cmocka_unit_test(test_kiev_alias),
		cmocka_unit_test(test_utc),
		cmocka_unit_test(test_sao_paulo),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_same_as_glibc),
		cmocka_unit_test(test_shutdown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
