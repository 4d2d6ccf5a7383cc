/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "utf8.h"
#include "grow.h"

/*
 * A file read into rows: the rows, their warnings, names and texts cleaned. The readers
 * (import_csv_rows.c, import_ics.c, import_names.c) fill rows with these; import_read.c
 * chooses the reader. Nothing here calls back into them.
 */

void import_file_init(struct import_file *f, enum import_format format)
{
	memset(f, 0, sizeof *f);
	f->format = format;
	f->info = json_object();
	f->warnings = json_array();
}

static void row_free(struct import_row *r)
{
	free(r->label);
	free(r->title);
	free(r->when);
	free(r->place);
	free(r->description);
	for (size_t i = 0; i < r->nwho; i++) {
		free(r->who[i]);
		free(r->keys[i]);
		if (r->emails != NULL)
			free(r->emails[i]);
	}
	free(r->who);
	free(r->keys);
	free(r->emails);
	free(r->state);
	free(r->done_by);
	free(r->note);
	free(r->when_exact);
	free(r->uid);
	free(r->parent_uid);
	free(r->refused);
	free(r->skipped);
	json_decref(r->warnings);
}

void import_file_free(struct import_file *f)
{
	for (size_t i = 0; i < f->nrows; i++)
		row_free(&f->rows[i]);
	free(f->rows);
	json_decref(f->info);
	json_decref(f->warnings);
	memset(f, 0, sizeof *f);
}

int import_file_reserve(struct import_file *f, size_t n)
{
	struct import_row *rows;

	if (n <= f->cap)
		return 0;
	if ((rows = realloc(f->rows, n * sizeof *rows)) == NULL)
		return -1;
	f->rows = rows;
	f->cap = n;
	return 0;
}

struct import_row *import_file_add(struct import_file *f, int row)
{
	struct import_row *r;

	if (grow(&f->rows, &f->cap, f->nrows + 1, sizeof *f->rows) == -1)
		return NULL;
	r = &f->rows[f->nrows++];
	memset(r, 0, sizeof *r);
	r->row = row;
	return r;
}

static char *vformat(const char *fmt, va_list ap)
{
	char *s;

	return vasprintf(&s, fmt, ap) == -1 ? NULL : s;
}

void import_file_warn(struct import_file *f, int row, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	if (s == NULL)
		return;
	if (row > 0)
		json_array_append_new(f->warnings, json_sprintf("row %d: %s", row, s));
	else
		json_array_append_new(f->warnings, json_string(s));
	free(s);
}

void import_row_warn(struct import_row *r, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	if (s == NULL)
		return;
	if (r->warnings == NULL)
		r->warnings = json_array();
	json_array_append_new(r->warnings, json_string(s));
	free(s);
}

void import_row_refuse(struct import_row *r, const char *fmt, ...)
{
	va_list ap;

	if (r->refused != NULL)
		return;
	va_start(ap, fmt);
	r->refused = vformat(fmt, ap);
	va_end(ap);
}

void import_row_skip(struct import_row *r, const char *fmt, ...)
{
	va_list ap;

	if (r->skipped != NULL)
		return;
	va_start(ap, fmt);
	r->skipped = vformat(fmt, ap);
	va_end(ap);
}

/* Room for one more name in R's arrays; 0 or -1. */
static int name_room(struct import_row *r, int with_email)
{
	char **who, **keys, **emails;

	if ((who = realloc(r->who, (r->nwho + 1) * sizeof *who)) == NULL)
		return -1;
	r->who = who;
	if ((keys = realloc(r->keys, (r->nwho + 1) * sizeof *keys)) == NULL)
		return -1;
	r->keys = keys;
	/* E-mails only once there is one (iCalendar): NULL for the names before it. */
	if (with_email || r->emails != NULL) {
		if ((emails = realloc(r->emails, (r->nwho + 1) * sizeof *emails)) == NULL)
			return -1;
		if (r->emails == NULL)
			memset(emails, 0, r->nwho * sizeof *emails);
		r->emails = emails;
		emails[r->nwho] = NULL;
	}
	return 0;
}

int import_row_add_name(struct import_row *r, const char *name, const char *email)
{
	char *key;

	if (r->nwho > IMPORT_MAX_NAMES)
		return 0;
	if ((key = utf8_fold_str(name)) == NULL)
		return -1;
	for (size_t i = 0; i < r->nwho; i++)
		if (strcmp(r->keys[i], key) == 0) {
			free(key);
			return 0;
		}
	if (name_room(r, email != NULL) == -1) {
		free(key);
		return -1;
	}
	r->who[r->nwho] = strdup(name);
	if (email != NULL)
		r->emails[r->nwho] = strdup(email);
	if (r->who[r->nwho] == NULL || (email != NULL && r->emails[r->nwho] == NULL)) {
		free(r->who[r->nwho]);
		if (r->emails != NULL) {
			free(r->emails[r->nwho]);
			r->emails[r->nwho] = NULL;
		}
		free(key);
		return -1;
	}
	r->keys[r->nwho++] = key;
	return 0;
}

/* The length of the white space at S (ASCII, no-break and other Unicode spaces), or 0. */
static size_t space_at(const char *s, int *newline)
{
	const unsigned char *u = (const unsigned char *)s;

	*newline = *u == '\n';
	if (*u == ' ' || *u == '\t' || *u == '\r' || *u == '\n' || *u == '\v' || *u == '\f')
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0) /* U+00A0 */
		return 2;
	/* U+2000-200A, U+202F */
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] <= 0x8a || u[2] == 0xaf))
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9)) { /* U+2028, 2029 */
		*newline = 1;
		return 3;
	}
	return 0;
}

/* Copies S (LEN bytes) folding white space; KEEP_LINES keeps line breaks (two at most). */
static char *clean(const char *s, size_t len, int keep_lines)
{
	char *out = malloc(len + 1), *o = out;
	const char *end = s + len;
	int pending = 0, lines = 0, nl;

	if (out == NULL)
		return NULL;
	while (s < end && *s != '\0') {
		size_t n = space_at(s, &nl);
		if (n > 0) {
			pending = 1;
			lines += nl;
			s += n;
			continue;
		}
		if (pending && o != out) {
			if (keep_lines && lines > 0) {
				*o++ = '\n';
				if (lines > 1)
					*o++ = '\n';
			} else {
				*o++ = ' ';
			}
		}
		pending = lines = 0;
		*o++ = *s++;
	}
	*o = '\0';
	if (o == out) {
		free(out);
		return NULL;
	}
	return out;
}

char *import_clean_line(const char *s, size_t len)
{
	return clean(s, len, 0);
}

char *import_clean_text(const char *s, size_t len)
{
	return clean(s, len, 1);
}
