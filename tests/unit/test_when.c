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

/* The WHEN parser: every form the design promises, year inference, and each refusal. */

/* Quality Week 2017: 8 to 24 November. */
static const struct when_ctx plan = { 2017, 11, 8, 2017, 11, 24 };
/* A plan over the new year. */
static const struct when_ctx newyear = { 2017, 12, 28, 2018, 1, 5 };

static struct when parse_with(const char *text, const struct when_ctx *ctx, int as_deadline)
{
	struct when w;
	char *cause = NULL;

	if (when_parse(text, ctx, as_deadline, &w, &cause) != 0) {
		print_error("«%s» refused: %s\n", text, cause != NULL ? cause : "(null)");
		free(cause);
		fail();
	}
	assert_null(cause);
	return w;
}

static struct when parse_ok(const char *text)
{
	return parse_with(text, &plan, 0);
}

/* Asserts that TEXT is refused with a one-line cause containing each of the NULL-ended parts. */
static void refused_with(const char *text, const struct when_ctx *ctx, int as_deadline, ...)
{
	struct when w;
	char *cause = NULL;
	const char *part;
	va_list ap;

	if (when_parse(text, ctx, as_deadline, &w, &cause) == 0) {
		print_error("«%s» was accepted\n", text);
		fail();
	}
	assert_non_null(cause);
	assert_null(strchr(cause, '\n'));
	va_start(ap, as_deadline);
	while ((part = va_arg(ap, const char *)) != NULL) {
		if (strstr(cause, part) == NULL) {
			print_error("cause for «%s» is «%s», lacks «%s»\n", text, cause, part);
			va_end(ap);
			free(cause);
			fail();
		}
	}
	va_end(ap);
	free(cause);
}

#define refused(text, ...) refused_with(text, &plan, 0, __VA_ARGS__, (const char *)NULL)

static void point_is(const struct when_point *p, enum when_prec prec, int y, int mo, int d, int h,
		     int mi, int s, int off)
{
	assert_int_equal(p->prec, prec);
	assert_int_equal(p->year, y);
	assert_int_equal(p->month, mo);
	assert_int_equal(p->day, d);
	assert_int_equal(p->hour, h);
	assert_int_equal(p->minute, mi);
	assert_int_equal(p->second, s);
	assert_int_equal(p->offset_sec, off);
}

static void none(const struct when_point *p)
{
	point_is(p, WHEN_PREC_NONE, 0, 0, 0, 0, 0, 0, 0);
}

static void event_at(const char *text, int y, int mo, int d, int h, int mi)
{
	struct when w = parse_ok(text);

	assert_int_equal(w.kind, WHEN_EVENT);
	point_is(&w.start, WHEN_PREC_TIME, y, mo, d, h, mi, 0, 0);
	none(&w.end);
	none(&w.due);
}

static void event_on(const char *text, const struct when_ctx *ctx, int y, int mo, int d)
{
	struct when w = parse_with(text, ctx, 0);

	assert_int_equal(w.kind, WHEN_EVENT);
	point_is(&w.start, WHEN_PREC_DATE, y, mo, d, 0, 0, 0, 0);
	none(&w.end);
	none(&w.due);
}

static void event_from_to(const char *text, int d1, int h1, int m1, int d2, int h2, int m2)
{
	struct when w = parse_ok(text);

	assert_int_equal(w.kind, WHEN_EVENT);
	point_is(&w.start, WHEN_PREC_TIME, 2017, 11, d1, h1, m1, 0, 0);
	point_is(&w.end, WHEN_PREC_TIME, 2017, 11, d2, h2, m2, 0, 0);
	none(&w.due);
}

static void span(const char *text, const struct when_ctx *ctx, int y1, int mo1, int d1, int y2,
		 int mo2, int d2)
{
	struct when w = parse_with(text, ctx, 0);

	assert_int_equal(w.kind, WHEN_SPAN);
	point_is(&w.start, WHEN_PREC_DATE, y1, mo1, d1, 0, 0, 0, 0);
	point_is(&w.end, WHEN_PREC_DATE, y2, mo2, d2, 0, 0, 0, 0);
	none(&w.due);
}

