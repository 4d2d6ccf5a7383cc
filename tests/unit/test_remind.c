/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "remind/remind_occur.h"
#include "core/remind_rule.h"
#include "time/civil.h"

/*
 * When reminders fire: calendar days in the plan's zone, 09:00 on both sides of a daylight-
 * saving change, working days for overdue notices; and the rules as people write them.
 */

#define KRSK "Asia/Krasnoyarsk"
#define KYIV "Europe/Kyiv"

/* Seconds since the epoch of a UTC time. */
static int64_t utc(int y, int mo, int d, int h, int mi)
{
	return civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static struct remind_rule rule(enum remind_type type, int64_t amount)
{
	struct remind_rule r = { type, amount };

	return r;
}

static int64_t fire(struct remind_rule r, const char *kind, const char *stored, int64_t at,
		    int64_t late_after, const char *tz)
{
	struct remind_subject s = { kind, stored, at, late_after };
	int64_t t = 0;

	assert_int_equal(remind_fire(&r, &s, tz, &t), 1);
	return t;
}

static int applies(struct remind_rule r, const char *kind, const char *stored, int64_t at,
		   int64_t late_after, const char *tz)
{
	struct remind_subject s = { kind, stored, at, late_after };
	int64_t t;

	return remind_fire(&r, &s, tz, &t);
}

static void test_civil(void **state)
{
	int y, m, d;

	assert_int_equal(utc(2017, 11, 14, 8, 0), 1510646400);
	civil_from_days(civil_days(2024, 2, 29) + 1, &y, &m, &d);
	assert_int_equal(y * 10000 + m * 100 + d, 20240301);
	assert_int_equal(civil_weekday(civil_days(2017, 11, 14)), 2); /* Tue */
	assert_int_equal(civil_weekday(civil_days(2026, 10, 25)), 0); /* Sun */
}

/* Krasnoyarsk, UTC+7 all year: an event at 14.11.2017 15:00. */
static void test_event_timed(void **state)
{
	int64_t at = utc(2017, 11, 14, 8, 0);
	const char *st = "2017-11-14T08:00:00Z";

	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 1), "event", st, at, at, KRSK),
			 utc(2017, 11, 13, 8, 0));
	assert_int_equal(fire(rule(REMIND_BEFORE_SEC, 3600), "event", st, at, at, KRSK),
			 utc(2017, 11, 14, 7, 0));
	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 7), "event", st, at, at, KRSK),
			 utc(2017, 11, 7, 8, 0));
	/* "09:00" on the day: before 15:00, so it applies; "16:00" would be after the start. */
	assert_int_equal(fire(rule(REMIND_ON_DAY, 9 * 3600), "event", st, at, at, KRSK),
			 utc(2017, 11, 14, 2, 0));
	assert_int_equal(applies(rule(REMIND_ON_DAY, 16 * 3600), "event", st, at, at, KRSK), 0);
}

/* Whole days: an event on 10.11, a span from 08.11, reminded at 09:00 days before. */
static void test_whole_day(void **state)
{
	int64_t at = utc(2017, 11, 9, 17, 0), late = utc(2017, 11, 10, 17, 0);

	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 1), "event", "2017-11-10", at, late, KRSK),
			 utc(2017, 11, 9, 2, 0));
	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 2), "span", "2017-11-08",
			      utc(2017, 11, 7, 17, 0), late, KRSK),
			 utc(2017, 11, 6, 2, 0));
	assert_int_equal(
		applies(rule(REMIND_BEFORE_SEC, 3600), "event", "2017-11-10", at, late, KRSK), 0);
	assert_int_equal(fire(rule(REMIND_ON_DAY, 9 * 3600), "event", "2017-11-10", at, late, KRSK),
			 utc(2017, 11, 10, 2, 0));
}

