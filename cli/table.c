/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "table.h"
#include "utf8.h"

/* Aligned tables: cells are copied into one arena, widths measured once when added. */

enum { TABLE_GAP = 2, TABLE_MIN_CUT = 8 };

#define TABLE_RIGHT 0x1 /* right-aligned */
#define TABLE_KEEP  0x2 /* never cut */

struct table_cell {
	size_t off; /* text in the arena */
	size_t len;
	size_t width; /* terminal columns */
	unsigned char color;
};

struct table {
	size_t ncols;
	size_t nrows, cap_rows;
	struct table_cell *cells; /* nrows * ncols */
	char *text;
	size_t text_len, text_cap;
	unsigned char *flags; /* per column: TABLE_RIGHT, TABLE_KEEP */
};

static const char *const table_sgr[] = {
	[TABLE_PLAIN] = "",	     [TABLE_RED] = "\033[31m", [TABLE_GREEN] = "\033[32m",
	[TABLE_YELLOW] = "\033[33m", [TABLE_DIM] = "\033[2m",  [TABLE_BOLD] = "\033[1m",
};

struct table *table_new(size_t ncols)
{
	struct table *t;

	if (ncols == 0)
		ncols = 1;
	if ((t = calloc(1, sizeof *t)) == NULL)
		return NULL;
	t->ncols = ncols;
	if ((t->flags = calloc(ncols, 1)) == NULL) {
		free(t);
		return NULL;
	}
	return t;
}

void table_free(struct table *t)
{
	if (t == NULL)
		return;
	mem_free(t->cells);
	mem_free(t->text);
	free(t->flags);
	free(t);
}

static int table_grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap != 0 ? *cap : 16;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	if ((q = mem_realloc(*p, n * size)) == NULL)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

/* Copies S into the arena as cell C, control characters made spaces. */
static int table_put_text(struct table *t, struct table_cell *c, const char *s)
{
	size_t len = s != NULL ? strlen(s) : 0, width = 0;
	int slow = 0;
	char *dst;

	if (t->text_len + len + 1 > UINT32_MAX)
		return -1;
	if (table_grow((void **)&t->text, &t->text_cap, t->text_len + len + 1, 1) == -1)
		return -1;
	dst = t->text + t->text_len;
	/*
	 * Counting characters gives the width unless a lead byte may start a wide or combining
	 * character (U+0300-036F, U+0483-0489, U+1100 and up); then utf8_width decides.
	 */
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == 0x7f)
			ch = ' ';
		dst[i] = (char)ch;
		width += (ch & 0xc0) != 0x80;
		slow |= ch >= 0xe1 || ch == 0xcc || ch == 0xcd || ch == 0xd2;
	}
	dst[len] = '\0';
	c->off = (uint32_t)t->text_len;
	c->len = (uint32_t)len;
	c->width = (uint32_t)(slow ? utf8_width(dst) : width);
	c->color = TABLE_PLAIN;
	t->text_len += len + 1;
	return 0;
}

int table_add_row(struct table *t, const char *const *cells)
{
	struct table_cell *row;

	if (table_grow((void **)&t->cells, &t->cap_rows, (t->nrows + 1),
		       t->ncols * sizeof *t->cells) == -1)
		return -1;
	row = t->cells + t->nrows * t->ncols;
	for (size_t i = 0; i < t->ncols; i++) {
		if (table_put_text(t, &row[i], cells[i]) == -1)
			return -1;
	}
	t->nrows++;
	return 0;
}

void table_set_color(struct table *t, size_t col, enum table_color color)
{
	if (t->nrows != 0 && col < t->ncols)
		t->cells[(t->nrows - 1) * t->ncols + col].color = (unsigned char)color;
}

void table_align_right(struct table *t, size_t col)
{
	if (col < t->ncols)
		t->flags[col] |= TABLE_RIGHT | TABLE_KEEP;
}

void table_keep(struct table *t, size_t col)
{
	if (col < t->ncols)
		t->flags[col] |= TABLE_KEEP;
}

