/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "import/import.h"
#include "import/import_names.h"

/*
 * Reading an iCalendar file's times (issue 12): a TZID of an IANA zone is the daemon's zone, a
 * VTIMEZONE of the file is read with bounded work, whatever its rules (libical's expansion of
 * RRULE:FREQ=SECONDLY held the daemon for good); and the names of a row stop at the limit.
 * Every file here is read in the plan's zone, Asia/Krasnoyarsk (UTC+7 all year).
 */

#define CRLF "\r\n"
#define HEAD "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:x" CRLF
#define TAIL "END:VCALENDAR" CRLF

/* A zone of the file: TZID, then one observance (STANDARD) from DTSTART with RULE. */
#define ZONE1(tzid, dtstart, rule, from, to)                                         \
	"BEGIN:VTIMEZONE" CRLF "TZID:" tzid CRLF "BEGIN:STANDARD" CRLF               \
	"DTSTART:" dtstart CRLF rule "TZOFFSETFROM:" from CRLF "TZOFFSETTO:" to CRLF \
	"END:STANDARD" CRLF "END:VTIMEZONE" CRLF

/* Central European time as Outlook writes it, under a name that is no IANA zone. */
#define CET_ZONE                                                                         \
	"BEGIN:VTIMEZONE" CRLF "TZID:W. Europe Standard Time" CRLF "BEGIN:STANDARD" CRLF \
	"DTSTART:16011028T030000" CRLF "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" CRLF    \
	"TZOFFSETFROM:+0200" CRLF "TZOFFSETTO:+0100" CRLF "END:STANDARD" CRLF            \
	"BEGIN:DAYLIGHT" CRLF "DTSTART:16010325T020000" CRLF                             \
	"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" CRLF "TZOFFSETFROM:+0100" CRLF          \
	"TZOFFSETTO:+0200" CRLF "END:DAYLIGHT" CRLF "END:VTIMEZONE" CRLF

#define EVENT(dtstart) \
	"BEGIN:VEVENT" CRLF "UID:e" CRLF dtstart CRLF "SUMMARY:e" CRLF "END:VEVENT" CRLF

/* Reads TEXT (iCalendar) into F; asserts it was read. */
static void read_ics(const char *text, struct import_file *f)
{
	struct import_opts o = { .format = IMPORT_ICS,
				 .tz = "Asia/Krasnoyarsk",
				 .when = { 2017, 11, 8, 2017, 11, 15 } };
	struct error err = ERROR_INIT;

	import_file_init(f, IMPORT_ICS);
	if (import_read(text, strlen(text), &o, f, &err) == -1)
		fail_msg("not read: %s", err.message);
	assert_true(f->nrows >= 1);
}

/* The WHEN of TEXT's only event, and whether a warning of it matches WARNING (or has none). */
static void check_when(const char *text, const char *when, const char *warning)
{
	struct import_file f;
	const struct import_row *r;
	const char *w;

	read_ics(text, &f);
	r = &f.rows[0];
	assert_null(r->refused);
	if (r->when == NULL || strcmp(r->when, when) != 0)
		fail_msg("WHEN «%s», expected «%s»", r->when ? r->when : "(null)", when);
	w = r->warnings != NULL ? json_string_value(json_array_get(r->warnings, 0)) : NULL;
	if (warning == NULL && w != NULL)
		fail_msg("unexpected warning «%s»", w);
	if (warning != NULL && (w == NULL || strstr(w, warning) == NULL))
		fail_msg("warning «%s», expected one with «%s»", w ? w : "(none)", warning);
	import_file_free(&f);
}

static void test_zone_bombs(void **state)
{
	(void)state;
	/* Each second a change to +0000 (libical expands it forever): +0000 is all it says. */
	check_when(HEAD ZONE1("Bomb/Zone", "20171101T000000", "RRULE:FREQ=SECONDLY" CRLF, "+0100",
			      "+0000") EVENT("DTSTART;TZID=Bomb/Zone:20171114T150000") TAIL,
		   "14.11.2017 22:00", NULL);
	/* Every day from 1601 (0.43 s through libical). */
	check_when(HEAD ZONE1("Daily/Zone", "16010101T000000", "RRULE:FREQ=DAILY" CRLF, "+0100",
			      "+0000") EVENT("DTSTART;TZID=Daily/Zone:20171114T150000") TAIL,
		   "14.11.2017 22:00", NULL);
	/* An IANA name is the daemon's zone, whatever the file says of it (here UTC+8). */
	check_when(HEAD ZONE1("Asia/Krasnoyarsk", "20171101T000000", "RRULE:FREQ=SECONDLY" CRLF,
			      "+0800", "+0800")
			   EVENT("DTSTART;TZID=Asia/Krasnoyarsk:20171114T150000") TAIL,
		   "14.11.2017 15:00", NULL);
	/* Different offsets by a rule that is not followed: said, and the plan's wall time. */
	check_when(HEAD "BEGIN:VTIMEZONE" CRLF "TZID:Odd" CRLF "BEGIN:STANDARD" CRLF
			"DTSTART:16010101T000000" CRLF "RRULE:FREQ=DAILY" CRLF
			"TZOFFSETFROM:+0200" CRLF "TZOFFSETTO:+0100" CRLF "END:STANDARD" CRLF
			"BEGIN:DAYLIGHT" CRLF "DTSTART:16010101T120000" CRLF "RRULE:FREQ=DAILY" CRLF
			"TZOFFSETFROM:+0100" CRLF "TZOFFSETTO:+0200" CRLF "END:DAYLIGHT" CRLF
			"END:VTIMEZONE" CRLF EVENT("DTSTART;TZID=Odd:20171114T150000") TAIL,
		   "14.11.2017 15:00", "«Odd» is defined in the file in a way that is not read");
}

