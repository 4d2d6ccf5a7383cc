/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/json_in.h"

/* A request's JSON object checked against the fields an endpoint takes, and read back. */

static const struct field fields[] = {
	{ "title", FIELD_LINE, 10 },
	{ "note", FIELD_TEXT, 10 },
	{ "who", FIELD_LINES, 3 },
	{ NULL, 0, 0 },
};

/* json_in_check on the JSON text S (an object): its result, and ERR for the caller to read. */
static int check(const char *s, const struct field *f, struct error *err)
{
	json_error_t jerr;
	json_t *obj = json_loads(s, JSON_ALLOW_NUL, &jerr);
	int rc;

	assert_non_null(obj);
	rc = json_in_check(obj, f, err);
	json_decref(obj);
	return rc;
}

/* S must pass. */
static void accepted(const char *s)
{
	struct error err = ERROR_INIT;

	assert_int_equal(check(s, fields, &err), 0);
	assert_int_equal(err.kind, ERR_NONE);
	assert_null(err.message);
}

/* S must be refused as KIND with a message that holds WANT. */
static void refused(const char *s, enum err_kind kind, const char *want)
{
	struct error err = ERROR_INIT;

	assert_int_equal(check(s, fields, &err), -1);
	assert_int_equal(err.kind, kind);
	assert_non_null(err.message);
	if (strstr(err.message, want) == NULL)
		fail_msg("%s: message \"%s\" lacks \"%s\"", s, err.message, want);
	error_clear(&err);
}

static void test_no_body(void **state)
{
	struct error err = ERROR_INIT;

	assert_int_equal(json_in_check(NULL, fields, &err), 0);
	assert_int_equal(err.kind, ERR_NONE);
	accepted("{}");
	accepted("{\"title\": \"a\", \"note\": \"b\", \"who\": [\"c\"]}");
}

static void test_unknown_field(void **state)
{
	static const struct field none[] = { { NULL, 0, 0 } };
	struct error err = ERROR_INIT;

	refused("{\"titel\": \"a\"}", ERR_UNKNOWN_FIELD,
		"unknown field «titel»; this request takes: title, note, who");
	/* Names are exact: no case folding, no prefixes. */
	refused("{\"Title\": \"a\"}", ERR_UNKNOWN_FIELD, "«Title»");
	refused("{\"titl\": \"a\"}", ERR_UNKNOWN_FIELD, "«titl»");
	refused("{\"\": \"a\"}", ERR_UNKNOWN_FIELD, "«»");
	assert_int_equal(check("{\"a\": 1}", none, &err), -1);
	assert_int_equal(err.kind, ERR_UNKNOWN_FIELD);
	assert_string_equal(err.message, "unknown field «a»; this request takes: no fields");
	error_clear(&err);
}

/* The list of names is cut to its buffer, never beyond: a long list still ends the message. */
static void test_unknown_field_long_list(void **state)
{
	static struct field many[41];
	static char names[40][16];
	struct error err = ERROR_INIT;

	for (int i = 0; i < 40; i++) {
		snprintf(names[i], sizeof names[i], "field_number_%02d", i);
		many[i] = (struct field){ names[i], FIELD_LINE, 10 };
	}
	many[40] = (struct field){ NULL, 0, 0 };
	assert_int_equal(check("{\"nope\": 1}", many, &err), -1);
	assert_int_equal(err.kind, ERR_UNKNOWN_FIELD);
	assert_non_null(strstr(err.message, "«nope»; this request takes: field_number_00, "));
	assert_true(strlen(err.message) < 256 + 64);
	assert_null(strstr(err.message, "field_number_39"));
	error_clear(&err);
	assert_int_equal(check("{\"field_number_39\": \"x\"}", many, &err), 0);
}

static void test_wrong_types(void **state)
{
	refused("{\"title\": 5}", ERR_BAD_FIELD, "«title» must be a string");
	refused("{\"title\": null}", ERR_BAD_FIELD, "«title» must be a string");
	refused("{\"title\": true}", ERR_BAD_FIELD, "«title» must be a string");
	refused("{\"title\": [\"a\"]}", ERR_BAD_FIELD, "«title» must be a string");
	refused("{\"note\": {}}", ERR_BAD_FIELD, "«note» must be a string");
	refused("{\"who\": \"a\"}", ERR_BAD_FIELD, "«who» must be a list of strings");
	refused("{\"who\": null}", ERR_BAD_FIELD, "«who» must be a list of strings");
	refused("{\"who\": [\"a\", 2]}", ERR_BAD_FIELD, "«who» must be a string");
	refused("{\"who\": [[\"a\"]]}", ERR_BAD_FIELD, "«who» must be a string");
}

