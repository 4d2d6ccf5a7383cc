/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jscan.h"
#include "mem.h"

/* The client's reader of qweekd's replies. */

static struct jscan *scan(const char *text, char **cause)
{
	size_t len = strlen(text);
	char *buf = mem_alloc(len + 1);

	assert_non_null(buf);
	memcpy(buf, text, len + 1);
	*cause = NULL;
	return jscan_parse(buf, len, cause);
}

static void test_item(void **state)
{
	static const char text[] =
		" {\"id\": 9, \"label\": \"7.2\", \"title\": \"Открытое \\\"мероприятие\\\"\\n\","
		" \"end\": null, \"overdue\": true, \"done\": false, \"n\": -1.5e3,"
		" \"who\": [\"Директор\", \"\\u0417\\u0430\\u043c\", \"\\ud83d\\ude00\"],"
		" \"nested\": {\"who\": []}, \"w\\u0068en\": \"14.11\", \"empty\": {}} ";
	char *cause;
	struct jscan *j = scan(text, &cause);
	int who, t;
	size_t len;

	assert_non_null(j);
	jscan_keep_raw(j);
	assert_int_equal(jscan_type(j, 0), JSCAN_OBJECT);
	assert_int_equal(jscan_size(j, 0), 11);
	assert_int_equal(jscan_get_int(j, 0, "id", 0), 9);
	assert_string_equal(jscan_get_string(j, 0, "label"), "7.2");
	assert_string_equal(jscan_get_string(j, 0, "title"), "Открытое \"мероприятие\"\n");
	assert_null(jscan_get_string(j, 0, "end"));
	assert_int_equal(jscan_type(j, jscan_get(j, 0, "end")), JSCAN_NULL);
	assert_int_equal(jscan_get(j, 0, "missing"), -1);
	assert_true(jscan_get_bool(j, 0, "overdue"));
	assert_false(jscan_get_bool(j, 0, "done"));
	assert_string_equal(jscan_get_string(j, 0, "n"), "-1.5e3");
	assert_string_equal(jscan_get_string(j, 0, "when"), "14.11");
	who = jscan_get(j, 0, "who");
	assert_int_equal(jscan_size(j, who), 3);
	t = jscan_first(j, who);
	assert_string_equal(jscan_string(j, t), "Директор");
	t = jscan_next(j, who, t);
	assert_string_equal(jscan_string(j, t), "Зам");
	t = jscan_next(j, who, t);
	assert_string_equal(jscan_string(j, t), "\xf0\x9f\x98\x80");
	assert_int_equal(jscan_next(j, who, t), -1);
	/* "who" inside "nested" is not the top object's. */
	assert_int_equal(jscan_first(j, jscan_get(j, jscan_get(j, 0, "nested"), "who")), -1);
	assert_int_equal(jscan_size(j, jscan_get(j, 0, "empty")), 0);
	/* Asking for strings leaves the raw text as it came. */
	assert_memory_equal(jscan_raw(j, &len), text, sizeof text - 1);
	assert_int_equal(len, sizeof text - 1);
	jscan_free(j);
}

/* Without jscan_keep_raw, strings are decoded where they are. */
static void test_in_place(void **state)
{
	char *cause;
	struct jscan *j = scan("{\"a\":\"x\\ty\",\"b\":12,\"c\":[\"\\u00e9\\\"\",true]}", &cause);
	int c;

	assert_non_null(j);
	assert_string_equal(jscan_get_string(j, 0, "a"), "x\ty");
	assert_string_equal(jscan_get_string(j, 0, "a"), "x\ty");
	assert_int_equal(jscan_get_int(j, 0, "b", 0), 12);
	c = jscan_get(j, 0, "c");
	assert_string_equal(jscan_string(j, jscan_first(j, c)), "\xc3\xa9\"");
	assert_true(jscan_type(j, jscan_next(j, c, jscan_first(j, c))) == JSCAN_TRUE);
	/* Members are still found after their neighbours were decoded. */
	assert_int_equal(jscan_get_int(j, 0, "b", 0), 12);
	assert_string_equal(jscan_get_string(j, 0, "a"), "x\ty");
	jscan_free(j);
}