/* Deadlines: by a moment, by a day (due at its end), by a month (its last day). */
static void test_deadlines(void **state)
{
	int64_t at = utc(2017, 11, 16, 11, 0); /* 16.11.2017 18:00 */
	const char *st = "2017-11-16T11:00:00Z";
	int64_t day_at = utc(2017, 11, 16, 17, 0); /* the end of 16.11 */

	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 3), "deadline", st, at, at, KRSK),
			 utc(2017, 11, 13, 11, 0));
	assert_int_equal(fire(rule(REMIND_ON_DAY, 9 * 3600), "deadline", st, at, at, KRSK),
			 utc(2017, 11, 16, 2, 0));
	/* Due at 08:00: "09:00" on the day would come after it. */
	assert_int_equal(applies(rule(REMIND_ON_DAY, 9 * 3600), "deadline", "2017-11-16T01:00:00Z",
				 utc(2017, 11, 16, 1, 0), utc(2017, 11, 16, 1, 0), KRSK),
			 0);
	assert_int_equal(
		fire(rule(REMIND_BEFORE_DAYS, 3), "deadline", "2017-11-16", day_at, day_at, KRSK),
		utc(2017, 11, 13, 2, 0));
	assert_int_equal(
		fire(rule(REMIND_BEFORE_DAYS, 1), "deadline", "2017-11-16", day_at, day_at, KRSK),
		utc(2017, 11, 15, 2, 0));
	assert_int_equal(
		fire(rule(REMIND_ON_DAY, 9 * 3600), "deadline", "2017-11-16", day_at, day_at, KRSK),
		utc(2017, 11, 16, 2, 0));
	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 1), "deadline", "2017-12",
			      utc(2017, 12, 31, 17, 0), utc(2017, 12, 31, 17, 0), KRSK),
			 utc(2017, 12, 30, 2, 0));
	assert_int_equal(fire(rule(REMIND_ON_DAY, 9 * 3600), "deadline", "2024-02",
			      utc(2024, 2, 29, 17, 0), utc(2024, 2, 29, 17, 0), KRSK),
			 utc(2024, 2, 29, 2, 0));
}

/* Kyiv, 25.10.2026: 04:00 EEST becomes 03:00 EET (01:00Z). Days are calendar days. */
static void test_kyiv_autumn(void **state)
{
	int64_t sun10 = utc(2026, 10, 25, 8, 0), mon10 = utc(2026, 10, 26, 8, 0);

	/* "1d" before Sunday 10:00 EET is Saturday 10:00 EEST: 25 hours earlier, not 24. */
	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 1), "event", "2026-10-25T08:00:00Z", sun10,
			      sun10, KYIV),
			 utc(2026, 10, 24, 7, 0));
	assert_int_equal(fire(rule(REMIND_BEFORE_SEC, 3600), "event", "2026-10-25T08:00:00Z", sun10,
			      sun10, KYIV),
			 utc(2026, 10, 25, 7, 0));
	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 1), "event", "2026-10-26T08:00:00Z", mon10,
			      mon10, KYIV),
			 utc(2026, 10, 25, 8, 0));
	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 3), "deadline", "2026-10-26T08:00:00Z",
			      mon10, mon10, KYIV),
			 utc(2026, 10, 23, 7, 0));
	/* 03:30 on 25.10 happens twice; "1d" before either is 03:30 on the 24th, once. */
	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 1), "event", "2026-10-25T00:30:00Z",
			      utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 0, 30), KYIV),
			 utc(2026, 10, 24, 0, 30));
	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 1), "event", "2026-10-25T01:30:00Z",
			      utc(2026, 10, 25, 1, 30), utc(2026, 10, 25, 1, 30), KYIV),
			 utc(2026, 10, 24, 0, 30));
	/* 09:00 on the day, on either side of the change. */
	assert_int_equal(fire(rule(REMIND_ON_DAY, 9 * 3600), "deadline", "2026-10-24",
			      utc(2026, 10, 24, 21, 0), utc(2026, 10, 24, 21, 0), KYIV),
			 utc(2026, 10, 24, 6, 0));
	assert_int_equal(fire(rule(REMIND_ON_DAY, 9 * 3600), "deadline", "2026-10-25",
			      utc(2026, 10, 25, 22, 0), utc(2026, 10, 25, 22, 0), KYIV),
			 utc(2026, 10, 25, 7, 0));
}

/* Kyiv, 29.03.2026: 03:00 EET becomes 04:00 EEST. */
static void test_kyiv_spring(void **state)
{
	int64_t sun10 = utc(2026, 3, 29, 7, 0);

	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 1), "event", "2026-03-29T07:00:00Z", sun10,
			      sun10, KYIV),
			 utc(2026, 3, 28, 8, 0));
	assert_int_equal(fire(rule(REMIND_BEFORE_DAYS, 1), "event", "2026-03-30T07:00:00Z",
			      utc(2026, 3, 30, 7, 0), utc(2026, 3, 30, 7, 0), KYIV),
			 utc(2026, 3, 29, 7, 0));
}

