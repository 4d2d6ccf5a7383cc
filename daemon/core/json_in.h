/* SPDX-License-Identifier: MIT */
/* Checking a request's JSON object against the fields an endpoint takes. */
#ifndef QWEEK_JSON_IN_H
#define QWEEK_JSON_IN_H

#include <jansson.h>

#include "core/error.h"

enum field_type {
	FIELD_LINE,  /* a string on one line: names, titles, labels */
	FIELD_TEXT,  /* a string that may hold new lines: descriptions, notes */
	FIELD_LINES, /* an array of FIELD_LINE strings */
	FIELD_BOOL,  /* true or false */
};

struct field {
	const char *name;
	enum field_type type;
	size_t max; /* bytes for strings, elements for arrays */
};

/*
 * Checks that OBJ (may be NULL: no body) holds only FIELDS (ended by a NULL name), each of its
 * type and size, without control characters. Returns 0 or -1 with ERR naming the field.
 */
int json_in_check(json_t *obj, const struct field *fields, struct error *err);

/* The string field NAME of OBJ, or NULL when absent (after json_in_check). */
const char *json_in_str(json_t *obj, const char *name);

/* The string NAME with white space trimmed at both ends, malloc'd; NULL when absent. */
char *json_in_trimmed(json_t *obj, const char *name);

#endif
