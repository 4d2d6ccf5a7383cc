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
#include "import/import_csv.h"
#include "import/import_header.h"
#include "import/import_text.h"

/* Reading a spreadsheet's CSV: encodings, separators, the table of cells, the header. */

static const struct when_ctx plan2017 = { 2017, 11, 8, 2017, 11, 15 };

/* ---- encodings ---------------------------------------------------------------------------- */

static void test_detect_encodings(void **state)
{
	static const char bommed[] = "\xef\xbb\xbf№,Срок\n";
	size_t bom;

	(void)state;
	assert_string_equal(import_text_detect("№,Срок\n", strlen("№,Срок\n"), &bom), "UTF-8");
	assert_int_equal(bom, 0);
	assert_string_equal(import_text_detect(bommed, strlen(bommed), &bom), "UTF-8");
	assert_int_equal(bom, 3);
	/* "№ п/п;Срок" in Windows-1251 */
	assert_string_equal(import_text_detect("\xb9 \xef/\xef;\xd1\xf0\xee\xea\r\n", 12, &bom),
			    "CP1251");
	assert_string_equal(import_text_detect("\xff\xfe"
					       "1\0;\0",
					       6, &bom),
			    "UTF-16LE");
	assert_int_equal(bom, 2);
	assert_string_equal(import_text_detect("plain ascii", 11, &bom), "UTF-8");
}

static void test_decode_cp1251(void **state)
{
	static const char cp[] = "\xb9;\xcd\xe0\xe8\xec\xe5\xed\xee\xe2\xe0\xed\xe8\xe5\r\n"
				 "1;\xab\xc4\xe5\xed\xfc\xbb\r\n";
	struct import_text t;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(import_text_decode(cp, sizeof cp - 1, NULL, &t, &err), 0);
	assert_string_equal(t.encoding, "Windows-1251");
	assert_string_equal(t.text, "№;Наименование\r\n1;«День»\r\n");
	import_text_free(&t);
	/* Forced: the same bytes read as UTF-8 are refused, and say where. */
	assert_int_equal(import_text_decode(cp, sizeof cp - 1, "utf-8", &t, &err), -1);
	assert_non_null(strstr(err.message, "line 1"));
	error_clear(&err);
	/* UTF-8 read as Windows-1251 because it was asked: done, but noted. */
	assert_int_equal(import_text_decode("Срок", strlen("Срок"), "cp1251", &t, &err), 0);
	assert_true(t.forced_differs);
	assert_string_equal(t.text, "РЎСЂРѕРє");
	import_text_free(&t);
	assert_int_equal(import_text_decode(cp, sizeof cp - 1, "cp1251", &t, &err), 0);
	assert_false(t.forced_differs);
	import_text_free(&t);
}

static void test_decode_bom_and_utf16(void **state)
{
	static const char u16[] = "\xff\xfe"
				  "1\0\t\0\x16!\n\0"; /* "1\t№\n" */
	struct import_text t;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(import_text_decode("\xef\xbb\xbf"
					    "a,b\n",
					    7, NULL, &t, &err),
			 0);
	assert_string_equal(t.text, "a,b\n");
	assert_string_equal(t.encoding, "UTF-8 with BOM");
	import_text_free(&t);
	assert_int_equal(import_text_decode(u16, sizeof u16 - 1, NULL, &t, &err), 0);
	assert_true(t.utf16);
	assert_string_equal(t.text, "1\t№\n");
	import_text_free(&t);
}

static void test_refuse_not_text(void **state)
{
	static const char broken[] = "Срок,Дата,Место,Директор\nЗаведующие \xff\n";
	struct import_text t;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(import_text_decode("PK\x03\x04rest", 8, NULL, &t, &err), -1);
	assert_non_null(strstr(err.message, "workbook"));
	error_clear(&err);
	assert_int_equal(import_text_decode("a,b\n\x01\x02\x03", 7, NULL, &t, &err), -1);
	assert_non_null(strstr(err.message, "not text"));
	assert_non_null(strstr(err.message, "line 2"));
	error_clear(&err);
	assert_int_equal(import_text_decode("a\0b", 3, NULL, &t, &err), -1);
	error_clear(&err);
	/* UTF-8 but for one byte: said so, not read as Windows-1251 garbage. */
	assert_int_equal(import_text_decode(broken, strlen(broken), NULL, &t, &err), -1);
	assert_non_null(strstr(err.message, "UTF-8 but for byte 0xff on line 2"));
	error_clear(&err);
	assert_int_equal(import_text_decode("a", 1, "no/such", &t, &err), -1);
	assert_non_null(strstr(err.message, "unknown encoding"));
	error_clear(&err);
}

/* ---- separators and cells ------------------------------------------------------------------ */

