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
#include "table.h"
#include "utf8.h"

/*
 * The client reads replies and measures cells a word (8 bytes) at a time: whatever byte stops
 * the fast path must be found at every position within a word, and near the end of the text.
 */

static struct jscan *scan(const char *text, char **cause)
{
	size_t len = strlen(text);
	char *buf = mem_alloc(len + 1);

	assert_non_null(buf);
	memcpy(buf, text, len + 1);
	*cause = NULL;
	return jscan_parse(buf, len, cause);
}

/* {"k":"<PAD bytes of FILL><MIDDLE>tail"}; FILL is ASCII or a two-byte letter. */
static void make_doc(char *out, size_t size, const char *fill, int pad, const char *middle)
{
	size_t n = (size_t)snprintf(out, size, "{\"k\":\"");

	for (int i = 0; i < pad; i++)
		n += (size_t)snprintf(out + n, size - n, "%s", fill);
	snprintf(out + n, size - n, "%stail\"}", middle);
}

static void test_escapes_anywhere(void **state)
{
	static const char *const fills[] = { "a", "ж" };
	char doc[256], want[256];
	char *cause;

	for (size_t f = 0; f < 2; f++) {
		for (int pad = 0; pad < 20; pad++) {
			struct jscan *j;
			size_t n = 0;

			make_doc(doc, sizeof doc, fills[f], pad, "\\\"q\\\\\\n\\u0416");
			j = scan(doc, &cause);
			assert_non_null(j);
			for (int i = 0; i < pad; i++)
				n += (size_t)snprintf(want + n, sizeof want - n, "%s", fills[f]);
			snprintf(want + n, sizeof want - n, "\"q\\\nЖtail");
			assert_string_equal(jscan_get_string(j, 0, "k"), want);
			jscan_free(j);
		}
	}
}

/* The byte at which the error is reported: "... at byte N". */
static long error_byte(const char *cause)
{
	const char *at = strstr(cause, "at byte ");

	assert_non_null(at);
	return strtol(at + 8, NULL, 10);
}

static void test_errors_anywhere(void **state)
{
	static const struct {
		const char *middle, *what;
	} bad[] = {
		{ "\x01", "control character" },
		{ "\x1f", "control character" },
		{ "\x80", "not valid UTF-8" },
		{ "\xc0\x80", "not valid UTF-8" },
		{ "\xd0z", "not valid UTF-8" },
		{ "\xed\xa0\x80", "not valid UTF-8" },
		{ "\xf5\x80\x80\x80", "not valid UTF-8" },
		{ "\\x", "bad escape" },
	};
	char doc[256];
	char *cause;

	for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
		for (int pad = 0; pad < 20; pad++) {
			make_doc(doc, sizeof doc, "a", pad, bad[b].middle);
			assert_null(scan(doc, &cause));
			assert_non_null(strstr(cause, bad[b].what));
			assert_int_equal(error_byte(cause), 6 + pad);
			free(cause);
		}
	}
}

static void test_plain_text_anywhere(void **state)
{
	static const char *const ok[] = { "~\x7f", "é", "€", "漢", "🎉", "Ёё" };
	char doc[256];
	char *cause;

	for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
		for (int pad = 0; pad < 20; pad++) {
			struct jscan *j;
			make_doc(doc, sizeof doc, "ж", pad, ok[k]);
			j = scan(doc, &cause);
			assert_non_null(j);
			assert_non_null(strstr(jscan_get_string(j, 0, "k"), ok[k]));
			jscan_free(j);
		}
	}
}

static void test_unterminated_at_end(void **state)
{
	static const char *const docs[] = { "\"abcdefghijklmnop", "\"abcdefgh", "\"жжжжжжжж",
					    "\"жжжжжжж\xd0" };
	char *cause;

	for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
		assert_null(scan(docs[k], &cause));
		free(cause);
	}
}