static void due(const char *text, const struct when_ctx *ctx, int as_deadline, enum when_prec prec,
		int y, int mo, int d, int h, int mi)
{
	struct when w = parse_with(text, ctx, as_deadline);

	assert_int_equal(w.kind, WHEN_DEADLINE);
	point_is(&w.due, prec, y, mo, d, h, mi, 0, 0);
	none(&w.start);
	none(&w.end);
}

static void due_month(const char *text, const struct when_ctx *ctx, int y, int mo)
{
	due(text, ctx, 0, WHEN_PREC_MONTH, y, mo, 0, 0, 0);
}

/* Forms. */

static void test_date_and_time(void **state)
{
	event_at("14.11.2017 15:00", 2017, 11, 14, 15, 0);
	event_at("14.11 15.00", 2017, 11, 14, 15, 0);
	event_at("14.11 в 15.00", 2017, 11, 14, 15, 0);
	event_at("14.11 о 15:00", 2017, 11, 14, 15, 0);
	event_at("14.11 at 15:00", 2017, 11, 14, 15, 0);
	event_at("14.11, 15:00", 2017, 11, 14, 15, 0);
	event_at("14.11 В 16.30", 2017, 11, 14, 16, 30);
	event_at("14.11 15.00 ч.", 2017, 11, 14, 15, 0);
	event_at("14.11 3:30 PM", 2017, 11, 14, 15, 30);
	event_at("14.11 12 am", 2017, 11, 14, 0, 0);
}

static void test_time_notations(void **state)
{
	event_at("14.11 9.00", 2017, 11, 14, 9, 0);
	event_at("14.11 9:00", 2017, 11, 14, 9, 0);
	event_at("14.11 09:00", 2017, 11, 14, 9, 0);
	event_at("14.11 09:05", 2017, 11, 14, 9, 5);
}

static void test_spreadsheet_cells(void **state)
{
	event_at("10.11.2017\n10.00", 2017, 11, 10, 10, 0);
	event_at("15.11\n14.00", 2017, 11, 15, 14, 0);
	event_at("  14.11\r\n\t15:00  ", 2017, 11, 14, 15, 0);
	event_at("14.11\xc2\xa0"
		 "15:00",
		 2017, 11, 14, 15, 0); /* a no-break space */
}

static void test_short_year_and_dots(void **state)
{
	event_on("14.11.17", &plan, 2017, 11, 14);
	event_on("14.11.", &plan, 2017, 11, 14);
	event_on("1.1.2018", &plan, 2018, 1, 1);
	event_on("10.11.2017г.", &plan, 2017, 11, 10);
	event_on("10.11.2017 г.", &plan, 2017, 11, 10);
	event_at("14.11.17 15:00", 2017, 11, 14, 15, 0);
}

static void test_time_range(void **state)
{
	event_from_to("14.11 9.00-18.00", 14, 9, 0, 14, 18, 0);
	event_from_to("14.11 9.00 - 18.00", 14, 9, 0, 14, 18, 0);
	event_from_to("14.11 с 9.00 до 18.00", 14, 9, 0, 14, 18, 0);
	event_from_to("14.11 з 9:00 до 18:00", 14, 9, 0, 14, 18, 0);
	event_from_to("14.11 9:00\xe2\x80\x93"
		      "18:00",
		      14, 9, 0, 14, 18, 0); /* en dash */
	event_from_to("14.11 9:00\xe2\x80\x94"
		      "18:00",
		      14, 9, 0, 14, 18, 0); /* em dash */
	event_from_to("14.11 from 9:00 to 18:00", 14, 9, 0, 14, 18, 0);
	event_from_to("14.11 9.00-10.30", 14, 9, 0, 14, 10, 30);
	event_from_to("14.11 9.00-10.11", 14, 9, 0, 14, 10, 11);
}

