/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "grow.h"

/* The one growing buffer (core/buf.c) and the one array-grow helper (common/grow.c). */

/* Pieces of every length from 0 to 300 bytes, across many doublings, read back whole. */
static void test_appends(void **state)
{
	static char want[300 * 301 / 2 + 1];
	struct buf b;
	size_t n = 0, len;
	char *text;

	(void)state;
	buf_init(&b, 0);
	assert_null(b.data); /* nothing allocated before the first write */
	for (size_t k = 0; k <= 300; k++) {
		char piece[300];
		memset(piece, 'a' + (int)(k % 26), k);
		buf_add(&b, piece, k);
		memcpy(want + n, piece, k);
		n += k;
		assert_int_equal(b.len, n);
		assert_true(b.len < b.cap); /* room for the NUL */
	}
	text = buf_take(&b, &len);
	assert_non_null(text);
	assert_int_equal(len, n);
	assert_memory_equal(text, want, n);
	assert_int_equal(text[n], '\0');
	assert_null(b.data); /* handed over: the buffer is empty again */
	assert_int_equal(b.len, 0);
	free(text);
}

static void test_bytes_and_strings(void **state)
{
	struct buf b;
	size_t len;
	char *text;

	(void)state;
	buf_init(&b, 0);
	buf_add_byte(&b, '<');
	buf_add_str(&b, "a");
	buf_add_str(&b, NULL); /* nothing */
	buf_add_str(&b, "");
	buf_add_byte(&b, '>');
	text = buf_take(&b, &len);
	assert_string_equal(text, "<a>");
	assert_int_equal(len, 3);
	free(text);
}

/* A formatted text shorter and longer than the room there is, after other text. */
static void test_printf(void **state)
{
	char want[3000], *text;
	struct buf b;
	size_t len;
	int n;

	(void)state;
	buf_init(&b, 0);
	buf_printf(&b, "%d-%s", 42, "x");
	buf_add_str(&b, "|");
	memset(want, 'z', 2500);
	want[2500] = '\0';
	buf_printf(&b, "%s%s%s", want, want, want); /* 7,500 bytes: more than the first 4 KiB */
	n = snprintf(want, sizeof want, "%d-%s|", 42, "x");
	text = buf_take(&b, &len);
	assert_int_equal(len, (size_t)n + 7500);
	assert_memory_equal(text, want, (size_t)n);
	for (size_t i = (size_t)n; i < len; i++)
		assert_int_equal(text[i], 'z');
	assert_int_equal(text[len], '\0');
	free(text);
}

/* HINT bytes fit without moving; an empty buffer hands over "". */
static void test_hint_and_empty(void **state)
{
	struct buf b;
	char *before, *text;
	size_t len;

	(void)state;
	buf_init(&b, 1000);
	assert_int_equal(b.cap, 1001);
	before = b.data;
	for (int i = 0; i < 100; i++)
		buf_add(&b, "0123456789", 10);
	assert_ptr_equal(b.data, before);
	assert_int_equal(b.cap, 1001);
	buf_add_byte(&b, '!'); /* one past the hint: grows */
	assert_true(b.cap > 1001);
	buf_free(&b);
	assert_null(b.data);

	buf_init(&b, 0);
	text = buf_take(&b, &len);
	assert_non_null(text);
	assert_string_equal(text, "");
	assert_int_equal(len, 0);
	free(text);
}

/* A buffer that cannot grow drops every later write, and hands over nothing. */
static void test_failed(void **state)
{
	struct buf b;
	size_t len = 7;

	(void)state;
	buf_init(&b, 0);
	buf_add_str(&b, "kept");
	assert_int_equal(buf_reserve(&b, SIZE_MAX / 2), -1);
	assert_true(b.failed);
	buf_add_str(&b, "dropped");
	buf_printf(&b, "%s", "dropped");
	assert_int_equal(b.len, 4);
	assert_int_equal(buf_reserve(&b, 0), -1);
	assert_null(buf_take(&b, &len));
	assert_int_equal(len, 7);
	assert_null(b.data); /* freed */
	assert_false(b.failed);
}

/* grow: 16 at first (or what is asked), then doubling; nothing when there is room; checked. */
static void test_grow(void **state)
{
	int64_t *v = NULL, *before;
	size_t cap = 0;

	(void)state;
	assert_int_equal(grow(&v, &cap, 1, sizeof *v), 0);
	assert_int_equal(cap, 16);
	v[15] = 15;
	before = v;
	assert_int_equal(grow(&v, &cap, 16, sizeof *v), 0);
	assert_ptr_equal(v, before);
	assert_int_equal(grow(&v, &cap, 17, sizeof *v), 0);
	assert_int_equal(cap, 32);
	assert_int_equal(grow(&v, &cap, 1000, sizeof *v), 0);
	assert_int_equal(cap, 1024);
	assert_int_equal(v[15], 15); /* kept across reallocations */
	free(v);
	v = NULL, cap = 0;
	assert_int_equal(grow(&v, &cap, 20, sizeof *v), 0); /* at first, as much as asked */
	assert_int_equal(cap, 20);
	assert_int_equal(grow(&v, &cap, 21, sizeof *v), 0);
	assert_int_equal(cap, 40);
	before = v;
	assert_int_equal(grow(&v, &cap, SIZE_MAX / 4, sizeof *v), -1); /* the size overflows */
	assert_int_equal(grow(&v, &cap, SIZE_MAX, 1), -1);	       /* the doubling does */
	assert_ptr_equal(v, before);
	assert_int_equal(cap, 40);
	free(v);
}

static int reallocs;

static void *failing_realloc(void *p, size_t size)
{
	(void)p;
	(void)size;
	reallocs++;
	return NULL;
}

/* grow_with: the reallocator given; when it fails, the array and its room are as they were. */
static void test_grow_with(void **state)
{
	char *s = malloc(16);
	size_t cap = 16;

	(void)state;
	assert_non_null(s);
	strcpy(s, "kept");
	assert_int_equal(grow_with(&s, &cap, 16, 1, failing_realloc), 0);
	assert_int_equal(reallocs, 0); /* room enough: not called */
	assert_int_equal(grow_with(&s, &cap, 17, 1, failing_realloc), -1);
	assert_int_equal(reallocs, 1);
	assert_int_equal(cap, 16);
	assert_string_equal(s, "kept");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_appends),	  cmocka_unit_test(test_bytes_and_strings),
		cmocka_unit_test(test_printf),	  cmocka_unit_test(test_hint_and_empty),
		cmocka_unit_test(test_failed),	  cmocka_unit_test(test_grow),
		cmocka_unit_test(test_grow_with),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
