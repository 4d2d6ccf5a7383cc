/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "import/import_csv.h"
#include "import/import_header.h"
#include "import/import_names.h"
#include "utf8.h"

/*
 * From a table of cells to the rows of a plan: find the header (or guess the columns and say
 * so), skip what is above it and a row of column numbers under it, and read each record's
 * cells as an item's number, title, WHEN, people, place, description and state.
 */

#define HEADER_SEARCH 10 /* records in which a header may be found */

static int record_empty(const struct csv_record *rec)
{
	for (size_t i = 0; i < rec->ncells; i++)
		if (rec->cells[i][strspn(rec->cells[i], " \t\r\n")] != '\0')
			return 0;
	return 1;
}

static const char *cell_at(const struct csv_record *rec, int col)
{
	return col >= 0 && (size_t)col < rec->ncells ? rec->cells[col] : "";
}

/* A row of "1", "2", "3", ... under the header: the columns' numbers, as official forms have. */
static int column_numbers(const struct csv_record *rec)
{
	int expect = 1, seen = 0;

	for (size_t i = 0; i < rec->ncells; i++) {
		const char *c = rec->cells[i] + strspn(rec->cells[i], " ");
		if (*c == '\0')
			continue;
		if (atoi(c) != expect++ || strspn(c, "0123456789") != strcspn(c, " "))
			return 0;
		seen++;
	}
	return seen >= 2;
}

/* "№ 7.1." → "7.1"; NULL if nothing is left. */
static char *clean_label(const char *cell)
{
	char *s = import_clean_line(cell, strlen(cell)), *p;
	size_t n;

	if (s == NULL)
		return NULL;
	p = s;
	if (strncmp(p, "№", 3) == 0 || *p == '#')
		p += *p == '#' ? 1 : 3;
	p += strspn(p, " ");
	memmove(s, p, strlen(p) + 1);
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ')' || s[n - 1] == ' '))
		s[--n] = '\0';
	if (n == 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* The state a cell names: "done", "cancelled", NULL for open; *KNOWN 0 if not understood. */
static const char *read_state(const char *cell, int *known)
{
	static const char done[] = "|выполнено|выполнен|выполнена|сделано|исполнено|виконано|"
				   "виконаний|виконана|зроблено|done|completed|complete|да|так|"
				   "yes|+|✓|✔|v|x|";
	static const char cancelled[] = "|отменено|отменен|отменена|отмена|скасовано|скасований|"
					"скасована|cancelled|canceled|";
	static const char open[] = "|открыто|открыт|в работе|не выполнено|нет|відкрито|"
				   "в роботі|не виконано|ні|open|no|to do|todo|-|";
	char *key = utf8_fold_str(cell), *wrapped = NULL;
	const char *state = NULL;

	*known = 1;
	if (key == NULL || *key == '\0' || asprintf(&wrapped, "|%s|", key) == -1)
		wrapped = NULL;
	else if (strstr(done, wrapped) != NULL)
		state = "done";
	else if (strstr(cancelled, wrapped) != NULL)
		state = "cancelled";
	else if (strstr(open, wrapped) == NULL)
		*known = 0;
	free(key);
	free(wrapped);
	return state;
}

static int read_names(struct import_row *r, const char *cell)
{
	char **names;
	int n = import_names_split(cell, &names);

	if (n == -1)
		return -1;
	for (int i = 0; i < n; i++)
		if (import_row_add_name(r, names[i], NULL) == -1) {
			import_names_free(names, n);
			return -1;
		}
	import_names_free(names, n);
	return 0;
}

static char *line_of(const struct csv_record *rec, int col)
{
	const char *c = cell_at(rec, col);

	return import_clean_line(c, strlen(c));
}

/* Fills row R from record REC with the columns of MAP; 0 or -1 (out of memory). */
static int read_record(struct import_row *r, const struct csv_record *rec, const int *map)
{
	const char *state = cell_at(rec, map[IMPORT_COL_STATE]), *desc;
	int known;

	r->label = clean_label(cell_at(rec, map[IMPORT_COL_LABEL]));
	r->title = line_of(rec, map[IMPORT_COL_TITLE]);
	r->when = line_of(rec, map[IMPORT_COL_WHEN]);
	r->place = line_of(rec, map[IMPORT_COL_PLACE]);
	desc = cell_at(rec, map[IMPORT_COL_DESC]);
	r->description = import_clean_text(desc, strlen(desc));
	if (read_names(r, cell_at(rec, map[IMPORT_COL_WHO])) == -1)
		return -1;
	if (*state != '\0') {
		const char *s = read_state(state, &known);
		if (!known)
			import_row_warn(r, "the state «%s» is not understood: a new item is open",
					state);
		if (s != NULL && (r->state = strdup(s)) == NULL)
			return -1;
	}
	return 0;
}

/* The index of the header among the first records, or -1; fills MAP. */
static int find_header(const struct import_table *t, int map[IMPORT_NCOLS])
{
	for (size_t i = 0; i < t->n && i < HEADER_SEARCH; i++)
		if (import_header_row(t->recs[i].cells, t->recs[i].ncells, map) > 0)
			return (int)i;
	return -1;
}

static void describe_columns(struct import_file *f, const int *map, char delim, int header_row)
{
	json_t *cols = json_object();
	char d[2] = { delim, '\0' };

	for (int c = 0; c < IMPORT_NCOLS; c++)
		if (map[c] >= 0)
			json_object_set_new(cols, import_col_name(c), json_integer(map[c] + 1));
	json_object_set_new(f->info, "delimiter", json_string(delim == '\t' ? "tab" : d));
	json_object_set_new(f->info, "header_row",
			    header_row > 0 ? json_integer(header_row) : json_null());
	json_object_set_new(f->info, "columns", cols);
}

/* "took column 1 as №, column 2 as the title, ...": what a file without a header gave. */
static void warn_guessed(struct import_file *f, const int *map)
{
	char buf[512];
	size_t n = 0;

	for (int c = 0; c < IMPORT_NCOLS && n < sizeof buf; c++)
		if (map[c] >= 0)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%scolumn %d as %s",
					      n ? ", " : "", map[c] + 1, import_col_name(c));
	import_file_warn(f, 0,
			 "the file has no header row (№, Наименование, Срок, "
			 "Ответственный): took %s",
			 buf);
}