static void test_lengths(void **state)
{
	char big[700], body[800];

	accepted("{\"title\": \"0123456789\"}"); /* exactly max */
	refused("{\"title\": \"0123456789a\"}", ERR_BAD_FIELD,
		"«title» is longer than 10 characters");
	/* Characters, not bytes: ten Cyrillic letters (twenty bytes) fit, eleven do not. */
	accepted("{\"title\": \"абвгдеёжзи\"}");
	refused("{\"title\": \"абвгдеёжзий\"}", ERR_BAD_FIELD, "longer than 10 characters");
	accepted("{\"note\": \"012345678\\n\"}");
	refused("{\"note\": \"0123456789\\n\"}", ERR_BAD_FIELD,
		"«note» is longer than 10 characters");
	accepted("{\"title\": \"\"}");
	/* A list: at most MAX entries, each a line of at most 500 characters. */
	accepted("{\"who\": []}");
	accepted("{\"who\": [\"a\", \"b\", \"c\"]}");
	refused("{\"who\": [\"a\", \"b\", \"c\", \"d\"]}", ERR_BAD_FIELD,
		"«who» has more than 3 entries");
	memset(big, 'x', 500);
	big[500] = '\0';
	snprintf(body, sizeof body, "{\"who\": [\"%s\"]}", big);
	accepted(body);
	big[500] = 'x';
	big[501] = '\0';
	snprintf(body, sizeof body, "{\"who\": [\"%s\"]}", big);
	refused(body, ERR_BAD_FIELD, "«who» is longer than 500 characters");
}

static void test_control_characters(void **state)
{
	/* A line takes no new line, tab or other control character; a text takes \n, \r, \t. */
	refused("{\"title\": \"a\\nb\"}", ERR_BAD_FIELD,
		"«title» holds control characters or new lines");
	refused("{\"title\": \"a\\tb\"}", ERR_BAD_FIELD, "«title» holds control characters");
	refused("{\"title\": \"a\\u0001\"}", ERR_BAD_FIELD, "«title» holds control characters");
	refused("{\"title\": \"a\\u007f\"}", ERR_BAD_FIELD, "«title» holds control characters");
	accepted("{\"note\": \"a\\nb\\r\\tc\"}");
	refused("{\"note\": \"a\\u001b[31m\"}", ERR_BAD_FIELD, "«note» holds control characters");
	refused("{\"note\": \"\\u007f\"}", ERR_BAD_FIELD, "«note» holds control characters");
	/* A NUL would cut the string short in C: refused, in a line or a text. */
	refused("{\"title\": \"a\\u0000b\"}", ERR_BAD_FIELD, "«title» holds control characters");
	refused("{\"note\": \"a\\u0000b\"}", ERR_BAD_FIELD, "«note» holds control characters");
	refused("{\"who\": [\"a\\nb\"]}", ERR_BAD_FIELD, "«who» holds control characters");
	/* Text above U+007F is not control. */
	accepted("{\"title\": \"«ё» №\"}");
}

/* The first refusal is the one reported: the error keeps its first cause. */
static void test_first_cause_wins(void **state)
{
	struct error err = ERROR_INIT;

	assert_int_equal(check("{\"title\": 5}", fields, &err), -1);
	assert_int_equal(check("{\"zzz\": 5}", fields, &err), -1);
	assert_int_equal(err.kind, ERR_BAD_FIELD);
	assert_string_equal(err.message, "«title» must be a string");
	error_clear(&err);
}

static void test_str(void **state)
{
	json_t *obj = json_pack("{s:s, s:i, s:n, s:s}", "title", "Приказ", "n", 5, "z", "e", "");

	assert_non_null(obj);
	assert_string_equal(json_in_str(obj, "title"), "Приказ");
	assert_string_equal(json_in_str(obj, "e"), "");
	assert_null(json_in_str(obj, "n")); /* not a string */
	assert_null(json_in_str(obj, "z")); /* null */
	assert_null(json_in_str(obj, "missing"));
	assert_null(json_in_str(NULL, "title"));
	json_decref(obj);
}

static void test_trimmed(void **state)
{
	json_t *obj = json_pack("{s:s, s:s, s:s, s:s, s:i}", "a", "  Иванова А. П. \t", "b",
				" \n\t\r ", "c", "in  side", "d", "\nx\n", "n", 1);
	char *s;

	assert_non_null(obj);
	assert_non_null(s = json_in_trimmed(obj, "a"));
	assert_string_equal(s, "Иванова А. П.");
	free(s);
	assert_non_null(s = json_in_trimmed(obj, "b"));
	assert_string_equal(s, "");
	free(s);
	assert_non_null(s = json_in_trimmed(obj, "c"));
	assert_string_equal(s, "in  side"); /* inner space stays */
	free(s);
	assert_non_null(s = json_in_trimmed(obj, "d"));
	assert_string_equal(s, "x");
	free(s);
	assert_null(json_in_trimmed(obj, "n"));
	assert_null(json_in_trimmed(obj, "missing"));
	assert_null(json_in_trimmed(NULL, "a"));
	json_decref(obj);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_body),
		cmocka_unit_test(test_unknown_field),
		cmocka_unit_test(test_unknown_field_long_list),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_first_cause_wins),
		cmocka_unit_test(test_str),
		cmocka_unit_test(test_trimmed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
