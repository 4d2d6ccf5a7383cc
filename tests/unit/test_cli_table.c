/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "output.h"
#include "table.h"

/* The client's tables (UTF-8 widths, cutting) and how it writes dates for people. */

/* Prints T at MAX_WIDTH into a string the caller frees. */
static char *print_table(const struct table *t, size_t max_width, int color)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	table_print(t, f, max_width, color);
	fclose(f);
	return buf;
}

static struct table *sample(void)
{
	static const char *const rows[][3] = {
		{ "REF", "TITLE", "WHO" },
		{ "7", "Проведение Дня открытых дверей", "Заведующие" },
		{ "7.10", "Open day", "Директор, Психологи" },
		{ "@12", "Анкетирование", "" },
	};
	struct table *t = table_new(3);

	for (size_t i = 0; i < 4; i++)
		assert_int_equal(table_add_row(t, rows[i]), 0);
	return t;
}

static void test_align_cyrillic(void **state)
{
	struct table *t = sample();
	char *out = print_table(t, 0, 0);

	assert_string_equal(out, "REF   TITLE                           WHO\n"
				 "7     Проведение Дня открытых дверей  Заведующие\n"
				 "7.10  Open day                        Директор, Психологи\n"
				 "@12   Анкетирование\n");
	free(out);
	table_free(t);
}

static void test_cut_at_width(void **state)
{
	struct table *t = sample();
	char *out = print_table(t, 40, 0);

	/* 4 + 2 + 16 + 2 + 16 = 40: the title (30) is cut down to the next widest (WHO, 19),
	 * then both go on shrinking together. */
	assert_string_equal(out, "REF   TITLE             WHO\n"
				 "7     Проведение Дня …  Заведующие\n"
				 "7.10  Open day          Директор, Психо…\n"
				 "@12   Анкетирование\n");
	free(out);
	table_free(t);
}

static void test_cut_levels_columns(void **state)
{
	struct table *t = sample();
	char *out = print_table(t, 30, 0);

	/* 4 + 2 + 11 + 2 + 11 = 30. */
	assert_string_equal(out, "REF   TITLE        WHO\n"
				 "7     Проведение…  Заведующие\n"
				 "7.10  Open day     Директор, …\n"
				 "@12   Анкетирова…\n");
	free(out);
	table_free(t);
}

static void test_keep_column(void **state)
{
	struct table *t = sample();
	char *out;

	table_keep(t, 1);
	out = print_table(t, 40, 0);
	/* The title is kept whole; only WHO can give way, and not below 8 columns. */
	assert_string_equal(out, "REF   TITLE                           WHO\n"
				 "7     Проведение Дня открытых дверей  Заведую…\n"
				 "7.10  Open day                        Директо…\n"
				 "@12   Анкетирование\n");
	free(out);
	table_free(t);
}

static void test_no_cut_when_wide_enough(void **state)
{
	struct table *t = sample();
	char *wide = print_table(t, 200, 0), *free_width = print_table(t, 0, 0);

	assert_string_equal(wide, free_width);
	free(wide);
	free(free_width);
	table_free(t);
}

static void test_right_align_and_color(void **state)
{
	static const char *const h[] = { "NAME", "TOTAL" }, *const r[] = { "Директор", "3" };
	struct table *t = table_new(2);
	char *out;

	table_add_row(t, h);
	table_add_row(t, r);
	table_align_right(t, 1);
	table_set_color(t, 1, TABLE_RED);
	out = print_table(t, 0, 1);
	assert_string_equal(out, "NAME      TOTAL\nДиректор      \033[31m3\033[0m\n");
	free(out);
	out = print_table(t, 0, 0);
	assert_string_equal(out, "NAME      TOTAL\nДиректор      3\n");
	free(out);
	table_free(t);
}

static void test_control_characters(void **state)
{
	static const char *const r[] = { "a\nb", "c\td" };
	struct table *t = table_new(2);
	char *out;

	table_add_row(t, r);
	out = print_table(t, 0, 0);
	assert_string_equal(out, "a b  c d\n");
	free(out);
	table_free(t);
}

static void test_wide_and_combining(void **state)
{
	/* "й" written as и + U+0306 takes one column; 日本 two each; «Ґ» three. */
	static const char *const rows[][2] = {
		{ "и\xcc\x86x", "|" },
		{ "日本", "|" },
		{ "«Ґ»", "|" },
		{ "ab", "|" },
	};
	struct table *t = table_new(2);
	char *out;

	for (size_t i = 0; i < 4; i++)
		table_add_row(t, rows[i]);
	out = print_table(t, 0, 0);
	assert_string_equal(out, "и\xcc\x86x    |\n日本  |\n«Ґ»   |\nab    |\n");
	free(out);
	table_free(t);
}

static void test_put_cut(void **state)
{
	char *buf = NULL;
	size_t len = 0, w;
	FILE *f = open_memstream(&buf, &len);

	w = table_put_cut(f, "Надежда", 5);
	fputc('|', f);
	table_put_cut(f, "Надежда", 7);
	fputc('|', f);
	table_put_cut(f, "日本語", 4);
	fclose(f);
	assert_int_equal(w, 5);
	assert_string_equal(buf, "Наде…|Надежда|日…");
	free(buf);
}

static void check_when(const char *start, const char *end, const char *due, const char *want)
{
	char buf[96];

	assert_string_equal(output_when(start, end, due, buf, sizeof buf), want);
}

static void test_when(void **state)
{
	check_when("2017-11-14T16:00:00+07:00", NULL, NULL, "14.11.2017 16:00");
	check_when("2017-11-14T09:00:00+07:00", "2017-11-14T18:00:00+07:00", NULL,
		   "14.11.2017 09:00–18:00");
	check_when("2017-11-14T22:00:00+02:00", "2017-11-15T02:00:00+02:00", NULL,
		   "14.11.2017 22:00 – 15.11.2017 02:00");
	check_when("2017-11-08", "2017-11-15", NULL, "08.11–15.11.2017");
	check_when("2017-12-28", "2018-01-03", NULL, "28.12.2017–03.01.2018");
	check_when("2017-11-10", NULL, NULL, "10.11.2017");
	check_when(NULL, NULL, "2017-11-24", "до 24.11.2017");
	check_when(NULL, NULL, "2017-11-24T18:00:00+07:00", "до 24.11.2017 18:00");
	check_when(NULL, NULL, "2017-12", "12.2017");
	check_when(NULL, NULL, NULL, "");
	check_when("someday", NULL, NULL, "someday");
	check_when("2017-11-14T16:00Z", NULL, NULL, "14.11.2017 16:00");
}

static void test_when_small_buffer(void **state)
{
	char buf[8];

	output_when("2017-11-14T16:00:00+07:00", NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "14.11.2");
}

static void test_date(void **state)
{
	char buf[32];

	assert_string_equal(output_date("2017-11-08", buf, sizeof buf), "08.11.2017");
	assert_string_equal(output_date(NULL, buf, sizeof buf), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_align_cyrillic),
		cmocka_unit_test(test_cut_at_width),
		cmocka_unit_test(test_cut_levels_columns),
		cmocka_unit_test(test_keep_column),
		cmocka_unit_test(test_no_cut_when_wide_enough),
		cmocka_unit_test(test_right_align_and_color),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_wide_and_combining),
		cmocka_unit_test(test_put_cut),
		cmocka_unit_test(test_when),
		cmocka_unit_test(test_when_small_buffer),
		cmocka_unit_test(test_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