/* Columns with text that no field takes: said, never dropped silently. */
static void warn_unused(struct import_file *f, const struct import_table *t, size_t first,
			const int *map, int header)
{
	size_t ncols = 0;

	for (size_t r = first; r < t->n; r++)
		if (t->recs[r].ncells > ncols)
			ncols = t->recs[r].ncells;
	for (size_t c = 0; c < ncols && c < IMPORT_MAX_COLUMNS; c++) {
		int used = 0, filled = 0;
		for (int k = 0; k < IMPORT_NCOLS; k++)
			used |= map[k] == (int)c;
		for (size_t r = first + (header >= 0); r < t->n && !used && !filled; r++)
			filled = *cell_at(&t->recs[r], (int)c) != '\0';
		if (used || !filled)
			continue;
		if (header >= 0 && *cell_at(&t->recs[header], (int)c) != '\0')
			import_file_warn(f, 0,
					 "column %zu («%s») is not imported: qweek does not "
					 "know what it holds",
					 c + 1, cell_at(&t->recs[header], (int)c));
		else
			import_file_warn(f, 0,
					 "column %zu is not imported: qweek does not know "
					 "what it holds",
					 c + 1);
	}
}

/* Decides the columns: MAP, and the index of the first data record in *FIRST. */
static int layout(struct import_file *f, const struct import_table *t, char delim,
		  const struct import_opts *o, int *map, size_t *first, int *header,
		  struct error *err)
{
	*header = find_header(t, map);
	*first = *header >= 0 ? (size_t)*header + 1 : 0;
	if (*header < 0 && import_guess_columns(t, 0, &o->when, map) == -1)
		return error_set(err, ERR_INVALID,
				 "the file has no header row (№, Наименование, "
				 "Срок, Ответственный) and no column of it reads as dates: add "
				 "a header row, or check that this is the plan");
	if (*header < 0)
		warn_guessed(f, map);
	describe_columns(f, map, delim, *header >= 0 ? t->recs[*header].row : 0);
	warn_unused(f, t, *header >= 0 ? (size_t)*header : 0, map, *header);
	f->has_place = map[IMPORT_COL_PLACE] >= 0;
	f->has_description = map[IMPORT_COL_DESC] >= 0;
	f->has_state = map[IMPORT_COL_STATE] >= 0;
	return 0;
}