static void test_event_across_days(void **state)
{
	event_from_to("14.11 15:00 - 15.11 12:00", 14, 15, 0, 15, 12, 0);
	event_from_to("14.11.2017 15:00 - 15.11.2017 12:00", 14, 15, 0, 15, 12, 0);
}

static void test_span_dotted(void **state)
{
	span("08.11. - 15.11. 2017", &plan, 2017, 11, 8, 2017, 11, 15);
	span("08.11.2017 - 15.11.2017", &plan, 2017, 11, 8, 2017, 11, 15);
	span("08.11-15.11.2017", &plan, 2017, 11, 8, 2017, 11, 15);
	span("08.11.-15.11.2017", &plan, 2017, 11, 8, 2017, 11, 15);
	span("с 14.11 по 18.11", &plan, 2017, 11, 14, 2017, 11, 18);
	span("08.11. - 15.11. 2016", &plan, 2016, 11, 8, 2016, 11, 15);
}

static void test_span_month_names(void **state)
{
	span("8-15 ноября 2017", &plan, 2017, 11, 8, 2017, 11, 15);
	span("с 08 по 15 ноября 2017 года", &plan, 2017, 11, 8, 2017, 11, 15);
	span("з 8 по 15 листопада", &plan, 2017, 11, 8, 2017, 11, 15);
	span("8\xe2\x80\x93"
	     "15 November 2017",
	     &plan, 2017, 11, 8, 2017, 11, 15);
	span("from 8 to 15 November 2017", &plan, 2017, 11, 8, 2017, 11, 15);
	span("30 ноября - 2 декабря", &plan, 2017, 11, 30, 2017, 12, 2);
}

static void test_single_day(void **state)
{
	event_on("10.11", &plan, 2017, 11, 10);
	event_on("10.11.2017", &plan, 2017, 11, 10);
	event_on("10 ноября", &plan, 2017, 11, 10);
	event_on("10 листопада 2017 р.", &plan, 2017, 11, 10);
	event_on("November 10, 2017", &plan, 2017, 11, 10);
	event_on("Nov. 10, 2017", &plan, 2017, 11, 10);
	event_on("10 November 2017", &plan, 2017, 11, 10);
	event_on("10 нояб. 2017", &plan, 2017, 11, 10);
	event_on("10.11.2017.", &plan, 2017, 11, 10);
}

static void test_single_day_with_time(void **state)
{
	event_at("14 ноября в 15:00", 2017, 11, 14, 15, 0);
	event_at("14 ноября 2017 года в 15:00", 2017, 11, 14, 15, 0);
	event_at("14 листопада о 15:00", 2017, 11, 14, 15, 0);
	event_at("November 14, 2017 at 3 pm", 2017, 11, 14, 15, 0);
}

static void test_deadlines(void **state)
{
	due("до 24.11.2017", &plan, 0, WHEN_PREC_DATE, 2017, 11, 24, 0, 0);
	due("До 24.11.2017", &plan, 0, WHEN_PREC_DATE, 2017, 11, 24, 0, 0);
	due("ДО 24.11.2017.", &plan, 0, WHEN_PREC_DATE, 2017, 11, 24, 0, 0);
	due("до 24.11 18:00", &plan, 0, WHEN_PREC_TIME, 2017, 11, 24, 18, 0);
	due("by 24.11.2017", &plan, 0, WHEN_PREC_DATE, 2017, 11, 24, 0, 0);
	due("until 24 November", &plan, 0, WHEN_PREC_DATE, 2017, 11, 24, 0, 0);
	due("не позднее 24.11", &plan, 0, WHEN_PREC_DATE, 2017, 11, 24, 0, 0);
	due("не пізніше 24.11", &plan, 0, WHEN_PREC_DATE, 2017, 11, 24, 0, 0);
	due("до 08.11.2017", &plan, 0, WHEN_PREC_DATE, 2017, 11, 8, 0, 0);
	due_month("до декабря 2017", &plan, 2017, 12);
	due_month("до конца ноября", &plan, 2017, 11);
}

