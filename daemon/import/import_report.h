/* SPDX-License-Identifier: MIT */
/* The reply of an import: every row and what became of it, written as JSON text, not a tree. */
#ifndef QWEEK_IMPORT_REPORT_H
#define QWEEK_IMPORT_REPORT_H

#include "import/import_row.h"
#include "core/jsonw.h"

/* How many rows became what. */
struct import_counts {
	int created, updated, unchanged, refused, skipped;
};

void import_counts_add(struct import_counts *c, enum import_action a);

/*
 * Writes to W the reply of run X, whose rows became RES: dry_run, committed (COMMITTED),
 * format, file, rows, the counts C, blank, people_created, groups_created, warnings (the
 * file's, then every row's as "row N: ..."), and an error when rows were refused without
 * skip_bad. The same document a jansson tree of it would dump as (JSON_COMPACT), key for key;
 * written directly, because that tree of 10,000 rows took five times the file's size.
 */
void import_report_write(struct jsonw *w, struct import_run *x, const struct import_result *res,
			 const struct import_counts *c, int committed);

#endif