size_t table_rows(const struct table *t)
{
	return t->nrows;
}

static void table_pad(FILE *f, size_t n)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		fwrite(spaces, 1, k, f);
		n -= k;
	}
}

/* Columns of one code point, by way of the shared utf8_width. */
static size_t table_cp_width(uint32_t cp)
{
	char buf[5];

	buf[utf8_put(buf, cp)] = '\0';
	return utf8_width(buf);
}

size_t table_put_cut(FILE *f, const char *s, size_t width)
{
	const char *p = s, *prev;
	size_t w = 0, cw;
	uint32_t cp;

	if ((w = utf8_width(s)) <= width) {
		fputs(s, f);
		return w;
	}
	w = 0;
	if (width == 0)
		return 0;
	for (;;) {
		prev = p;
		if ((cp = utf8_next(&p)) == 0)
			break;
		cw = table_cp_width(cp);
		if (w + cw > width - 1) {
			p = prev;
			break;
		}
		w += cw;
	}
	fwrite(s, 1, (size_t)(p - s), f);
	fputs("…", f);
	return w + 1;
}

/* Widths of the columns: the widest cell of each, the header included. */
static void table_widths(const struct table *t, size_t *w)
{
	memset(w, 0, t->ncols * sizeof *w);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct table_cell *row = t->cells + r * t->ncols;
		for (size_t c = 0; c < t->ncols; c++) {
			if (row[c].width > w[c])
				w[c] = row[c].width;
		}
	}
}

/* Narrows the widest columns that may be cut, a column at a time, until the table fits MAX. */
static void table_fit(const struct table *t, size_t *w, size_t max)
{
	size_t total = TABLE_GAP * (t->ncols - 1);

	for (size_t c = 0; c < t->ncols; c++)
		total += w[c];
	while (total > max) {
		size_t widest = t->ncols;
		for (size_t c = 0; c < t->ncols; c++) {
			if ((t->flags[c] & TABLE_KEEP) || w[c] <= TABLE_MIN_CUT)
				continue;
			if (widest == t->ncols || w[c] > w[widest])
				widest = c;
		}
		if (widest == t->ncols)
			break;
		w[widest]--;
		total--;
	}
}

/* Prints one cell cut to WIDTH; returns the columns written. */
static size_t table_print_cell(const struct table *t, FILE *f, const struct table_cell *cell,
			       size_t width, int color)
{
	const char *text = t->text + cell->off;
	int sgr = color && cell->color != TABLE_PLAIN && cell->len != 0;
	size_t n = cell->width;

	if (sgr)
		fputs(table_sgr[cell->color], f);
	if (cell->width <= width)
		fwrite(text, 1, cell->len, f);
	else
		n = table_put_cut(f, text, width);
	if (sgr)
		fputs("\033[0m", f);
	return n;
}

static void table_print_row(const struct table *t, FILE *f, const struct table_cell *row,
			    const size_t *w, int color)
{
	size_t last = 0, n;

	for (size_t c = 0; c < t->ncols; c++) {
		if (row[c].len != 0)
			last = c;
	}
	for (size_t c = 0; c <= last; c++) {
		if (c != 0)
			table_pad(f, TABLE_GAP);
		if ((t->flags[c] & TABLE_RIGHT) && row[c].width < w[c])
			table_pad(f, w[c] - row[c].width);
		n = table_print_cell(t, f, &row[c], w[c], color);
		if (!(t->flags[c] & TABLE_RIGHT) && c != last && n < w[c])
			table_pad(f, w[c] - n);
	}
	fputc('\n', f);
}

void table_print(const struct table *t, FILE *f, size_t max_width, int color)
{
	size_t stack[16], *w = t->ncols <= 16 ? stack : malloc(t->ncols * sizeof *w);

	if (w == NULL)
		return;
	table_widths(t, w);
	if (max_width != 0)
		table_fit(t, w, max_width);
	for (size_t r = 0; r < t->nrows; r++)
		table_print_row(t, f, t->cells + r * t->ncols, w, color);
	if (w != stack)
		free(w);
}
