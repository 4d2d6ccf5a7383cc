/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "time/when.h"
#include "time/when_format.h"
#include "time/when_shift.h"

/*
 * Next year's WHEN: every form the sample plan of 2017 uses (data/nadezhda-2017.csv), moved to
 * 2018 (364 days: Wednesday 8 November 2017 to Wednesday 7 November 2018), written as it was.
 */

static const struct when_ctx y2017 = { 2017, 11, 8, 2017, 11, 15 };
static const struct when_ctx y2018 = { 2018, 11, 7, 2018, 11, 14 };

static void moved(const char *text, int as_deadline, int days, const char *want)
{
	struct when w;
	char *got = when_shift_rewrite(text, &y2017, &y2018, as_deadline, days, "ru", &w, NULL);

	if (got == NULL || strcmp(got, want) != 0) {
		print_error("«%s» became «%s», not «%s»\n", text, got ? got : "(null)", want);
		free(got);
		fail();
	}
	free(got);
}

static void sample_forms(void **state)
{
	(void)state;
	moved("14.11 в 15.00", 0, 364, "13.11 в 15.00");
	moved("14.11 в 16.30", 0, 364, "13.11 в 16.30");
	moved("14.11 16.00", 0, 364, "13.11 16.00");
	moved("14.11 9.00-18.00", 0, 364, "13.11 9.00-18.00");
	moved("15.11\n14.00", 0, 364, "14.11\n14.00");
	moved("10.11.2017\n10.00", 0, 364, "09.11.2018\n10.00");
	moved("до 08.11.2017", 0, 364, "до 07.11.2018");
	moved("До 24.11.2017", 0, 364, "До 23.11.2018");
	moved("08.11. - 15.11. 2017", 0, 364, "07.11. - 14.11. 2018");
}

/* The sample's typo year and its month deadline: read in 2017's plan, moved a year on. */
static void typo_and_month(void **state)
{
	(void)state;
	moved("10.11.2016\n17:00", 0, 364, "09.11.2017\n17:00");
	moved("декабрь 2016", 0, 364, "декабрь 2017");
	moved("ноябрь 2017", 0, 364, "ноябрь 2018");
	moved("листопад 2017", 0, 364, "листопад 2018");
	/* From its middle: 364 days after November 2017 is November 2018, never October. */
	moved("до ноября 2017", 0, 364, "до ноября 2018");
}

static void other_forms(void **state)
{
	(void)state;
	moved("14 ноября в 15.00", 0, 364, "13 ноября в 15.00");
	moved("30 ноября 2017", 0, 2, "2 декабря 2017");
	moved("2017-11-14T15:00:00+07:00", 0, 364, "2018-11-13T15:00:00+07:00");
	moved("14.11.17 15:00", 0, 364, "13.11.18 15:00");
	moved("8.11", 0, 364, "7.11");
	/* --due: a plain date read as a deadline stays one. */
	moved("14.11", 1, 364, "13.11");
}

/* What cannot be rewritten in place is written in qweek's form, and still reads as moved. */
static void falls_back(void **state)
{
	struct when w;
	char *got;

	(void)state;
	/* A capital month word that must change: qweek's own form. */
	moved("Ноябрь 2017", 0, 30, "декабрь 2017");
	got = when_shift_rewrite("не дата", &y2017, &y2018, 0, 364, "ru", &w, NULL);
	assert_null(got);
}

static void format_forms(void **state)
{
	struct when w = { .kind = WHEN_DEADLINE };
	char buf[64];

	(void)state;
	w.due = (struct when_point){ .prec = WHEN_PREC_MONTH, .year = 2026, .month = 11 };
	assert_int_equal(when_format(&w, "uk", buf, sizeof buf), 0);
	assert_string_equal(buf, "листопад 2026");
	assert_string_equal(when_month_word(11, "ru", 0), "ноябрь");
	assert_string_equal(when_month_word(11, "uk", 1), "листопада");
	w.kind = WHEN_EVENT;
	w.start = (struct when_point){ .prec = WHEN_PREC_TIME, 2018, 11, 13, 9, 0, 0, 0 };
	w.end = w.start;
	w.end.hour = 18;
	assert_int_equal(when_format(&w, "ru", buf, sizeof buf), 0);
	assert_string_equal(buf, "13.11.2018 09:00-18:00");
	assert_int_equal(when_format(&w, "ru", buf, 8), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sample_forms), cmocka_unit_test(typo_and_month),
		cmocka_unit_test(other_forms),	cmocka_unit_test(falls_back),
		cmocka_unit_test(format_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
