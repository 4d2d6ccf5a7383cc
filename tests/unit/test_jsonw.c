/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/jsonw.h"

/* The daemon's JSON writer: escapes found at any position of a word, text that jansson reads. */

/* The escape of every byte, one at a time: what jsonw must write. */
static void escape_slowly(const char *s, size_t n, char *out)
{
	*out++ = '"';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			out += sprintf(out, "\\%c", c);
		else if (c == '\n')
			out += sprintf(out, "\\n");
		else if (c == '\r')
			out += sprintf(out, "\\r");
		else if (c == '\t')
			out += sprintf(out, "\\t");
		else if (c < 0x20)
			out += sprintf(out, "\\u%04x", c);
		else
			*out++ = (char)c;
	}
	*out++ = '"';
	*out = '\0';
}

static void test_escapes_anywhere(void **state)
{
	static const char *const specials[] = { "\"", "\\",   "\n", "\r", "\t",	  "\x01", "\x1f",
						"ж",  "\x7f", "€",  " ",  "\"\"", "\\\\" };
	static const char *const fills[] = { "a", "ж", "\"" };
	char s[128], want[1024];

	for (size_t f = 0; f < sizeof fills / sizeof fills[0]; f++) {
		for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++) {
			for (int pad = 0; pad < 24; pad++) {
				struct jsonw w;
				size_t n = 0, len;
				char *text;

				for (int i = 0; i < pad; i++)
					n += (size_t)snprintf(s + n, sizeof s - n, "%s", fills[f]);
				n += (size_t)snprintf(s + n, sizeof s - n, "%s%.*s", specials[k],
						      pad % 11, "tail tail t");
				escape_slowly(s, n, want);
				jsonw_init(&w);
				jsonw_stringn(&w, s, n);
				text = jsonw_take(&w, &len);
				assert_non_null(text);
				assert_int_equal(len, strlen(want));
				assert_memory_equal(text, want, len);
				free(text);
			}
		}
	}
}

static void test_document(void **state)
{
	static const char head[] = "{\"items\":[{\"id\":-1,\"title\":\"x\",\"note\":null,";
	struct jsonw w;
	json_error_t e;
	json_t *doc;
	size_t len;
	char *text;

	jsonw_init(&w);
	jsonw_object(&w);
	jsonw_key(&w, "items");
	jsonw_array(&w);
	for (int i = 0; i < 3; i++) {
		jsonw_object(&w);
		jsonw_key(&w, "id");
		jsonw_int(&w, i - 1);
		jsonw_key(&w, "title");
		jsonw_string(&w, i == 1 ? "Мероприятие №1: \"кавычки\"\n" : "x");
		jsonw_key(&w, "note");
		jsonw_string(&w, NULL);
		jsonw_key(&w, "overdue");
		jsonw_bool(&w, i == 2);
		jsonw_key(&w, "who");
		jsonw_array(&w);
		jsonw_stringn(&w, "Петров, Иванова", 12); /* the first name only */
		jsonw_stringn(&w, "", 0);
		jsonw_end(&w, ']');
		jsonw_end(&w, '}');
	}
	jsonw_end(&w, ']');
	jsonw_key(&w, "raw");
	jsonw_raw(&w, "[1,2]", 5);
	jsonw_end(&w, '}');
	assert_false(w.buf.failed);
	text = jsonw_take(&w, &len);
	doc = json_loadb(text, len, 0, &e);
	assert_non_null(doc);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 3);
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(json_object_get(doc, "items"), 1), "title")),
			    "Мероприятие №1: \"кавычки\"\n");
	assert_memory_equal(text, head, sizeof head - 1);
	json_decref(doc);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes_anywhere),
		cmocka_unit_test(test_document),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