static void test_delimiter(void **state)
{
	static const char comma[] = "№,Наименование,Срок\n1,\"Один; два\",10.11\n2,Три,11.11\n";
	static const char semi[] = "№;Наименование;Срок\n1;Один, два, три;10.11\n2;Четыре, пять;"
				   "11.11\n3;Шесть;12.11\n";
	static const char tab[] = "№\tНаименование\tСрок\n1\tОдин, два\t10.11\n";

	(void)state;
	assert_int_equal(import_csv_delimiter(comma, strlen(comma)), ',');
	assert_int_equal(import_csv_delimiter(semi, strlen(semi)), ';');
	assert_int_equal(import_csv_delimiter(tab, strlen(tab)), '\t');
	assert_int_equal(import_csv_delimiter("one cell\n", 9), ',');
}

static void test_table_quotes_lines_blank(void **state)
{
	static const char text[] = "a,b\r\n1,\"x\r\ny\",\"say \"\"hi\"\"\"\r\n\r\n2,z\r\n";
	struct import_table t;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(import_csv_table(text, strlen(text), ',', 0, &t, &err), 0);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.blank, 1);
	assert_int_equal(t.recs[1].row, 2);
	assert_int_equal(t.recs[1].line, 2);
	assert_string_equal(t.recs[1].cells[1], "x\r\ny");
	assert_string_equal(t.recs[1].cells[2], "say \"hi\"");
	assert_int_equal(t.recs[2].row, 4); /* the empty line was row 3 */
	assert_int_equal(t.recs[2].line, 5);
	import_table_free(&t);
}

static void test_table_broken_quotes(void **state)
{
	struct import_table t;
	struct error err = ERROR_INIT;
	static const char stray[] = "a,b\n1,x\"y\"\n";
	static const char unclosed[] = "a,b\n1,\"open\n2,x\n3,y\n";
	static const char extra[] = "a,b\n1,\"open\n2,\"x\" y\n";

	(void)state;
	assert_int_equal(import_csv_table(stray, strlen(stray), ',', 0, &t, &err), -1);
	assert_non_null(strstr(err.message, "line 2 (row 2) has a stray quote"));
	error_clear(&err);
	assert_int_equal(import_csv_table(unclosed, strlen(unclosed), ',', 0, &t, &err), -1);
	assert_non_null(strstr(err.message, "opened on line 2 (row 2) is never closed"));
	error_clear(&err);
	assert_int_equal(import_csv_table(extra, strlen(extra), ',', 0, &t, &err), -1);
	assert_non_null(strstr(err.message, "opened on line 2"));
	assert_non_null(strstr(err.message, "line 3"));
	error_clear(&err);
}

static void test_table_huge_cell(void **state)
{
	size_t n = IMPORT_MAX_CELL * 2;
	char *text = malloc(n + 32);
	struct import_table t;
	struct error err = ERROR_INIT;

	(void)state;
	strcpy(text, "a,b\n1,\"");
	memset(text + 7, 'x', n);
	strcpy(text + 7 + n, "\"\n");
	assert_int_equal(import_csv_table(text, strlen(text), ',', 0, &t, &err), -1);
	assert_non_null(strstr(err.message, "larger than 64 KiB"));
	error_clear(&err);
	free(text);
}

/* ---- the header ------------------------------------------------------------------------------ */

static void test_header_cells(void **state)
{
	static const struct {
		const char *cell;
		int col;
	} cases[] = {
		{ "№ п/п", IMPORT_COL_LABEL },
		{ "№ з/п", IMPORT_COL_LABEL },
		{ "№", IMPORT_COL_LABEL },
		{ "No.", IMPORT_COL_LABEL },
		{ "#", IMPORT_COL_LABEL },
		{ "Наименование мероприятия", IMPORT_COL_TITLE },
		{ "Назва заходу", IMPORT_COL_TITLE },
		{ "Title", IMPORT_COL_TITLE },
		{ "Мероприятие", IMPORT_COL_TITLE },
		{ "Срок исполнения", IMPORT_COL_WHEN },
		{ "Термін виконання", IMPORT_COL_WHEN },
		{ "When", IMPORT_COL_WHEN },
		{ "Дата и время проведения", IMPORT_COL_WHEN },
		{ "Date", IMPORT_COL_WHEN },
		{ "СРОКИ", IMPORT_COL_WHEN },
		{ "Ответственный исполнитель", IMPORT_COL_WHO },
		{ "Відповідальний виконавець", IMPORT_COL_WHO },
		{ "Responsible", IMPORT_COL_WHO },
		{ "Ответственный за выполнение", IMPORT_COL_WHO },
		{ "Место проведения мероприятия", IMPORT_COL_PLACE },
		{ "Місце", IMPORT_COL_PLACE },
		{ "Place", IMPORT_COL_PLACE },
		{ "Примечание", IMPORT_COL_DESC },
		{ "Отметка о выполнении", IMPORT_COL_STATE },
		{ "Состояние", IMPORT_COL_STATE },
		{ "Бюджет", IMPORT_COL_NONE },
		{ "14.11 в 15.00", IMPORT_COL_NONE },
		{ "Проведение анкетирования получателей социальных услуг МБУ СО «ЦСПСиД «Надежда» "
		  "по качеству оказываемых услуг",
		  IMPORT_COL_NONE },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = import_header_cell(cases[i].cell);
		if (got != cases[i].col)
			fail_msg("«%s»: column %d, expected %d", cases[i].cell, got, cases[i].col);
	}
}

