/* SPDX-License-Identifier: MIT */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_csv.h"
#include "grow.h"

/*
 * CSV to a table of cells with libcsv, fed one text line at a time so that every record knows
 * the line it starts on and empty lines count as the spreadsheet rows they were.
 */

#define CSV_BLOCK     4096
#define SNIFF_BYTES   (64 * 1024)
#define SNIFF_RECORDS 50

/* libcsv's state before a record begins (its ROW_NOT_BEGUN, not exported). */
#define CSV_ROW_NOT_BEGUN 0

struct feed {
	struct import_table *t;
	char **cells; /* the record being read (the cells in T's arena) */
	size_t n, cap;
	int row, line, rec_line;
	size_t max;
	int overflow; /* a record with too many cells, or too many records */
	int nomem;
	int at_end; /* the failure came at the end of the text */
};

/* libcsv grows a cell's buffer by CSV_BLOCK; past the limit it fails (CSV_ENOMEM). */
static void *capped_realloc(void *p, size_t size)
{
	if (size > IMPORT_MAX_CELL + CSV_BLOCK)
		return NULL;
	return realloc(p, size);
}

static int space_only(unsigned char c)
{
	return c == ' ';
}

void import_table_free(struct import_table *t)
{
	free(t->recs);
	import_arena_free(&t->cells);
	memset(t, 0, sizeof *t);
}

static void on_cell(void *s, size_t len, void *arg)
{
	struct feed *f = arg;
	char *cell;

	if (f->overflow || f->nomem)
		return;
	if (f->n == IMPORT_MAX_COLUMNS) {
		f->overflow = 1;
		return;
	}
	if (grow(&f->cells, &f->cap, f->n + 1, sizeof *f->cells) == -1) {
		f->nomem = 1;
		return;
	}
	if ((cell = import_arena_strndup(&f->t->cells, len > 0 ? s : "", len)) == NULL) {
		f->nomem = 1;
		return;
	}
	f->cells[f->n++] = cell;
}

static void on_record(int c, void *arg)
{
	struct feed *f = arg;
	struct import_table *t = f->t;
	struct csv_record *r;
	char **cells;

	(void)c;
	if (f->overflow || f->nomem)
		goto reset;
	if (t->n == f->max) {
		f->overflow = 1;
		goto reset;
	}
	if (grow(&t->recs, &t->cap, t->n + 1, sizeof *t->recs) == -1) {
		f->nomem = 1;
		goto reset;
	}
	if ((cells = import_arena_alloc(&t->cells, (f->n + 1) * sizeof *cells)) == NULL) {
		f->nomem = 1;
		goto reset;
	}
	if (f->n > 0)
		memcpy(cells, f->cells, f->n * sizeof *cells);
	r = &t->recs[t->n++];
	r->row = f->row++;
	r->line = f->rec_line;
	r->cells = cells;
	r->ncells = f->n;
reset:
	f->n = 0; /* the array is the next record's */
}

static int blank_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Why libcsv stopped, for people. */
static int parse_error(struct csv_parser *p, struct feed *f, struct error *err)
{
	if (f->nomem)
		return error_set(err, ERR_INTERNAL, "out of memory");
	if (f->overflow && f->t->n == f->max)
		return error_set(err, ERR_INVALID, "the file has more than %zu rows", f->max);
	if (f->overflow)
		return error_set(err, ERR_INVALID,
				 "row %d (line %d) has more than %d cells: is "
				 "this a plan's table?",
				 f->row, f->rec_line, IMPORT_MAX_COLUMNS);
	if (csv_error(p) == CSV_ENOMEM || csv_error(p) == CSV_ETOOBIG)
		return error_set(err, ERR_INVALID,
				 "row %d (from line %d) has a cell larger than "
				 "%d KiB: is a quote missing there?",
				 f->row, f->rec_line, IMPORT_MAX_CELL / 1024);
	if (f->at_end)
		return error_set(err, ERR_INVALID,
				 "a quote opened on line %d (row %d) is never "
				 "closed: is a quote missing there?",
				 f->rec_line, f->row);
	if (f->line == f->rec_line)
		return error_set(err, ERR_INVALID,
				 "line %d (row %d) has a stray quote: a cell "
				 "with a quote in it must be in quotes itself, with the quote "
				 "doubled (\"\"), and nothing may follow a closing quote",
				 f->line, f->row);
	return error_set(err, ERR_INVALID,
			 "a quote opened on line %d (row %d) does not close "
			 "where it should: text follows the quote that closes it on line %d; "
			 "is a quote missing or extra?",
			 f->rec_line, f->row, f->line);
}

