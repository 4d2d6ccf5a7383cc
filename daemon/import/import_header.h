/* SPDX-License-Identifier: MIT */
/* Which column of a table says what: a header recognised by meaning (ru/uk/en), or a guess. */
#ifndef QWEEK_IMPORT_HEADER_H
#define QWEEK_IMPORT_HEADER_H

#include <stddef.h>

#include "import/import_csv.h"
#include "time/when.h"

enum import_col {
	IMPORT_COL_LABEL, /* № / № п/п / № з/п / No. */
	IMPORT_COL_TITLE, /* Наименование мероприятия / Назва заходу / Title */
	IMPORT_COL_WHEN, /* Срок исполнения / Термін / When / Date */
	IMPORT_COL_WHO, /* Ответственный исполнитель / Відповідальний / Responsible */
	IMPORT_COL_PLACE, /* Место проведения / Місце / Place */
	IMPORT_COL_DESC,  /* Примечание / Опис / Description */
	IMPORT_COL_STATE, /* Состояние / Стан / State */
	IMPORT_NCOLS,
	IMPORT_COL_NONE = -1,
};

/* What the column is called in messages and replies: "№", "title", "when", ... */
const char *import_col_name(int col);

/* The column a header cell names ("Срок исполнения" → IMPORT_COL_WHEN), or IMPORT_COL_NONE. */
int import_header_cell(const char *cell);

/*
 * If the N CELLS are a header row, sets MAP[col] to the index of each column it names (-1 for
 * those it does not; a column named twice is taken the first time) and returns how many it
 * names; else returns 0. A header names at least two columns, the title or the when among
 * them, and at least half of its cells that are not empty.
 */
int import_header_row(char *const *cells, size_t n, int map[IMPORT_NCOLS]);

/*
 * For a table without a header: guesses MAP from records FIRST.. of T (labels like "7.1",
 * cells that CTX's WHEN parser reads, the longest texts as titles, the responsible people after
 * the dates). Returns 0, or -1 when no column reads as dates or none as titles.
 */
int import_guess_columns(const struct import_table *t, size_t first, const struct when_ctx *ctx,
			 int map[IMPORT_NCOLS]);

/* True if CELL is an item's number as plans write them: "7", "7.1", "7.", "7.1.". */
int import_looks_label(const char *cell);

#endif
