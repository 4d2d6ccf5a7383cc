/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_in.h"
#include "utf8.h"

/* Requests say exactly what they mean: unknown fields and wrong types are refused by name. */

static const struct field *field_find(const struct field *fields, const char *name)
{
	for (; fields->name != NULL; fields++)
		if (strcmp(fields->name, name) == 0)
			return fields;
	return NULL;
}

static void field_names(const struct field *fields, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (; fields->name != NULL && used < len; fields++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
					 fields->name);
}

/* Control characters break tables, feeds and logs; new lines and tabs only in texts. */
static int has_control(const char *s, int multiline)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 || c == 0x7f) &&
		    !(multiline && (c == '\n' || c == '\t' || c == '\r')))
			return 1;
	}
	return 0;
}

static int check_string(const char *name, json_t *v, int multiline, size_t max, struct error *err)
{
	if (!json_is_string(v))
		return error_set(err, ERR_BAD_FIELD, "«%s» must be a string", name);
	/* Characters, as people count them (and a form's maxlength): not bytes. */
	if (utf8_length(json_string_value(v)) > max)
		return error_set(err, ERR_BAD_FIELD, "«%s» is longer than %zu characters", name,
				 max);
	if (strlen(json_string_value(v)) != json_string_length(v) ||
	    has_control(json_string_value(v), multiline))
		return error_set(err, ERR_BAD_FIELD, "«%s» holds control characters%s", name,
				 multiline ? "" : " or new lines");
	return 0;
}

static int check_field(const struct field *f, json_t *v, struct error *err)
{
	size_t i;
	json_t *e;

	switch (f->type) {
	case FIELD_LINE:
		return check_string(f->name, v, 0, f->max, err);
	case FIELD_TEXT:
		return check_string(f->name, v, 1, f->max, err);
	case FIELD_LINES:
		if (!json_is_array(v))
			return error_set(err, ERR_BAD_FIELD, "«%s» must be a list of strings",
					 f->name);
		if (json_array_size(v) > f->max)
			return error_set(err, ERR_BAD_FIELD, "«%s» has more than %zu entries",
					 f->name, f->max);
		json_array_foreach (v, i, e)
			if (check_string(f->name, e, 0, 500, err) == -1)
				return -1;
		return 0;
	case FIELD_BOOL:
		return json_is_boolean(v) ?
			       0 :
			       error_set(err, ERR_BAD_FIELD, "«%s» must be true or false", f->name);
	}
	return 0;
}

int json_in_check(json_t *obj, const struct field *fields, struct error *err)
{
	const char *key;
	json_t *v;
	char names[256];

	if (obj == NULL)
		return 0;
	json_object_foreach (obj, key, v) {
		const struct field *f = field_find(fields, key);
		if (f == NULL) {
			field_names(fields, names, sizeof names);
			return error_set(err, ERR_UNKNOWN_FIELD,
					 "unknown field «%s»; this request "
					 "takes: %s",
					 key, *names ? names : "no fields");
		}
		if (check_field(f, v, err) == -1)
			return -1;
	}
	return 0;
}

const char *json_in_str(json_t *obj, const char *name)
{
	return obj != NULL ? json_string_value(json_object_get(obj, name)) : NULL;
}

char *json_in_trimmed(json_t *obj, const char *name)
{
	const char *s = json_in_str(obj, name), *end;

	if (s == NULL)
		return NULL;
	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	return strndup(s, (size_t)(end - s));
}
