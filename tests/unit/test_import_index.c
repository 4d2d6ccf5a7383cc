/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "import/import_arena.h"
#include "import/import_index.h"

/* What an import keeps of thousands of rows: strings in an arena, rows found by their keys. */

struct entry {
	const char *label, *title;
};

static struct import_key both(const void *ctx, size_t i)
{
	const struct entry *e = &((const struct entry *)ctx)[i];

	return (struct import_key){ e->label, e->title };
}

static struct import_key label_only(const void *ctx, size_t i)
{
	return (struct import_key){ ((const struct entry *)ctx)[i].label, NULL };
}

static void test_chains_in_order(void **state)
{
	static const struct entry rows[] = {
		{ "7", "Семинар" },   { NULL, "Без номера" }, { "7", "Отчёт" },
		{ "7.1", "Семинар" }, { "7", "Семинар" },     { "", "Пусто" },
	};
	struct import_index ix;
	size_t i;

	(void)state;
	assert_int_equal(import_index_build(&ix, 6, label_only, rows), 0);
	/* Every row labelled 7, in the file's order; a row without a label is not there. */
	i = import_index_first(&ix, (struct import_key){ "7", NULL });
	assert_int_equal(i, 0);
	assert_int_equal(i = import_index_next(&ix, i), 2);
	assert_int_equal(i = import_index_next(&ix, i), 4);
	assert_int_equal(import_index_next(&ix, i), IMPORT_INDEX_NONE);
	assert_int_equal(import_index_first(&ix, (struct import_key){ "7.1", NULL }), 3);
	assert_int_equal(import_index_first(&ix, (struct import_key){ "", NULL }), 5);
	assert_int_equal(import_index_first(&ix, (struct import_key){ "8", NULL }),
			 IMPORT_INDEX_NONE);
	assert_int_equal(import_index_first(&ix, (struct import_key){ NULL, NULL }),
			 IMPORT_INDEX_NONE);
	import_index_free(&ix);
}

static void test_two_part_keys(void **state)
{
	static const struct entry rows[] = {
		{ "7", "Семинар" },
		{ "7.1", "Семинар" },
		{ "7", "Семинар" },
		{ "7Семинар", "" }, /* the same bytes run together: another key */
	};
	struct import_index ix;

	(void)state;
	assert_int_equal(import_index_build(&ix, 4, both, rows), 0);
	assert_int_equal(import_index_first(&ix, (struct import_key){ "7", "Семинар" }), 0);
	assert_int_equal(import_index_next(&ix, 0), 2);
	assert_int_equal(import_index_first(&ix, (struct import_key){ "7.1", "Семинар" }), 1);
	assert_int_equal(import_index_first(&ix, (struct import_key){ "7Семинар", "" }), 3);
	assert_int_equal(import_index_first(&ix, (struct import_key){ "7", "Отчёт" }),
			 IMPORT_INDEX_NONE);
	/* A key of one part is not the same as that part with an empty second. */
	assert_int_equal(import_index_first(&ix, (struct import_key){ "7Семинар", NULL }),
			 IMPORT_INDEX_NONE);
	import_index_free(&ix);
}

/* 20,000 distinct keys and 20,000 repeats of a few: all found, none lost to collisions. */
static void test_many(void **state)
{
	enum { N = 20000 };
	struct entry *rows = calloc(2 * N, sizeof *rows);
	char(*labels)[16] = calloc(N, sizeof *labels);
	struct import_index ix;
	size_t n = 0;

	(void)state;
	assert_non_null(rows);
	assert_non_null(labels);
	for (int i = 0; i < N; i++) {
		snprintf(labels[i], sizeof labels[i], "%d.%d", i / 5, i % 5);
		rows[i].label = labels[i];
		rows[N + i].label = i % 2 ? "odd" : "even";
	}
	assert_int_equal(import_index_build(&ix, 2 * N, label_only, rows), 0);
	for (int i = 0; i < N; i++) {
		size_t at = import_index_first(&ix, (struct import_key){ labels[i], NULL });
		assert_int_equal(at, (size_t)i);
		assert_int_equal(import_index_next(&ix, at), IMPORT_INDEX_NONE);
	}
	for (size_t i = import_index_first(&ix, (struct import_key){ "odd", NULL });
	     i != IMPORT_INDEX_NONE; i = import_index_next(&ix, i)) {
		assert_int_equal(i, N + 1 + 2 * n);
		n++;
	}
	assert_int_equal(n, N / 2);
	import_index_free(&ix);
	free(rows);
	free(labels);
}

static void test_empty_index(void **state)
{
	struct import_index ix = { 0 };

	(void)state;
	assert_int_equal(import_index_first(&ix, (struct import_key){ "7", NULL }),
			 IMPORT_INDEX_NONE);
	assert_int_equal(import_index_build(&ix, 0, label_only, NULL), 0);
	assert_int_equal(import_index_first(&ix, (struct import_key){ "7", NULL }),
			 IMPORT_INDEX_NONE);
	import_index_free(&ix);
}

static void test_arena(void **state)
{
	struct import_arena a = { 0 };
	char *big = malloc(100000), *kept[3000], *copy;
	void *p;

	(void)state;
	assert_non_null(big);
	memset(big, 'x', 99999);
	big[99999] = '\0';
	/* Thousands of strings over many blocks, a large one among them: each stays as copied. */
	for (int i = 0; i < 3000; i++) {
		char s[32];
		snprintf(s, sizeof s, "строка %d", i);
		assert_non_null(kept[i] = import_arena_strdup(&a, s));
		if (i == 1500) {
			assert_non_null(copy = import_arena_strdup(&a, big));
			assert_int_equal(strlen(copy), 99999);
		}
	}
	for (int i = 0; i < 3000; i++) {
		char s[32];
		snprintf(s, sizeof s, "строка %d", i);
		assert_string_equal(kept[i], s);
	}
	assert_string_equal(import_arena_strndup(&a, "abcdef", 3), "abc");
	assert_string_equal(import_arena_strdup(&a, NULL), "");
	assert_string_equal(import_arena_strdup(&a, ""), "");
	p = import_arena_alloc(&a, sizeof(int64_t) * 3);
	assert_non_null(p);
	assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
	import_arena_free(&a);
	assert_null(a.blocks);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chains_in_order),
		cmocka_unit_test(test_two_part_keys),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_empty_index),
		cmocka_unit_test(test_arena),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
