/* SPDX-License-Identifier: MIT */
/* CSV as Excel and LibreOffice save it, read with libcsv: the table of cells, the separator. */
#ifndef QWEEK_IMPORT_CSV_H
#define QWEEK_IMPORT_CSV_H

#include <stddef.h>

#include "core/error.h"
#include "import/import_arena.h"
#include "import/import.h"

/* One record: its spreadsheet row, the text line it starts on, its cells (in the table's arena). */
struct csv_record {
	int row, line;
	char **cells;
	size_t ncells;
};

/* A table; owned by the caller, freed with import_table_free. */
struct import_table {
	struct csv_record *recs;
	size_t n, cap;
	int blank;		   /* empty lines between records (rows of a spreadsheet too) */
	struct import_arena cells; /* the cells and their arrays: a file's worth of short strings */
};

/*
 * The separator of the UTF-8 TEXT (LEN bytes): ';', ',' or '\t', whichever splits its first
 * records into the same number of cells most often (more cells breaks a tie); ',' if none does.
 */
char import_csv_delimiter(const char *text, size_t len);

/*
 * Reads TEXT (LEN bytes, NUL-terminated) separated by DELIM into T, at most MAX_RECORDS
 * records (0: the file's limit). Quotes are strict: a quote inside a cell that does not start
 * with one, text after a closing quote, or a quote never closed is refused with the lines it
 * concerns, as is a cell over IMPORT_MAX_CELL. Returns 0, or -1 with ERR.
 */
int import_csv_table(const char *text, size_t len, char delim, size_t max_records,
		     struct import_table *t, struct error *err);
void import_table_free(struct import_table *t);

/* Reads CSV TEXT into F's rows: separator, header (or guessed columns), one row per record. */
int import_csv_read(const char *text, size_t len, const struct import_opts *o,
		    struct import_file *f, struct error *err);

#endif