static void test_header_row(void **state)
{
	char *sample[] = { "№ п/п", "Наименование мероприятия", "Срок исполнения",
			   "Ответственный исполнитель" };
	char *data[] = { "1", "Разработка плана мероприятий", "до 08.11.2017", "Директор" };
	char *odd[] = { "№", "Наименование", "Бюджет", "Источник", "Итого" };
	int map[IMPORT_NCOLS];

	(void)state;
	assert_int_equal(import_header_row(sample, 4, map), 4);
	assert_int_equal(map[IMPORT_COL_LABEL], 0);
	assert_int_equal(map[IMPORT_COL_TITLE], 1);
	assert_int_equal(map[IMPORT_COL_WHEN], 2);
	assert_int_equal(map[IMPORT_COL_WHO], 3);
	assert_int_equal(map[IMPORT_COL_PLACE], -1);
	assert_int_equal(import_header_row(data, 4, map), 0);
	assert_int_equal(import_header_row(odd, 5, map), 0); /* 2 of 5: not a plan's header */
}

static void test_guess_columns(void **state)
{
	static const char text[] = "1,Разработка плана мероприятий учреждения,до 08.11.2017,"
				   "Директор\n2,Анкетирование получателей услуг,08.11. - 15.11. "
				   "2017,Заведующие отделениями\n7.1,Консультации специалистов,"
				   "14.11 9.00-18.00,Психологи\n";
	struct import_table t;
	struct error err = ERROR_INIT;
	int map[IMPORT_NCOLS];

	(void)state;
	assert_int_equal(import_csv_table(text, strlen(text), ',', 0, &t, &err), 0);
	assert_int_equal(import_guess_columns(&t, 0, &plan2017, map), 0);
	assert_int_equal(map[IMPORT_COL_LABEL], 0);
	assert_int_equal(map[IMPORT_COL_TITLE], 1);
	assert_int_equal(map[IMPORT_COL_WHEN], 2);
	assert_int_equal(map[IMPORT_COL_WHO], 3);
	import_table_free(&t);
}

static void test_labels(void **state)
{
	(void)state;
	assert_true(import_looks_label("7"));
	assert_true(import_looks_label("7.1"));
	assert_true(import_looks_label("7."));
	assert_true(import_looks_label(" 12.3.4 "));
	assert_false(import_looks_label("7.1a"));
	assert_false(import_looks_label("10.11.2017"));
	assert_false(import_looks_label(""));
	assert_false(import_looks_label("Директор"));
}

/* ---- a whole file into rows ------------------------------------------------------------------ */

static void test_read_rows(void **state)
{
	static const char text[] =
		"План мероприятий,,,\n"
		"№ п/п;Наименование мероприятия;Срок исполнения;Ответственный;Бюджет\n"
		"1;2;3;4;5\n"
		"1.;\"Семинар\nдля родителей\";\"10.11.2017\n17:00\";\"Директор\n"
		"Психологи; Логопед\";100\n"
		";;;;\n"
		"7.1;Консультации;14.11;;\n";
	struct import_opts o = { .format = IMPORT_CSV, .when = plan2017 };
	struct import_file f;
	struct error err = ERROR_INIT;

	(void)state;
	import_file_init(&f, IMPORT_CSV);
	assert_int_equal(import_csv_read(text, strlen(text), &o, &f, &err), 0);
	assert_int_equal(f.nrows, 4);
	assert_non_null(f.rows[0].skipped); /* above the header */
	assert_int_equal(f.rows[1].row, 3);
	assert_non_null(f.rows[1].skipped); /* the columns' numbers */
	assert_int_equal(f.rows[2].row, 4);
	assert_string_equal(f.rows[2].label, "1");
	assert_string_equal(f.rows[2].title, "Семинар для родителей");
	assert_string_equal(f.rows[2].when, "10.11.2017 17:00");
	assert_int_equal(f.rows[2].nwho, 3);
	assert_string_equal(f.rows[2].who[2], "Логопед");
	assert_int_equal(f.rows[3].row, 6); /* after an empty row */
	assert_int_equal(f.blank, 1);
	assert_int_equal(json_array_size(f.warnings), 1); /* Бюджет is not imported */
	assert_non_null(strstr(json_string_value(json_array_get(f.warnings, 0)), "Бюджет"));
	import_file_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_encodings),
		cmocka_unit_test(test_decode_cp1251),
		cmocka_unit_test(test_decode_bom_and_utf16),
		cmocka_unit_test(test_refuse_not_text),
		cmocka_unit_test(test_delimiter),
		cmocka_unit_test(test_table_quotes_lines_blank),
		cmocka_unit_test(test_table_broken_quotes),
		cmocka_unit_test(test_table_huge_cell),
		cmocka_unit_test(test_header_cells),
		cmocka_unit_test(test_header_row),
		cmocka_unit_test(test_guess_columns),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_read_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
