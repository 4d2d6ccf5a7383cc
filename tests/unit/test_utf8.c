/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/slug.h"
#include "utf8.h"

/* UTF-8 checks, widths, case folding, edit distance, and slugs from Cyrillic titles. */

static void test_valid(void **state)
{
	assert_true(utf8_valid("Неделя", strlen("Неделя")));
	assert_false(utf8_valid("\xd0", 1));	     /* cut in half */
	assert_false(utf8_valid("\xc0\xaf", 2));     /* overlong '/' */
	assert_false(utf8_valid("\xed\xa0\x80", 3)); /* surrogate */
	assert_false(utf8_valid("a\0b", 3));	     /* NUL */
	assert_false(utf8_valid("\xff", 1));
}

static void test_width(void **state)
{
	assert_int_equal(utf8_width("Директор"), 8);
	assert_int_equal(utf8_width("ab"), 2);
	assert_int_equal(utf8_width("日本"), 4);
	assert_int_equal(utf8_length("ЦСПСиД"), 6);
}

static void test_fold(void **state)
{
	char *s = utf8_fold_str("ЗАВЕДУЮЩИЕ Отделениями ЁЖ ЄІЇҐ");

	assert_string_equal(s, "заведующие отделениями ёж єіїґ");
	free(s);
}

static void test_distance(void **state)
{
	assert_int_equal(utf8_distance("Заведующие отделениями", "Заведующие отделений"), 3);
	assert_int_equal(utf8_distance("директор", "Директор"), 0);
	assert_int_equal(utf8_distance("", "abc"), 3);
}

static void test_slug(void **state)
{
	char buf[64];

	slug_from_title("Неделя качества 2017", buf, sizeof buf);
	assert_string_equal(buf, "nedelya-kachestva-2017");
	slug_from_title("Тиждень якості — Київ", buf, sizeof buf);
	assert_string_equal(buf, "tizhden-yakosti-kiyiv");
	slug_from_title("«»!!", buf, sizeof buf);
	assert_string_equal(buf, "plan");
	assert_true(slug_valid("nedelya-2017"));
	assert_false(slug_valid("Nedelya"));
	assert_false(slug_valid("-x"));
	assert_false(slug_valid(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid), cmocka_unit_test(test_width),
		cmocka_unit_test(test_fold),  cmocka_unit_test(test_distance),
		cmocka_unit_test(test_slug),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