static void test_months(void **state)
{
	due_month("декабрь 2017", &plan, 2017, 12);
	due_month("декабря 2017", &plan, 2017, 12);
	due_month("в декабре 2017", &plan, 2017, 12);
	due_month("грудень 2017", &plan, 2017, 12);
	due_month("грудня 2017", &plan, 2017, 12);
	due_month("у грудні 2017", &plan, 2017, 12);
	due_month("December 2017", &plan, 2017, 12);
	due_month("Dec 2017", &plan, 2017, 12);
	due_month("декабрь", &plan, 2017, 12);
	due_month("декабрь 2016", &plan, 2016, 12);
	due_month("декабрь 2017 года", &plan, 2017, 12);
	due_month("ДЕКАБРЬ 2017", &plan, 2017, 12);
	due_month("ГРУДНІ 2017", &plan, 2017, 12);
	due_month("Листопад 2017", &plan, 2017, 11);
}

/* Every month in every case the parser promises, in the three languages. */
static void test_month_names(void **state)
{
	static const char *const names[12][9] = {
		{ "январь", "января", "январе", "січень", "січня", "січні", "January", "Jan" },
		{ "февраль", "февраля", "феврале", "лютий", "лютого", "лютому", "February", "Feb" },
		{ "март", "марта", "марте", "березень", "березня", "березні", "March", "Mar" },
		{ "апрель", "апреля", "апреле", "квітень", "квітня", "квітні", "April", "Apr" },
		{ "май", "мая", "мае", "травень", "травня", "травні", "May" },
		{ "июнь", "июня", "июне", "червень", "червня", "червні", "June", "Jun" },
		{ "июль", "июля", "июле", "липень", "липня", "липні", "July", "Jul" },
		{ "август", "августа", "августе", "серпень", "серпня", "серпні", "August", "Aug" },
		{ "сентябрь", "сентября", "сентябре", "вересень", "вересня", "вересні", "September",
		  "Sep", "Sept" },
		{ "октябрь", "октября", "октябре", "жовтень", "жовтня", "жовтні", "October",
		  "Oct" },
		{ "ноябрь", "ноября", "ноябре", "листопад", "листопада", "листопаді", "November",
		  "Nov" },
		{ "декабрь", "декабря", "декабре", "грудень", "грудня", "грудні", "December",
		  "Dec" },
	};
	char text[64];
	int m, i;

	for (m = 0; m < 12; m++) {
		for (i = 0; i < 9 && names[m][i] != NULL; i++) {
			snprintf(text, sizeof text, "%s 2018", names[m][i]);
			due_month(text, &plan, 2018, m + 1);
			snprintf(text, sizeof text, "3 %s 2018", names[m][i]);
			event_on(text, &plan, 2018, m + 1, 3);
		}
	}
}

static void test_iso(void **state)
{
	struct when w;

	event_on("2017-11-14", &plan, 2017, 11, 14);
	event_at("2017-11-14T15:00", 2017, 11, 14, 15, 0);
	event_at("2017-11-14 15:00", 2017, 11, 14, 15, 0);
	event_at("2017-11-14T15:00:00", 2017, 11, 14, 15, 0);
	w = parse_ok("2017-11-14T15:00:30");
	point_is(&w.start, WHEN_PREC_TIME, 2017, 11, 14, 15, 0, 30, 0);
	due_month("2017-12", &plan, 2017, 12);
	span("2017-11-08/2017-11-15", &plan, 2017, 11, 8, 2017, 11, 15);
}

