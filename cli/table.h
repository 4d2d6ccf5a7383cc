/* SPDX-License-Identifier: MIT */
/* Aligned text tables whose widths are measured in terminal columns (UTF-8 aware). */
#ifndef QWEEK_TABLE_H
#define QWEEK_TABLE_H

#include <stddef.h>
#include <stdio.h>

enum table_color {
	TABLE_PLAIN = 0,
	TABLE_RED,
	TABLE_GREEN,
	TABLE_YELLOW,
	TABLE_DIM,
	TABLE_BOLD,
};

struct table;

/* A new empty table of NCOLS columns (at least 1); the caller frees it with table_free. */
struct table *table_new(size_t ncols);
void table_free(struct table *t);

/*
 * Adds a row of NCOLS cells, copied (NULL is an empty cell). Control characters such as
 * newlines become spaces. The first row added is the header. Returns 0, or -1 if out of memory.
 */
int table_add_row(struct table *t, const char *const *cells);

/* Colours cell COL of the last row added; shown only when table_print is told to use colour. */
void table_set_color(struct table *t, size_t col, enum table_color color);

/* Right-aligns column COL (numbers); such a column is never cut. */
void table_align_right(struct table *t, size_t col);

/* Column COL is never cut to fit (references, dates). */
void table_keep(struct table *t, size_t col);

/*
 * Prints the table to F, columns two spaces apart, no trailing spaces. With MAX_WIDTH > 0 and a
 * table wider than that, the widest columns that may be cut are cut to fit, ending in "…".
 * COLOR set prints the colours given by table_set_color.
 */
void table_print(const struct table *t, FILE *f, size_t max_width, int color);

/*
 * Writes to F at most WIDTH columns of S: S itself, or its beginning and "…" when wider
 * (S is NUL-terminated valid UTF-8). Returns the columns written.
 */
size_t table_put_cut(FILE *f, const char *s, size_t width);

#endif