static void init_parser(struct csv_parser *p, char delim)
{
	csv_init(p, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_delim(p, (unsigned char)delim);
	csv_set_space_func(p, space_only);
	csv_set_realloc_func(p, capped_realloc);
	csv_set_blk_size(p, CSV_BLOCK);
}

/* Feeds TEXT to P line by line; 0 or -1 (parse_error says why). */
static int feed_lines(struct csv_parser *p, struct feed *f, const char *text, size_t len)
{
	const char *s = text, *end = text + len;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl != NULL ? (size_t)(nl - s) + 1 : (size_t)(end - s);
		f->line++;
		if (p->pstate == CSV_ROW_NOT_BEGUN) {
			f->rec_line = f->line;
			if (blank_line(s, n)) {
				f->t->blank++;
				f->row++;
				s += n;
				continue;
			}
		}
		if (csv_parse(p, s, n, on_cell, on_record, f) != n || f->overflow || f->nomem)
			return -1;
		s += n;
	}
	f->at_end = 1;
	return csv_fini(p, on_cell, on_record, f) != 0 || f->overflow || f->nomem ? -1 : 0;
}

int import_csv_table(const char *text, size_t len, char delim, size_t max_records,
		     struct import_table *t, struct error *err)
{
	struct feed f = { .t = t, .row = 1, .max = max_records ? max_records : IMPORT_MAX_ROWS };
	struct csv_parser p;
	int rc = 0;

	memset(t, 0, sizeof *t);
	init_parser(&p, delim);
	/* A sample (MAX_RECORDS given) keeps what it could read: only its cell counts matter. */
	if (feed_lines(&p, &f, text, len) == -1 && max_records == 0)
		rc = parse_error(&p, &f, err);
	free(f.cells);
	csv_free(&p);
	if (rc == -1)
		import_table_free(t);
	return rc;
}

/* How well DELIM splits the start of TEXT: records that have the most common cell count. */
static long delimiter_score(const char *text, size_t len, char delim)
{
	struct import_table t;
	struct error err = ERROR_INIT;
	int counts[IMPORT_MAX_COLUMNS + 1] = { 0 };
	long best = 0;

	if (import_csv_table(text, len, delim, SNIFF_RECORDS, &t, &err) == -1) {
		error_clear(&err);
		return -1;
	}
	error_clear(&err);
	for (size_t i = 0; i < t.n; i++) {
		size_t n = t.recs[i].ncells;
		while (n > 1 && t.recs[i].cells[n - 1][0] == '\0')
			n--; /* Excel's trailing empty cells */
		counts[n]++;
	}
	for (int n = 2; n <= IMPORT_MAX_COLUMNS; n++)
		if (counts[n] > 0 && (long)counts[n] * 1000 + n > best)
			best = (long)counts[n] * 1000 + n;
	import_table_free(&t);
	return best;
}

char import_csv_delimiter(const char *text, size_t len)
{
	static const char candidates[] = { ';', ',', '\t' };
	size_t n = len;
	long best = 0, score;
	char found = ',';

	if (n > SNIFF_BYTES) {
		const char *nl = memchr(text + SNIFF_BYTES, '\n', len - SNIFF_BYTES);
		n = nl != NULL ? (size_t)(nl - text) + 1 : len;
	}
	for (size_t i = 0; i < sizeof candidates; i++) {
		if ((score = delimiter_score(text, n, candidates[i])) > best) {
			best = score;
			found = candidates[i];
		}
	}
	return found;
}