static void test_iso_instants(void **state)
{
	struct when w;

	w = parse_ok("2017-11-14T08:00:00Z");
	assert_int_equal(w.kind, WHEN_EVENT);
	point_is(&w.start, WHEN_PREC_INSTANT, 2017, 11, 14, 8, 0, 0, 0);
	none(&w.end);
	w = parse_ok("2017-11-14T15:00+07:00");
	point_is(&w.start, WHEN_PREC_INSTANT, 2017, 11, 14, 15, 0, 0, 25200);
	w = parse_ok("2017-11-14T15:00+0700");
	point_is(&w.start, WHEN_PREC_INSTANT, 2017, 11, 14, 15, 0, 0, 25200);
	w = parse_ok("2017-11-14T15:00-05:30");
	point_is(&w.start, WHEN_PREC_INSTANT, 2017, 11, 14, 15, 0, 0, -19800);
	/* "-16:00" can be no offset: it ends a range. */
	w = parse_ok("2017-11-14T15:00-16:00");
	point_is(&w.start, WHEN_PREC_TIME, 2017, 11, 14, 15, 0, 0, 0);
	point_is(&w.end, WHEN_PREC_TIME, 2017, 11, 14, 16, 0, 0, 0);
	/* 15:00+07:00 is 08:00Z, before 09:00Z. */
	w = parse_ok("2017-11-14T15:00+07:00/2017-11-14T09:00Z");
	point_is(&w.end, WHEN_PREC_INSTANT, 2017, 11, 14, 9, 0, 0, 0);
}

static void test_as_deadline(void **state)
{
	due("24.11.2017", &plan, 1, WHEN_PREC_DATE, 2017, 11, 24, 0, 0);
	due("до 24.11", &plan, 1, WHEN_PREC_DATE, 2017, 11, 24, 0, 0);
	due("24.11 18:00", &plan, 1, WHEN_PREC_TIME, 2017, 11, 24, 18, 0);
	due("декабрь 2017", &plan, 1, WHEN_PREC_MONTH, 2017, 12, 0, 0, 0);
	refused_with("08.11-15.11.2017", &plan, 1, "a deadline is one moment, not a range",
		     "«08.11-15.11.2017»", (const char *)NULL);
	refused_with("14.11 9.00-18.00", &plan, 1, "not a range", (const char *)NULL);
	refused("до 08.11-15.11", "not a range");
}

/* Year inference. */

static void test_year_from_plan(void **state)
{
	event_on("03.01", &newyear, 2018, 1, 3);
	event_on("28.12", &newyear, 2017, 12, 28);
	event_on("15.06", &newyear, 2018, 6, 15);
	event_on("01.01", &plan, 2018, 1, 1);
	event_on("01.06", &plan, 2017, 6, 1);
	span("30.12-02.01", &newyear, 2017, 12, 30, 2018, 1, 2);
	span("30 декабря - 2 января", &newyear, 2017, 12, 30, 2018, 1, 2);
	due_month("январь", &newyear, 2018, 1);
	due_month("декабрь", &newyear, 2017, 12);
	due_month("январь", &plan, 2018, 1);
}

static void test_year_from_range_end(void **state)
{
	span("28.12 - 05.01.2018", &plan, 2017, 12, 28, 2018, 1, 5);
	span("28.12.2016 - 05.01", &plan, 2016, 12, 28, 2017, 1, 5);
}

static void test_written_year_kept(void **state)
{
	struct when w = parse_ok("10.11.2016\n17:00");

	point_is(&w.start, WHEN_PREC_TIME, 2016, 11, 10, 17, 0, 0, 0);
	event_on("10.11.2030", &plan, 2030, 11, 10);
	due_month("декабрь 2016", &plan, 2016, 12);
}

static void test_leap_day(void **state)
{
	static const struct when_ctx p2024 = { 2024, 2, 20, 2024, 3, 1 };
	static const struct when_ctx p2026 = { 2026, 11, 9, 2026, 11, 13 };
	static const struct when_ctx p2027 = { 2027, 11, 9, 2027, 11, 13 };

	event_on("29.02.2016", &plan, 2016, 2, 29);
	event_on("29.02", &p2024, 2024, 2, 29);
	refused("29.02.2017", "«29.02.2017»", "February 2017 has 28 days");
	/* No year written: refused in the plan's year (2017), not in the nearest one (issue 14). */
	refused("29.02", "«29.02»", "February 2017 has 28 days");
	refused("31.02", "«31.02»", "February 2017 has 28 days");
	refused_with("31.02", &p2026, 0, "February 2026 has 28 days", NULL);
	/* A leap day the nearest year has is that year's. */
	event_on("29.02", &p2027, 2028, 2, 29);
	refused("29.02.2100", "February 2100 has 28 days");
}

