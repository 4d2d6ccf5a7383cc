/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "feed/export_when.h"
#include "time/moment.h"

/*
 * The WHEN a CSV export writes: as typed when the import reads it back as the same time, else
 * written out from what is stored, the way the import reads it as the same kind, start, end and
 * due (deadlines given with --due, times the plan's local time cannot name, years that moved).
 */

static struct plan plan_in(const char *tz, const char *lang)
{
	struct plan p = { 0 };

	p.tz = (char *)tz;
	p.lang = (char *)lang;
	memcpy(p.first_day, "2017-11-13", 11);
	memcpy(p.last_day, "2017-11-17", 11);
	return p;
}

/* What export writes for an item that was typed as TYPED (AS_DEADLINE: with --due) in plan P,
 * and then shows WHEN_TEXT. */
static void writes(const struct plan *p, const char *typed, int as_deadline, const char *when_text,
		   const char *want)
{
	struct export_when w;
	struct when parsed;
	struct moment m;
	struct error err = ERROR_INIT;
	struct item it = { 0 };
	char buf[160];
	const char *got;

	export_when_init(&w, p);
	assert_int_equal(when_parse(typed, &w.ctx, as_deadline, &parsed, NULL), 0);
	assert_int_equal(moment_from_when(&parsed, p->tz, &m, &err), 0);
	it.kind = m.kind;
	it.start_at = m.start;
	it.end_at = m.end;
	it.due_at = m.due;
	it.at = m.at;
	it.late_after = m.late_after;
	it.when_text = when_text;
	got = export_when_text(&w, &it, buf, sizeof buf);
	assert_string_equal(got, want);
	if (strcmp(want, when_text) == 0)
		assert_ptr_equal(got, when_text); /* kept, not copied */
}

static void test_kept_as_typed(void **state)
{
	struct plan p = plan_in("Asia/Krasnoyarsk", "ru");

	writes(&p, "14.11 в 15.00", 0, "14.11 в 15.00", "14.11 в 15.00");
	writes(&p, "13.11-15.11", 0, "13.11-15.11", "13.11-15.11");
	writes(&p, "до 24.11", 1, "до 24.11", "до 24.11");
	writes(&p, "декабрь 2017", 1, "декабрь 2017", "декабрь 2017");
	writes(&p, "2017-11-14T15:00:00+07:00", 0, "2017-11-14T15:00:00+07:00",
	       "2017-11-14T15:00:00+07:00");
}

static void test_deadlines_given_with_due(void **state)
{
	struct plan ru = plan_in("Asia/Krasnoyarsk", "ru"), uk = plan_in("Europe/Kyiv", "uk"),
		    en = plan_in("Europe/Kyiv", "en");

	writes(&ru, "17.11", 1, "17.11", "до 17.11.2017");
	writes(&ru, "16.11 18:00", 1, "16.11 18:00", "до 16.11.2017 18:00");
	writes(&ru, "16.11 9.00:30", 1, "16.11 9.00:30", "до 16.11.2017 09:00:30");
	writes(&ru, "2017-11-16T10:00:00Z", 1, "2017-11-16T10:00:00Z", "до 16.11.2017 17:00");
	writes(&uk, "17.11", 1, "17.11", "до 17.11.2017");
	writes(&en, "17.11", 1, "17.11", "by 17.11.2017");
}

static void test_written_out(void **state)
{
	struct plan ru = plan_in("Asia/Krasnoyarsk", "ru"), uk = plan_in("Europe/Kyiv", "uk"),
		    en = plan_in("Europe/Kyiv", "en");

	/* A WHEN that no longer reads as what is stored (or never did): from the stored time. */
	writes(&ru, "14.11 в 15.00", 0, "?", "14.11.2017 15:00");
	writes(&ru, "14.11 15.00-17.00", 0, "?", "14.11.2017 15:00 - 14.11.2017 17:00");
	writes(&ru, "13.11-15.11", 0, "?", "13.11.2017 - 15.11.2017");
	writes(&ru, "15.11", 0, "?", "15.11.2017");
	writes(&ru, "декабрь 2017", 0, "?", "декабрь 2017");
	writes(&uk, "грудень 2017", 0, "?", "грудень 2017");
	writes(&en, "December 2017", 0, "?", "December 2017");
	writes(&ru, "14.11.2018 15:00", 0, "14.11 15.00", "14.11.2018 15:00"); /* the year moved */
}

static void test_hour_the_clocks_go_back(void **state)
{
	struct plan p = plan_in("Europe/Kyiv", "ru");

	/* 03:30 on 29.10.2017 came twice in Kyiv; local time names the first one only. */
	writes(&p, "29.10.2017 03:30", 1, "29.10.2017 03:30", "до 29.10.2017 03:30");
	writes(&p, "2017-10-29T03:30:00+03:00", 1, "?", "до 29.10.2017 03:30");
	writes(&p, "2017-10-29T03:30:00+02:00", 1, "2017-10-29T03:30:00+02:00",
	       "до 2017-10-29T03:30:00+02:00");
	writes(&p, "2017-10-29T03:10:00+02:00/2017-10-29T03:40:00+02:00", 0, "?",
	       "2017-10-29T03:10:00+02:00/2017-10-29T03:40:00+02:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_as_typed),
		cmocka_unit_test(test_deadlines_given_with_due),
		cmocka_unit_test(test_written_out),
		cmocka_unit_test(test_hour_the_clocks_go_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