static void test_refused(void **state)
{
	static const char *const bad[] = {
		"",
		"{",
		"{\"a\" 1}",
		"{\"a\": 1,}",
		"[1 2]",
		"[01]",
		"[1.]",
		"[-]",
		"[1e]",
		"\"tab\there\"",
		"\"\\x\"",
		"\"\\u12\"",
		"\"\\u0000\"",
		"nul",
		"{} {}",
		"\"\xc3\x28\"",
		"{1: 2}",
		"[\"unterminated]",
		/* UTF-8: overlong, surrogate, past U+10FFFF, cut short, stray continuation,
		 * outside a string, and a raw NUL. */
		"\"\xc0\xaf\"",
		"\"\xe0\x80\xaf\"",
		"\"\xed\xa0\x80\"",
		"\"\xf4\x90\x80\x80\"",
		"\"\xd0\"",
		"\"\xe2\x80\"",
		"\"\x80\"",
		"[1]\xd0\x90",
		"\"\xf5\x80\x80\x80\"",
	};
	char *cause;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_null(scan(bad[i], &cause));
		assert_non_null(cause);
		free(cause);
	}
}

static void test_utf8_accepted(void **state)
{
	/* Two, three and four bytes, at the edges of what is allowed. */
	char *cause;
	struct jscan *j = scan("[\"\xc2\x80\xdf\xbf\", \"\xe0\xa0\x80\xed\x9f\xbf\xef\xbf\xbf\","
			       " \"\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\"]",
			       &cause);

	assert_non_null(j);
	assert_string_equal(jscan_string(j, jscan_first(j, 0)), "\xc2\x80\xdf\xbf");
	jscan_free(j);
}

static void test_nul_inside(void **state)
{
	char *buf = mem_alloc(8), *cause = NULL;

	memcpy(buf, "\"a\0b\"", 6);
	assert_null(jscan_parse(buf, 5, &cause));
	assert_non_null(cause);
	free(cause);
}

static void test_deep(void **state)
{
	char text[600];
	char *cause;

	memset(text, '[', 300);
	memset(text + 300, ']', 300);
	text[599] = '\0';
	text[299] = ']';
	assert_null(scan(text, &cause));
	free(cause);
	memset(text, '[', 100);
	memset(text + 100, ']', 100);
	text[200] = '\0';
	struct jscan *j = scan(text, &cause);
	assert_non_null(j);
	jscan_free(j);
}

static void test_scalars(void **state)
{
	char *cause;
	struct jscan *j = scan("[0, true, null, \"\", -0.25E+2]", &cause);
	int t;

	assert_non_null(j);
	t = jscan_first(j, 0);
	assert_string_equal(jscan_string(j, t), "0");
	t = jscan_next(j, 0, t);
	assert_string_equal(jscan_string(j, t), "true");
	t = jscan_next(j, 0, t);
	assert_null(jscan_string(j, t));
	t = jscan_next(j, 0, t);
	assert_string_equal(jscan_string(j, t), "");
	t = jscan_next(j, 0, t);
	assert_string_equal(jscan_string(j, t), "-0.25E+2");
	assert_null(jscan_string(j, 0));
	assert_null(jscan_string(j, -1));
	assert_null(jscan_string(j, 99));
	assert_int_equal(jscan_get(j, 0, "x"), -1);
	jscan_free(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_item),	   cmocka_unit_test(test_in_place),
		cmocka_unit_test(test_refused),	   cmocka_unit_test(test_utf8_accepted),
		cmocka_unit_test(test_nul_inside), cmocka_unit_test(test_deep),
		cmocka_unit_test(test_scalars),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
