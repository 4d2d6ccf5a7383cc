/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/error.h"
#include "core/tr.h"
#include "time/when.h"

/* The language a request asks for, and the examples a refusal gives (test_i18n.sh: the rest). */

static void test_accept_language(void **state)
{
	assert_int_equal(tr_accept(NULL), -1);
	assert_int_equal(tr_accept(""), -1);
	assert_int_equal(tr_accept("de-DE,fr;q=0.8"), -1); /* none of ours: the plan's */
	assert_int_equal(tr_accept("*"), -1);
	assert_int_equal(tr_accept("ru"), I18N_RU);
	assert_int_equal(tr_accept("uk-UA"), I18N_UK);
	assert_int_equal(tr_accept("EN-gb"), I18N_EN);
	assert_int_equal(tr_accept("uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.7"), I18N_UK);
	assert_int_equal(tr_accept("en;q=0.5, ru;q=0.9"), I18N_RU);
	assert_int_equal(tr_accept("de, uk;q=0.3 ,en;q=0.2"), I18N_UK);
	assert_int_equal(tr_accept("ru;q=0, en"), I18N_EN);	   /* q=0: not wanted */
	assert_int_equal(tr_accept("rus, ukr"), -1);		   /* three letters: not ours */
	assert_int_equal(tr_accept("uk;q=0.5,ru;q=0.5"), I18N_UK); /* a tie: the first */
}

static void test_examples_follow_the_plan(void **state)
{
	struct when_ctx ctx;
	char ex[4][48];

	when_ctx_init(&ctx, "2026-12-07", "2026-12-11");
	tr_use_plan("uk");
	when_examples(&ctx, ex);
	assert_string_equal(ex[0], "07.12.2026 15:00");
	assert_string_equal(ex[1], "07.12-11.12.2026");
	assert_string_equal(ex[2], "до 11.12.2026");
	assert_string_equal(ex[3], "грудень 2026");
	tr_use_plan("ru");
	when_examples(&ctx, ex);
	assert_string_equal(ex[3], "декабрь 2026");
	tr_use_plan("en");
	when_examples(&ctx, ex);
	assert_string_equal(ex[2], "by 11.12.2026");
	assert_string_equal(ex[3], "December 2026");
	/* A plan over the new year. */
	when_ctx_init(&ctx, "2026-12-28", "2027-01-05");
	when_examples(&ctx, ex);
	assert_string_equal(ex[1], "28.12.2026-05.01.2027");
	tr_use_plan(NULL);
}

/* Without catalogues (tr_init not called), a refusal is its English text, in every language. */
static void test_error_without_catalogues(void **state)
{
	struct error e = ERROR_INIT;
	json_t *j;

	error_set(&e, ERR_NOT_FOUND, "there is no item «%s» in plan %s", "99", "week");
	assert_string_equal(e.message, "there is no item «99» in plan week");
	assert_null(e.translated[I18N_RU]);
	j = error_to_json_in(&e, I18N_UK);
	assert_string_equal(
		json_string_value(json_object_get(json_object_get(j, "error"), "message")),
		"there is no item «99» in plan week");
	json_decref(j);
	error_clear(&e);
	assert_null(e.message);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accept_language),
		cmocka_unit_test(test_examples_follow_the_plan),
		cmocka_unit_test(test_error_without_catalogues),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
