/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "import/import_names.h"
#include "import/import_warn.h"

/* The names in a "responsible" cell, people or groups, names nearly alike; likely typos. */

/* Splits CELL and checks the names against the NULL-ended EXPECTED. */
static void check_split(const char *cell, const char *const *expected)
{
	char **names;
	int n = import_names_split(cell, &names), want = 0;

	while (expected[want] != NULL)
		want++;
	if (n != want)
		fail_msg("«%s»: %d names, expected %d", cell, n, want);
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], expected[i]) != 0)
			fail_msg("«%s»: name %d is «%s», expected «%s»", cell, i, names[i],
				 expected[i]);
	import_names_free(names, n);
}

static void test_split(void **state)
{
	(void)state;
	check_split(
		"Заместитель директора\nЗаведующие отделениями",
		(const char *const[]){ "Заместитель директора", "Заведующие отделениями", NULL });
	check_split("Директор\r\nЗаместитель директора\r\n",
		    (const char *const[]){ "Директор", "Заместитель директора", NULL });
	check_split("Иванова А. П., Петрова Е.В.; Сидоров",
		    (const char *const[]){ "Иванова А. П.", "Петрова Е.В.", "Сидоров", NULL });
	check_split("Специалисты (психолог, логопед), Директор",
		    (const char *const[]){ "Специалисты (психолог, логопед)", "Директор", NULL });
	check_split("Отдел «Семья, дети»; Директор",
		    (const char *const[]){ "Отдел «Семья, дети»", "Директор", NULL });
	check_split("- Директор\n• Психологи\n1. Логопед\n2) Юрист",
		    (const char *const[]){ "Директор", "Психологи", "Логопед", "Юрист", NULL });
	check_split("Директор.\n  директор  \n\nЗаместитель   директора",
		    (const char *const[]){ "Директор", "Заместитель директора", NULL });
	check_split("", (const char *const[]){ NULL });
	check_split(" ,;\n", (const char *const[]){ NULL });
}

static void test_groups(void **state)
{
	static const char *const groups[] = {
		"Заведующие отделениями",
		"Заведующие отделений",
		"Психологи",
		"Специалисты отделения реабилитации детей с ОВЗ",
		"Социальные педагоги",
		"Фахівці відділення",
		"Завідувачі відділень",
		"Відділення соціальної допомоги",
		"Все сотрудники",
		"Коллектив учреждения",
		"Teachers",
		"All staff",
		NULL,
	};
	static const char *const people[] = {
		"Директор",
		"Заместитель директора",
		"Заведующий отделения профилактики",
		"Социальный педагог отделения профилактики",
		"Психолог",
		"Иванова А. П.",
		"Церетели З. К.",
		"Соціальний педагог",
		"Head of unit",
		NULL,
	};

	(void)state;
	for (const char *const *g = groups; *g != NULL; g++)
		if (!import_name_is_group(*g))
			fail_msg("«%s» should be a group", *g);
	for (const char *const *p = people; *p != NULL; p++)
		if (import_name_is_group(*p))
			fail_msg("«%s» should be a person", *p);
}

static void test_near(void **state)
{
	(void)state;
	assert_true(import_names_near("Заведующие отделений", "Заведующие отделениями"));
	assert_true(import_names_near("Иванова А.П.", "Иванова А. П."));
	assert_true(import_names_near("Директор", "Директора"));
	assert_true(import_names_near("Психолог", "Психологи"));
	assert_false(import_names_near("Директор", "директор")); /* the same name */
	assert_false(import_names_near("Директор", "Заместитель директора"));
	assert_false(import_names_near("Заведующие отделениями",
				       "Заведующий отделения профилактики безнадзорности"));
	assert_false(import_names_near("ОВЗ", "ОВД")); /* too short to tell */
}

static void test_replace_year(void **state)
{
	char *s;

	(void)state;
	s = import_warn_replace_year("10.11.2016 17:00", 2016, 2017);
	assert_string_equal(s, "10.11.2017 17:00");
	free(s);
	s = import_warn_replace_year("декабрь 2016", 2016, 2017);
	assert_string_equal(s, "декабрь 2017");
	free(s);
	assert_null(import_warn_replace_year("12016 x", 2016, 2017));
	assert_null(import_warn_replace_year("10.11", 2016, 2017));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_near),
		cmocka_unit_test(test_replace_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