/* Overdue notices: working days at 09:00 after the item became late. */
static void test_overdue_days(void **state)
{
	int64_t t = 0;

	/* Late from Thu 16.11.2017 24:00 (Krasnoyarsk): Fri 09:00, then Mon 09:00. */
	assert_int_equal(remind_overdue_next(9 * 3600, utc(2017, 11, 16, 17, 0), 0, KRSK, &t), 1);
	assert_int_equal(t, utc(2017, 11, 17, 2, 0));
	assert_int_equal(remind_overdue_next(9 * 3600, utc(2017, 11, 16, 17, 0), t + 1, KRSK, &t),
			 1);
	assert_int_equal(t, utc(2017, 11, 20, 2, 0));
	/* Late at exactly 09:00: the first notice is the next working day's. */
	assert_int_equal(remind_overdue_next(9 * 3600, utc(2017, 11, 14, 2, 0), 0, KRSK, &t), 1);
	assert_int_equal(t, utc(2017, 11, 15, 2, 0));
	/* Kyiv across the change: Fri 23.10 09:00 EEST, then Mon 26.10 09:00 EET. */
	assert_int_equal(remind_overdue_next(9 * 3600, utc(2026, 10, 22, 21, 0), 0, KYIV, &t), 1);
	assert_int_equal(t, utc(2026, 10, 23, 6, 0));
	assert_int_equal(remind_overdue_next(9 * 3600, utc(2026, 10, 22, 21, 0), t + 1, KYIV, &t),
			 1);
	assert_int_equal(t, utc(2026, 10, 26, 7, 0));
	assert_int_equal(remind_overdue_next(-1, 0, 0, KYIV, &t), 0);
}

/* All occurrences in a window, in order; the latest overdue notices kept when there are many. */
static void test_occurrences(void **state)
{
	struct remind_rules d;
	struct remind_occ occ[4];
	int64_t day_at = utc(2017, 11, 16, 17, 0);
	struct remind_subject s = { "deadline", "2017-11-16", day_at, day_at };
	int64_t next = 0;
	int n;

	remind_rules_default(&d);
	n = remind_occurrences(&d.deadlines, d.overdue_at, &s, KRSK, utc(2017, 11, 1, 0, 0),
			       utc(2017, 11, 17, 2, 0), occ, 4);
	assert_int_equal(n, 4);
	assert_string_equal(occ[0].rule, "3d");
	assert_string_equal(occ[1].rule, "1d");
	assert_string_equal(occ[2].rule, "09:00");
	assert_string_equal(occ[3].rule, "overdue");
	assert_int_equal(occ[3].fire, utc(2017, 11, 17, 2, 0));
	/* Three weeks late: only the last overdue notices fit. */
	n = remind_occurrences(&d.deadlines, d.overdue_at, &s, KRSK, utc(2017, 11, 16, 3, 0),
			       utc(2017, 12, 8, 3, 0), occ, 4);
	assert_int_equal(n, 4);
	assert_true(occ[0].overdue && occ[3].overdue);
	assert_int_equal(occ[3].fire, utc(2017, 12, 8, 2, 0));
	assert_int_equal(occ[2].fire, utc(2017, 12, 7, 2, 0));
	assert_int_equal(
		remind_next(&d.deadlines, d.overdue_at, &s, KRSK, utc(2017, 11, 13, 2, 1), &next),
		1);
	assert_int_equal(next, utc(2017, 11, 15, 2, 0));
	assert_int_equal(remind_next(&d.deadlines, -1, &s, KRSK, utc(2017, 11, 16, 2, 1), &next),
			 0);
}