static void test_no_plan(void **state)
{
	static const struct when_ctx zero;
	struct when w;

	refused_with("10.11", NULL, 0, "no year in «10.11» and no plan to take it from",
		     (const char *)NULL);
	refused_with("декабрь", &zero, 0, "no year in «декабрь»", (const char *)NULL);
	w = parse_with("10.11.2017 15:00", NULL, 0);
	point_is(&w.start, WHEN_PREC_TIME, 2017, 11, 10, 15, 0, 0, 0);
	w = parse_with("2017-11-10", &zero, 0);
	point_is(&w.start, WHEN_PREC_DATE, 2017, 11, 10, 0, 0, 0, 0);
}

/* The context made from a plan's stored days reads as the plan does. */
static void test_ctx_from_days(void **state)
{
	struct when_ctx c, bad;

	when_ctx_init(&c, "2017-12-28", "2018-01-05");
	assert_memory_equal(&c, &newyear, sizeof c);
	event_on("03.01", &c, 2018, 1, 3);
	when_ctx_init(&bad, "", "2018-01");
	assert_true(bad.from_year == 0 && bad.from_month == 0 && bad.from_day == 0);
	assert_true(bad.to_year == 2018 && bad.to_month == 1 && bad.to_day == 0);
}

/* Refusals. */

static void test_refuse_bad_fields(void **state)
{
	refused("32.13", "«32.13»", "month 13");
	refused("32.12", "«32.12»", "day 32");
	refused("00.11", "«00.11»", "day 0");
	refused("31.11.2017", "«31.11.2017»: November has 30 days");
	refused("2017-13", "«2017-13»", "month 13");
	refused("14.00.2017", "«14.00.2017»", "month 0");
}

static void test_refuse_bad_times(void **state)
{
	refused("25:00", "«25:00» is not a time of day (hours go from 0 to 23)");
	refused("14.11 25:00", "«25:00»", "hours go from 0 to 23");
	refused("14.11.2017 24:00", "«24:00»");
	refused("14.11 15:75", "«15:75»", "minutes");
	refused("14.11 15:00:61", "«15:00:61»", "seconds");
	refused("14.11 13 pm", "«13 pm»");
	refused("2017-11-14T15:00+15:00", "«+15:00»", "UTC offset");
	refused("2017-11-14T", "«2017-11-14T»", "T must be followed by a time");
}

static void test_refuse_reversed(void **state)
{
	refused("14.11 18:00-9:00", "the end «9:00» comes before the start «18:00»");
	refused("15.11-08.11.2017", "the end «08.11.2017» comes before the start «15.11»");
	refused("14.11 15:00 - 13.11 12:00", "the end «13.11 12:00»");
}

static void test_refuse_unknown(void **state)
{
	/* The examples are the plan's days (8 to 24 November 2017), in its language. */
	refused("завтра", "did not understand «завтра»: write a date such as 08.11.2017 15:00, "
			  "08.11-24.11.2017, до 24.11.2017 or ноябрь 2017");
	refused("ЗАВТРА в 15:00", "did not understand «ЗАВТРА в 15:00»");
	refused("14/11/2017", "«14/11/2017»");
	refused("до", "«до»");
}

static void test_refuse_empty(void **state)
{
	refused("", "the date is empty");
	refused("  \n\t ", "the date is empty");
	refused_with(NULL, &plan, 0, "the date is empty", (const char *)NULL);
}

static void test_refuse_trailing(void **state)
{
	refused("14.11 15:00 blah", "did not understand «blah» in «14.11 15:00 blah»");
	refused("14.11 в", "«в» in «14.11 в»");
	refused("14.11 -", "«-» in «14.11 -»");
	refused("14.11 9-18", "«9-18»");
}

