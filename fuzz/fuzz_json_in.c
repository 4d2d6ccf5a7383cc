/* SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "core/error.h"
#include "core/json_in.h"
#include "utf8.h"

/*
 * libFuzzer target for the JSON request decoder, as http.c and api_item.c run it: valid UTF-8,
 * json_loadb rejecting duplicate keys, an object, then json_in_check with the item fields and
 * the trimmed strings a handler takes. A refusal always says why; nothing leaks.
 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The fields of POST/PATCH .../items (api_item.c), and of done/reopen (api_state.c). */
static const struct field item_fields[] = {
	{ "title", FIELD_LINE, 2000 },
	{ "when", FIELD_TEXT, 200 },
	{ "due", FIELD_TEXT, 200 },
	{ "who", FIELD_LINES, 50 },
	{ "label", FIELD_LINE, 32 },
	{ "parent", FIELD_LINE, 40 },
	{ "where", FIELD_LINE, 500 },
	{ "description", FIELD_TEXT, 20000 },
	{ NULL, 0, 0 },
};
static const struct field note_fields[] = { { "note", FIELD_TEXT, 20000 }, { NULL, 0, 0 } };

static void check(json_t *body, const struct field *fields)
{
	struct error err = ERROR_INIT;
	int rc = json_in_check(body, fields, &err);

	if (rc == -1 && (err.kind == ERR_NONE || err.message == NULL))
		abort(); /* a refusal always says why */
	if (rc == 0 && err.kind != ERR_NONE)
		abort();
	if (rc == 0) {
		for (const struct field *f = fields; f->name != NULL; f++) {
			if (f->type == FIELD_LINES)
				continue;
			free(json_in_trimmed(body, f->name));
			(void)json_in_str(body, f->name);
		}
	}
	error_clear(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t jerr;
	json_t *body;

	if (size > 65536 || !utf8_valid((const char *)data, size))
		return 0;
	body = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &jerr);
	if (body == NULL || !json_is_object(body)) {
		json_decref(body);
		return 0;
	}
	check(body, item_fields);
	check(body, note_fields);
	json_decref(body);
	return 0;
}