static void list_is(const char *text, const char *want)
{
	struct remind_list l;
	struct error err = ERROR_INIT;
	char buf[128];

	assert_int_equal(remind_list_parse(text, &l, &err), 0);
	remind_list_format(&l, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void list_refused(const char *text)
{
	struct remind_list l;
	struct error err = ERROR_INIT;

	assert_int_equal(remind_list_parse(text, &l, &err), -1);
	assert_int_equal(err.kind, ERR_INVALID);
	assert_non_null(err.message);
	error_clear(&err);
}

static void test_rules_text(void **state)
{
	struct remind_rules d;
	struct error err = ERROR_INIT;
	enum remind_section sec;
	const char *rest;
	char buf[128];
	int at;

	list_is("2h,1d", "1d, 2h");
	list_is("1d 1d 2h 9:00", "1d, 2h, 09:00");
	list_is("90m, 14d, 24h", "2w, 24h, 90m");
	list_is("2ч, 1д", "1d, 2h");
	list_is("none", "none");
	list_refused("2x");
	list_refused("none, 1d");
	list_refused("");
	list_refused("61d");
	list_refused("25:00");
	list_refused("1d,2d,3d,4d,5d,6d,7d,8d,9d");
	remind_rules_default(&d);
	remind_list_format(&d.events, buf, sizeof buf);
	assert_string_equal(buf, "1d, 1h");
	remind_list_format(&d.deadlines, buf, sizeof buf);
	assert_string_equal(buf, "3d, 1d, 09:00");
	assert_int_equal(d.overdue_at, 9 * 3600);
	assert_int_equal(remind_section_split("deadlines: 1w, 1d", &sec, &rest, &err), 0);
	assert_int_equal(sec, REMIND_SEC_DEADLINES);
	assert_string_equal(rest, "1w, 1d");
	assert_int_equal(remind_section_split("События 2d", &sec, &rest, &err), 0);
	assert_int_equal(sec, REMIND_SEC_EVENTS);
	assert_int_equal(remind_section_split("default", &sec, &rest, &err), 0);
	assert_int_equal(sec, REMIND_SEC_DEFAULT);
	assert_int_equal(remind_section_split("whenever 2d", &sec, &rest, &err), -1);
	error_clear(&err);
	assert_int_equal(remind_overdue_parse("10.30", &at, &err), 0);
	assert_int_equal(at, 10 * 3600 + 30 * 60);
	assert_int_equal(remind_overdue_parse("none", &at, &err), 0);
	assert_int_equal(at, -1);
}

/* Overdue times refuse what follows the time, quoting it. */
static void overdue_refused(const char *text, const char *message)
{
	struct error err = ERROR_INIT;
	int at;

	assert_int_equal(remind_overdue_parse(text, &at, &err), -1);
	assert_int_equal(err.kind, ERR_INVALID);
	assert_string_equal(err.message, message);
	error_clear(&err);
}

static void test_clock_alone(void **state)
{
	struct error err = ERROR_INIT;
	const char *extra = "";
	int at = 0;

	assert_int_equal(remind_clock_parse(" 8.30 ", &at, &extra), 0);
	assert_int_equal(at, 8 * 3600 + 30 * 60);
	assert_null(extra);
	assert_int_equal(remind_clock_parse("немає", &at, &extra), 0);
	assert_int_equal(at, -1);
	assert_int_equal(remind_clock_parse("8.30 tomorrow", &at, &extra), 1);
	assert_string_equal(extra, "tomorrow");
	assert_int_equal(remind_clock_parse("none at\tall ", &at, &extra), 1);
	assert_string_equal(extra, "at\tall ");
	assert_int_equal(remind_clock_parse("tomorrow 8.30", &at, &extra), -1);
	assert_null(extra);
	assert_int_equal(remind_clock_parse("", &at, &extra), -1);
	assert_int_equal(remind_clock_parse("8", &at, &extra), -1);
	assert_int_equal(remind_overdue_parse("10:00 ", &at, &err), 0);
	assert_int_equal(at, 10 * 3600);
	overdue_refused("10:00 every day", "«every day» is not understood in overdue «10:00 every "
					   "day»: write the time they go on working days (09:00), "
					   "or none");
	overdue_refused("none please ", "«please» is not understood in overdue «none please»: "
					"write the time they go on working days (09:00), or none");
	overdue_refused("25:00", "overdue «25:00»: write the time they go on working days "
				 "(09:00), or none");
	overdue_refused(" ", "say when overdue notices go: 09:00, or none");
}

static void test_sub_day(void **state)
{
	struct remind_list l;
	struct error err = ERROR_INIT;
	char buf[64] = "x";

	assert_int_equal(remind_list_parse("1d, 30m, 09:00, 2h", &l, &err), 0);
	assert_int_equal(remind_list_sub_day(&l, buf, sizeof buf), 2);
	assert_string_equal(buf, "2h, 30m");
	assert_int_equal(remind_list_parse("1w, 1d, 09:00", &l, &err), 0);
	assert_int_equal(remind_list_sub_day(&l, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(remind_list_parse("none", &l, &err), 0);
	assert_int_equal(remind_list_sub_day(&l, buf, sizeof buf), 0);
}

static void test_director(void **state)
{
	assert_true(remind_is_director("директор"));
	assert_true(remind_is_director("Директор"));
	assert_true(remind_is_director("ДИРЕКТОРКА"));
	assert_true(remind_is_director("Director"));
	assert_true(remind_is_director("директор МБУ «Надежда»"));
	assert_false(remind_is_director("Заместитель директора"));
	assert_false(remind_is_director("директора"));
	assert_false(remind_is_director(""));
	assert_false(remind_is_director(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_civil),	     cmocka_unit_test(test_event_timed),
		cmocka_unit_test(test_whole_day),    cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_kyiv_autumn),  cmocka_unit_test(test_kyiv_spring),
		cmocka_unit_test(test_overdue_days), cmocka_unit_test(test_occurrences),
		cmocka_unit_test(test_rules_text),   cmocka_unit_test(test_clock_alone),
		cmocka_unit_test(test_sub_day),	     cmocka_unit_test(test_director),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