static void test_refuse_years(void **state)
{
	refused("10.11.1850", "«10.11.1850»", "1850");
	refused("10.11.2300", "2300");
	refused("декабрь 1899", "1899");
	refused("10.11.201", "201");
}

static void test_refuse_shapes(void **state)
{
	refused("9:00", "«9:00» has no date");
	refused("с 9.00 до 18.00", "has no date");
	refused("14.11 - 15.11 12:00", "a time, or neither");
	refused("ноябрь-декабрь 2017", "range of months");
}

static void test_refuse_long_input(void **state)
{
	char text[4096 + 1];
	struct when w;
	char *cause = NULL;

	memset(text, '7', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	assert_int_equal(when_parse(text, &plan, 0, &w, &cause), -1);
	assert_non_null(cause);
	assert_true(strlen(cause) < 400);
	free(cause);
	for (size_t i = 0; i + 6 < sizeof text; i += 6)
		memcpy(text + i, "14.11 ", 6);
	assert_int_equal(when_parse(text, &plan, 0, &w, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "did not understand"));
	assert_true(strlen(cause) < 400);
	free(cause);
	/* No cause wanted: nothing leaks. */
	assert_int_equal(when_parse("завтра", &plan, 0, &w, NULL), -1);
}

/* TEXT parsed after FILLER: its result and cause into *W and *CAUSE; returns when_parse's. */
static int parse_after(const char *filler, const char *text, struct when *w, char **cause)
{
	struct when junk;
	char *junk_cause = NULL;

	when_parse(filler, &plan, 1, &junk, &junk_cause);
	free(junk_cause);
	return when_parse(text, &newyear, 0, w, cause);
}

/* TEXT gives the same after either filler: the parser keeps nothing between calls. */
static void same_after(const char *filler1, const char *filler2, const char *text)
{
	struct when w1, w2;
	char *cause1 = NULL, *cause2 = NULL;
	int r1 = parse_after(filler1, text, &w1, &cause1);
	int r2 = parse_after(filler2, text, &w2, &cause2);

	assert_int_equal(r1, r2);
	assert_memory_equal(&w1, &w2, sizeof w1);
	if (r1 == 0) {
		assert_null(cause1);
		assert_null(cause2);
	} else {
		assert_string_equal(cause1, cause2);
	}
	free(cause1);
	free(cause2);
}

static void test_no_state_between_calls(void **state)
{
	static const char *const texts[] = {
		"",
		"14.11",
		"14.11 в 15.00",
		"до 24.11.2017",
		"08.11 - 15.11",
		"декабрь 2017",
		"14.11 -",
		"14.11 15.00 -",
		"с 14.11 по",
		"2017-11-14T15:00+07",
		"завтра",
		"14.11 в",
		"31.12-02.01",
		"до",
		"14.11 15.00 - 16.00.",
		"14",
		"14.11 15",
		"декабрь",
		"14.11.",
		"15:00",
	};
	char numbers[1024] = "", words[1024] = "";

	for (int i = 0; i < 80; i++) {
		strcat(numbers, i % 2 ? "23:59 " : "12 ");
		strcat(words, i % 2 ? "декабрь " : "года ");
	}
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		same_after(numbers, words, texts[i]);
		same_after("", numbers, texts[i]);
	}
}

static void test_point_cmp(void **state)
{
	struct when_point a = { WHEN_PREC_DATE, 2017, 11, 14, 0, 0, 0, 0, WHEN_FOLD_NONE };
	struct when_point b = { WHEN_PREC_TIME, 2017, 11, 14, 9, 0, 0, 0, WHEN_FOLD_NONE };
	struct when_point m = { WHEN_PREC_MONTH, 2017, 11, 0, 0, 0, 0, 0, WHEN_FOLD_NONE };
	struct when_point i1 = { WHEN_PREC_INSTANT, 2017, 11, 14, 15, 0, 0, 25200, WHEN_FOLD_NONE };
	struct when_point i2 = { WHEN_PREC_INSTANT, 2017, 11, 14, 8, 0, 0, 0, WHEN_FOLD_NONE };
	struct when_point i3 = { WHEN_PREC_INSTANT, 2017, 11, 14, 8, 0, 1, 0, WHEN_FOLD_NONE };

	assert_true(when_point_cmp(&a, &b) < 0);
	assert_true(when_point_cmp(&b, &a) > 0);
	assert_int_equal(when_point_cmp(&a, &a), 0);
	assert_true(when_point_cmp(&m, &a) < 0);
	assert_int_equal(when_point_cmp(&i1, &i2), 0);
	assert_true(when_point_cmp(&i1, &i3) < 0);
	assert_true(when_point_cmp(&i3, &i2) > 0);
}