static void test_zone_rules(void **state)
{
	(void)state;
	/* Winter (+0100) and summer (+0200) of a yearly rule, without expanding it from 1601. */
	check_when(HEAD CET_ZONE EVENT("DTSTART;TZID=W. Europe Standard Time:20171114T120000") TAIL,
		   "14.11.2017 18:00", NULL);
	check_when(HEAD CET_ZONE EVENT("DTSTART;TZID=W. Europe Standard Time:20170701T120000") TAIL,
		   "01.07.2017 17:00", NULL);
	/* 26.03.2017 02:30 does not exist: read with the offset before (01:30Z). */
	check_when(HEAD CET_ZONE EVENT("DTSTART;TZID=W. Europe Standard Time:20170326T023000") TAIL,
		   "26.03.2017 08:30", NULL);
	/* 29.10.2017 02:30 occurs twice: the first (00:30Z). */
	check_when(HEAD CET_ZONE EVENT("DTSTART;TZID=W. Europe Standard Time:20171029T023000") TAIL,
		   "29.10.2017 07:30", NULL);
	/* A rule that ended (UNTIL) leaves its last change in force. */
	check_when(HEAD ZONE1("Ended", "20000101T000000",
			      "RRULE:FREQ=YEARLY;UNTIL=20050101T000000Z" CRLF, "+0000", "+0300")
			   EVENT("DTSTART;TZID=Ended:20171114T150000") TAIL,
		   "14.11.2017 19:00", NULL);
	/* Before any change of the zone: the offset before the first. */
	check_when(HEAD ZONE1("Late", "20200101T000000", "", "+0500", "+0300")
			   EVENT("DTSTART;TZID=Late:20171114T150000") TAIL,
		   "14.11.2017 17:00", NULL);
	/* A prefix before the IANA name, as some calendars write it. */
	check_when(HEAD EVENT("DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Moscow:"
			      "20171114T150000") TAIL,
		   "14.11.2017 19:00", NULL);
	/* No such zone anywhere: as before, the plan's wall time and a warning. */
	check_when(HEAD EVENT("DTSTART;TZID=Nowhere/Zone:20171114T150000") TAIL, "14.11.2017 15:00",
		   "its time zone is unknown");
}

static void test_durations(void **state)
{
	(void)state;
	check_when(HEAD EVENT("DTSTART:20171114T080000Z" CRLF "DURATION:PT1H30M") TAIL,
		   "14.11.2017 15:00-16:30", NULL);
	check_when(HEAD EVENT("DTSTART;VALUE=DATE:20171108" CRLF "DURATION:P8D") TAIL,
		   "08.11.2017 - 15.11.2017", NULL);
	/* libical's icaltime_add counts these days month by month: here, plain arithmetic. */
	check_when(HEAD EVENT("DTSTART:20171114T080000Z" CRLF "DURATION:-P99999999W") TAIL,
		   "14.11.2017 15:00", NULL);
}

/* 12,000 ATTENDEEs (as many as the size limit lets): the row keeps 51 names, enough to refuse it. */
static void test_many_attendees(void **state)
{
	size_t n = 12000, size = n * 32 + 512, used;
	char *text = malloc(size);
	struct import_file f;

	(void)state;
	assert_non_null(text);
	used = (size_t)snprintf(text, size,
				HEAD "BEGIN:VEVENT" CRLF "UID:a" CRLF
				     "DTSTART:20171114T080000Z" CRLF "SUMMARY:a" CRLF);
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(text + used, size - used, "ATTENDEE:p%zu@x" CRLF, i);
	snprintf(text + used, size - used, "END:VEVENT" CRLF TAIL);
	read_ics(text, &f);
	assert_int_equal(f.rows[0].nwho, IMPORT_MAX_NAMES + 1);
	import_file_free(&f);
	free(text);
}

/* A cell of 10,000 names splits into 51: the rest would not change the row's refusal. */
static void test_many_names_in_a_cell(void **state)
{
	size_t size = 10000 * 8, used = 0;
	char *cell = malloc(size), **names;
	struct import_file f;
	struct import_row *r;
	int n;

	(void)state;
	assert_non_null(cell);
	for (int i = 0; i < 10000; i++)
		used += (size_t)snprintf(cell + used, size - used, "%sp%d", i ? "," : "", i);
	n = import_names_split(cell, &names);
	assert_int_equal(n, IMPORT_MAX_NAMES + 1);
	assert_string_equal(names[50], "p50");
	import_names_free(names, n);
	/* A repeat is still found, in any case, before the limit; an e-mail kept with its name. */
	import_file_init(&f, IMPORT_CSV);
	assert_non_null(r = import_file_add(&f, 2));
	assert_int_equal(import_row_add_name(r, "Директор", NULL), 0);
	assert_int_equal(import_row_add_name(r, "ДИРЕКТОР", "d@x"), 0);
	assert_int_equal(import_row_add_name(r, "Психолог", "p@x"), 0);
	assert_int_equal(r->nwho, 2);
	assert_null(r->emails[0]);
	assert_string_equal(r->emails[1], "p@x");
	for (int i = 0; i < 1000; i++) {
		char name[16];
		snprintf(name, sizeof name, "p%d", i);
		assert_int_equal(import_row_add_name(r, name, NULL), 0);
	}
	assert_int_equal(r->nwho, IMPORT_MAX_NAMES + 1);
	assert_string_equal(r->who[50], "p48");
	import_file_free(&f);
	free(cell);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zone_bombs),
		cmocka_unit_test(test_zone_rules),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_many_attendees),
		cmocka_unit_test(test_many_names_in_a_cell),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
