/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "survey/survey.h"
#include "survey/survey_answer.h"
#include "survey/survey_results.h"

/* The questionnaire format (survey_format.c), the templates, a response checked, percentages. */

static struct survey *parse(const char *text, struct error *err)
{
	return survey_parse(text, strlen(text), "ru", err);
}

static void test_format(void **state)
{
	static const char text[] = "# a comment\n"
				   "title: Анкета\r\n"
				   "intro: Анонимно\n"
				   "## О вас\n"
				   "1. Пол [один] *\n"
				   "- ж\n"
				   "  -   м  \n"
				   "\n"
				   "2а) Годы [число]\n"
				   "## Мнение\n"
				   "3. Доступность [шкала]\n"
				   "4. Что понравилось? [несколько]\n"
				   "- a\n- b\n- c\n"
				   "5. Предложения\n"
				   "6. Без вида\n- да\n- нет\n";
	struct error err = ERROR_INIT;
	struct survey *s = parse(text, &err);
	size_t i;

	(void)state;
	assert_non_null(s);
	assert_string_equal(s->title, "Анкета");
	assert_string_equal(s->intro, "Анонимно");
	assert_int_equal(s->nq, 6);
	assert_int_equal(s->nsections, 2);
	assert_int_equal(s->q[0].kind, SURVEY_SINGLE);
	assert_true(s->q[0].required);
	assert_int_equal(s->q[0].noptions, 2);
	assert_string_equal(s->q[0].options[1], "м");
	assert_string_equal(s->q[1].id, "2а");
	assert_int_equal(s->q[1].kind, SURVEY_NUMBER);
	assert_false(s->q[1].required);
	assert_int_equal(s->q[2].section, 1);
	assert_int_equal(s->q[2].kind, SURVEY_SCALE);
	assert_int_equal(s->q[2].noptions, 3); /* the usual three, in Russian */
	assert_string_equal(s->q[2].options[2], "затрудняюсь ответить");
	assert_int_equal(s->q[3].kind, SURVEY_MULTIPLE);
	assert_int_equal(s->q[4].kind, SURVEY_TEXT);
	assert_int_equal(s->q[5].kind, SURVEY_SINGLE); /* options, no kind: one answer */
	assert_non_null(survey_find(s, "2а", &i));
	assert_int_equal(i, 1);
	assert_null(survey_find(s, "7", NULL));
	survey_free(s);
}

/* Each mistake is refused with its line, and nothing is returned. */
static void test_format_refusals(void **state)
{
	static const struct {
		const char *text, *want;
	} bad[] = {
		{ "1. A [один]\n- x\n", "has 1 option" },
		{ "1. A [число]\n- x\n- y\n", "takes no options" },
		{ "1. A\n1. B\n", "line 2" },
		{ "- x\n", "an option before any question" },
		{ "1. A [какой-то]\n", "kind in brackets" },
		{ "title: x\nпросто строка\n", "line 2" },
		{ "# nothing\n", "no questions" },
		{ "1. A [один]\n- x\n- x\n", "already given" },
	};
	(void)state;
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		struct error err = ERROR_INIT;
		assert_null(parse(bad[k].text, &err));
		assert_int_equal(err.kind, ERR_INVALID);
		if (strstr(err.message, bad[k].want) == NULL)
			fail_msg("«%s»: %s (wanted «%s»)", bad[k].text, err.message, bad[k].want);
		error_clear(&err);
	}
}

static void test_templates(void **state)
{
	size_t n = 0;

	(void)state;
	for (const struct survey_template *t = survey_templates(); t->name != NULL; t++, n++) {
		struct error err = ERROR_INIT;
		struct survey *s = survey_parse(t->text, strlen(t->text), t->lang, &err);
		if (s == NULL)
			fail_msg("template %s: %s", t->name, err.message);
		assert_true(s->nq >= 8);
		survey_free(s);
	}
	assert_int_equal(n, 2);
	assert_non_null(survey_template("clients-ru"));
	assert_string_equal(survey_template("indicators-uk")->lang, "uk");
	assert_null(survey_template("nope"));
}

static enum survey_problem check(const struct survey *s, const struct survey_field *f, size_t n,
				 struct survey_given *g, struct survey_check *c)
{
	memset(g, 0, sizeof(struct survey_given) * s->nq);
	return survey_answer_read(s, f, n, "t", g, c);
}

static void test_answers(void **state)
{
	struct error err = ERROR_INIT;
	struct survey *s = parse("1. Пол *\n- ж\n- м\n2. Что? [несколько]\n- a\n- b\n- c\n"
				 "3. Сколько [число]\n4. Текст\n",
				 &err);
	struct survey_given g[4];
	struct survey_check c;
	const struct survey_field ok[] = {
		{ "t", "x" },  { "q1", "2" },	{ "q2", "1" },
		{ "q2", "3" }, { "q3", "2,5" }, { "q4", " хорошо\r\n" }
	};
	const struct survey_field unknown[] = { { "q1", "3" } };
	const struct survey_field two[] = { { "q1", "1" }, { "q1", "2" } };
	const struct survey_field none[] = { { "q2", "1" } };
	const struct survey_field nan[] = { { "q1", "1" }, { "q3", "abc" } };
	const struct survey_field field[] = { { "q1", "1" }, { "q9", "1" } };

	(void)state;
	assert_non_null(s);
	assert_int_equal(check(s, ok, 6, g, &c), SURVEY_OK);
	assert_int_equal(g[0].mask, 2);
	assert_int_equal(g[1].mask, 5);
	assert_string_equal(g[2].value, "2.5");
	assert_string_equal(g[3].value, "хорошо");
	survey_given_free(g, 4);
	assert_int_equal(check(s, unknown, 1, g, &c), SURVEY_UNKNOWN_OPTION);
	assert_int_equal(c.question, 0);
	survey_given_free(g, 4);
	assert_int_equal(check(s, two, 2, g, &c), SURVEY_TWO_ANSWERS);
	survey_given_free(g, 4);
	assert_int_equal(check(s, none, 1, g, &c), SURVEY_REQUIRED);
	survey_given_free(g, 4);
	assert_int_equal(check(s, nan, 2, g, &c), SURVEY_NOT_NUMBER);
	survey_given_free(g, 4);
	assert_int_equal(check(s, field, 2, g, &c), SURVEY_UNKNOWN_FIELD);
	survey_given_free(g, 4);
	survey_free(s);
}

static void test_percent(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(survey_tenths(80, 90), 889); /* the seed's 88,9 % */
	assert_int_equal(survey_tenths(44, 50), 880); /* not the seed's 86,4 % */
	assert_int_equal(survey_tenths(1, 3), 333);
	assert_int_equal(survey_tenths(2, 3), 667); /* half up */
	assert_int_equal(survey_tenths(1, 8), 125); /* 12.5 exactly */
	assert_int_equal(survey_tenths(0, 0), 0);
	assert_string_equal(survey_percent_text(889, "ru", buf, sizeof buf), "88,9 %");
	assert_string_equal(survey_percent_text(1000, "uk", buf, sizeof buf), "100,0 %");
	assert_string_equal(survey_percent_text(5, "en", buf, sizeof buf), "0.5%");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),	  cmocka_unit_test(test_format_refusals),
		cmocka_unit_test(test_templates), cmocka_unit_test(test_answers),
		cmocka_unit_test(test_percent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