/* Members asked for in any order, in turns between two objects, are all found. */
static void test_get_any_order(void **state)
{
	static const char text[] =
		"{\"a\": {\"id\": 1, \"x\": \"1\", \"y\": \"2\", \"z\": \"3\"}, \"b\": {\"y\": \"b\"}, "
		"\"c\": {}, \"d\": {\"only\": true}}";
	static const char *const order[] = { "z", "x", "id", "y", "z", "y", "x", "missing", "id" };
	char *cause;
	struct jscan *j = scan(text, &cause);
	int a, b;

	assert_non_null(j);
	a = jscan_get(j, 0, "a");
	b = jscan_get(j, 0, "b");
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		const char *v = jscan_get_string(j, a, order[k]);
		if (strcmp(order[k], "missing") == 0)
			assert_null(v);
		else if (strcmp(order[k], "id") == 0)
			assert_string_equal(v, "1");
		else
			assert_int_equal(v[0] - '1', order[k][0] - 'x');
		assert_string_equal(jscan_get_string(j, b, "y"), "b");
		assert_int_equal(jscan_get(j, b, "z"), -1);
	}
	assert_int_equal(jscan_get(j, jscan_get(j, 0, "c"), "a"), -1);
	assert_true(jscan_get_bool(j, jscan_get(j, 0, "d"), "only"));
	assert_true(jscan_get_bool(j, jscan_get(j, 0, "d"), "only"));
	assert_int_equal(jscan_get(j, jscan_get(j, 0, "d"), "other"), -1);
	assert_string_equal(jscan_get_string(j, a, "x"), "1");
	jscan_free(j);
}

/* Columns before the "|" in LINE, which ends at a newline. */
static size_t bar_in(char *line)
{
	char *bar = strchr(line, '|'), keep;
	size_t cols;

	assert_non_null(bar);
	keep = *bar;
	*bar = '\0';
	cols = utf8_width(line);
	*bar = keep;
	return cols;
}

/*
 * Prints a table of an empty header cell and CELL, each followed by "|"; returns the columns
 * before the "|" of the header, which is padded to the width measured for CELL.
 */
static size_t bar_column(const char *cell)
{
	const char *row[2] = { cell, "|" }, *head[2] = { "", "|" };
	struct table *t = table_new(2);
	char *text = NULL;
	size_t size = 0, cols;
	FILE *f = open_memstream(&text, &size);

	assert_non_null(t);
	assert_non_null(f);
	assert_int_equal(table_add_row(t, head), 0);
	assert_int_equal(table_add_row(t, row), 0);
	table_print(t, f, 0, 0);
	fclose(f);
	for (const char *p = text; *p != '\0'; p++) /* control characters print as spaces */
		assert_true((unsigned char)*p >= 0x20 && *p != 0x7f ? 1 : *p == '\n');
	cols = bar_in(text);
	assert_int_equal(bar_in(strchr(text, '\n') + 1), cols);
	free(text);
	table_free(t);
	return cols;
}

static void test_widths_anywhere(void **state)
{
	static const struct {
		const char *text;
		size_t width;
	} odd[] = {
		{ "漢", 2 },	       { "🎉", 2 },    { "e\xcc\x81", 1 },
		{ "\xd2\x83", 0 },     { "№", 1 },    { "–", 1 },
		{ "\t", 1 },	       { "\x7f", 1 }, { "ё", 1 },
		{ "\xe2\x80\x8b", 0 },
	};
	static const char *const fills[] = { "a", "ж" };
	char cell[256];

	for (size_t f = 0; f < 2; f++) {
		for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++) {
			for (int pad = 0; pad < 20; pad++) {
				size_t n = 0;
				for (int i = 0; i < pad; i++)
					n += (size_t)snprintf(cell + n, sizeof cell - n, "%s",
							      fills[f]);
				snprintf(cell + n, sizeof cell - n, "%sxyz", odd[k].text);
				/* the cell's width, then the gap of two */
				assert_int_equal(bar_column(cell),
						 (size_t)pad + odd[k].width + 3 + 2);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes_anywhere),
		cmocka_unit_test(test_errors_anywhere),
		cmocka_unit_test(test_plain_text_anywhere),
		cmocka_unit_test(test_unterminated_at_end),
		cmocka_unit_test(test_get_any_order),
		cmocka_unit_test(test_widths_anywhere),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