/* "(зимнее)", "(літній)", "(Winter)" after a time choose which 03:30 of a night clocks go back. */
static void test_fold_suffix(void **state)
{
	const struct when_ctx kyiv = { 2026, 10, 21, 2026, 10, 28 };
	struct when w = parse_with("25.10 03.30 (зимнее)", &kyiv, 0);

	assert_int_equal(w.start.prec, WHEN_PREC_TIME);
	assert_int_equal(w.start.hour, 3);
	assert_int_equal(w.start.minute, 30);
	assert_int_equal(w.start.fold, WHEN_FOLD_WINTER);
	w = parse_with("25.10 03.30 ( Літній )", &kyiv, 0);
	assert_int_equal(w.start.fold, WHEN_FOLD_SUMMER);
	w = parse_with("25.10 03.00-03.45 (Winter)", &kyiv, 0);
	assert_int_equal(w.start.fold, WHEN_FOLD_WINTER);
	assert_int_equal(w.end.fold, WHEN_FOLD_WINTER);
	w = parse_with("до 25.10.2026 03:30 (зимовий)", &kyiv, 0);
	assert_int_equal(w.due.fold, WHEN_FOLD_WINTER);
	w = parse_with("25.10 03.30", &kyiv, 0);
	assert_int_equal(w.start.fold, WHEN_FOLD_NONE);
	/* A day has no wall time to choose: the season is read and changes nothing. */
	w = parse_with("25.10 (зимнее)", &kyiv, 0);
	assert_int_equal(w.start.prec, WHEN_PREC_DATE);
	assert_int_equal(w.start.fold, WHEN_FOLD_NONE);
	refused_with("25.10 03.30 (осеннее)", &kyiv, 0, "осеннее", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_and_time),
		cmocka_unit_test(test_time_notations),
		cmocka_unit_test(test_spreadsheet_cells),
		cmocka_unit_test(test_short_year_and_dots),
		cmocka_unit_test(test_time_range),
		cmocka_unit_test(test_event_across_days),
		cmocka_unit_test(test_span_dotted),
		cmocka_unit_test(test_span_month_names),
		cmocka_unit_test(test_single_day),
		cmocka_unit_test(test_single_day_with_time),
		cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_month_names),
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_iso_instants),
		cmocka_unit_test(test_as_deadline),
		cmocka_unit_test(test_year_from_plan),
		cmocka_unit_test(test_year_from_range_end),
		cmocka_unit_test(test_written_year_kept),
		cmocka_unit_test(test_leap_day),
		cmocka_unit_test(test_no_plan),
		cmocka_unit_test(test_ctx_from_days),
		cmocka_unit_test(test_refuse_bad_fields),
		cmocka_unit_test(test_refuse_bad_times),
		cmocka_unit_test(test_refuse_reversed),
		cmocka_unit_test(test_refuse_unknown),
		cmocka_unit_test(test_refuse_empty),
		cmocka_unit_test(test_refuse_trailing),
		cmocka_unit_test(test_refuse_years),
		cmocka_unit_test(test_refuse_shapes),
		cmocka_unit_test(test_refuse_long_input),
		cmocka_unit_test(test_no_state_between_calls),
		cmocka_unit_test(test_point_cmp),
		cmocka_unit_test(test_fold_suffix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