/* Records above the header, listed as skipped. */
static int skip_above(struct import_file *f, const struct import_table *t, int header)
{
	for (int i = 0; i < header; i++) {
		struct import_row *r = import_file_add(f, t->recs[i].row);
		const char *first = "";
		if (r == NULL)
			return -1;
		for (size_t c = 0; c < t->recs[i].ncells && *first == '\0'; c++)
			first = t->recs[i].cells[c];
		r->title = import_clean_line(first, strlen(first));
		import_row_skip(r, "it is above the table's header (row %d)", t->recs[header].row);
	}
	return 0;
}

static int read_rows(struct import_file *f, const struct import_table *t, size_t first,
		     const int *map)
{
	for (size_t i = first; i < t->n; i++) {
		const struct csv_record *rec = &t->recs[i];
		struct import_row *r;
		if (record_empty(rec)) {
			f->blank++;
			continue;
		}
		if ((r = import_file_add(f, rec->row)) == NULL)
			return -1;
		if (i == first && first > 0 && column_numbers(rec)) {
			import_row_skip(r, "it holds the columns' numbers");
			continue;
		}
		if (read_record(r, rec, map) == -1)
			return -1;
	}
	return 0;
}

/* Old Mac files end lines with CR alone: make them LF, so that lines count right. */
static char *unify_line_ends(const char *text, size_t len)
{
	char *copy;

	if (memchr(text, '\n', len) != NULL || memchr(text, '\r', len) == NULL)
		return NULL;
	if ((copy = strndup(text, len)) == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++)
		if (copy[i] == '\r')
			copy[i] = '\n';
	return copy;
}

static int any_text(const struct import_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (!record_empty(&t->recs[i]))
			return 1;
	return 0;
}

static int any_item(const struct import_file *f)
{
	for (size_t i = 0; i < f->nrows; i++)
		if (f->rows[i].skipped == NULL)
			return 1;
	return 0;
}

int import_csv_read(const char *text, size_t len, const struct import_opts *o,
		    struct import_file *f, struct error *err)
{
	char *unified = unify_line_ends(text, len), delim;
	struct import_table t;
	int map[IMPORT_NCOLS], header, rc = -1;
	size_t first;

	if (unified != NULL)
		text = unified;
	delim = import_csv_delimiter(text, len);
	if (import_csv_table(text, len, delim, 0, &t, err) == -1)
		goto out;
	f->blank = t.blank;
	if (!any_text(&t)) {
		error_set(err, ERR_INVALID, "the file has no rows with text in them");
	} else if (layout(f, &t, delim, o, map, &first, &header, err) == 0) {
		if (import_file_reserve(f, t.n) == -1 ||
		    (header > 0 && skip_above(f, &t, header) == -1) ||
		    read_rows(f, &t, first, map) == -1)
			error_set(err, ERR_INTERNAL, "out of memory");
		else if (!any_item(f))
			error_set(err, ERR_INVALID, "the file has a header but no rows under it");
		else
			rc = 0;
	}
	import_table_free(&t);
out:
	free(unified);
	return rc;
}
