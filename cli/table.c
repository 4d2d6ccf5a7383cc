/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "mem.h"
#include "table.h"
#include "utf8.h"
#include "nls.h"

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

/* What table_put_text must look at in a byte; most bytes are neither. */
enum { TB_CONT = 0x1, TB_CTRL = 0x2, TB_WIDE = 0x4 };

/*
 * Per byte: a UTF-8 continuation (no column of its own), a control character (made a space),
 * or a lead byte that may start a wide or combining character (U+0300-036F, U+0483-0489,
 * U+1100 and up), whose columns utf8_width decides.
 */
static const unsigned char table_byte[256] = {
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x00 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x10 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x30 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x50 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, /* 0x70 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x80 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x90 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xa0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xb0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 0, 0, /* 0xc0 */
	0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0xd0 */
	0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* 0xe0 */
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* 0xf0 */
};

/* Columns of the character at S (a lead byte that may be wide), END its string's end. */
static size_t table_char_width(const char *s, const char *end)
{
	char one[5];
	size_t n = 1;

	one[0] = s[0];
	while (n < 4 && s + n < end && (table_byte[(unsigned char)s[n]] & TB_CONT)) {
		one[n] = s[n];
		n++;
	}
	one[n] = '\0';
	return utf8_width(one);
}

/* Columns of byte B (of a string at DST, LEN bytes, at I); control characters made spaces. */
static size_t table_byte_width(char *dst, size_t i, size_t len)
{
	unsigned char b = table_byte[(unsigned char)dst[i]];

	if (b & TB_CTRL)
		dst[i] = ' ';
	else if (b & TB_WIDE)
		return table_char_width(dst + i, dst + len);
	return 1 - (b & TB_CONT);
}

/*
 * Columns of the 8 bytes at S when none is a control character or may start a wide character
 * (0xcc, 0xcd, 0xd2, 0xe0 and above: a superset of TB_WIDE); else -1. A word at a time, as most
 * cells are plain Cyrillic or ASCII.
 */
static int table_plain8(const char *s)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t v, x, y, z, d, cont;

	memcpy(&v, s, sizeof v);
	x = (v ^ (ones * 0xcc)) & (ones * 0xfe); /* 0 for 0xcc and 0xcd */
	y = v ^ (ones * 0xd2);
	z = v ^ (ones * 0x7f);
	d = ((x - ones) & ~x) | ((y - ones) & ~y) | ((z - ones) & ~z) | ((v - ones * 0x20) & ~v) |
	    (v & (v << 1) & (v << 2));
	if (d & highs)
		return -1;
	cont = (v & ~(v << 1) & highs) >> 7; /* 1 in each byte 10xxxxxx */
	return 8 - (int)((cont * ones) >> 56);
}

/* Copies S into the arena as cell C, control characters made spaces. */
static int table_put_text(struct table *t, struct table_cell *c, const char *s)
{
	size_t len = s != NULL ? strlen(s) : 0, width = 0;
	char *dst;

	if (t->text_len + len + 1 > UINT32_MAX)
		return -1;
	if (grow_with(&t->text, &t->text_cap, t->text_len + len + 1, 1, mem_realloc) == -1)
		return -1;
	dst = t->text + t->text_len;
	memcpy(dst, s != NULL ? s : "", len);
	dst[len] = '\0';
	/* Every character takes a column but the rare ones utf8_width is asked about. */
	for (size_t i = 0; i < len;) {
		size_t stop = i + 8 <= len ? i + 8 : len;
		int w;
		if (stop == i + 8 && (w = table_plain8(dst + i)) >= 0) {
			width += (size_t)w;
			i += 8;
			continue;
		}
		while (i < stop)
			width += table_byte_width(dst, i++, len);
	}
	c->off = (uint32_t)t->text_len;
	c->len = (uint32_t)len;
	c->width = (uint32_t)width;
	c->color = TABLE_PLAIN;
	t->text_len += len + 1;
	return 0;
}

int table_add_row(struct table *t, const char *const *cells)
{
	struct table_cell *row;

	if (grow_with(&t->cells, &t->cap_rows, t->nrows + 1, t->ncols * sizeof *t->cells,
		      mem_realloc) == -1)
		return -1;
	row = t->cells + t->nrows * t->ncols;
	for (size_t i = 0; i < t->ncols; i++) {
		/* The header's words are message ids (N_), said in the user's language. */
		const char *c = t->nrows == 0 && cells[i] != NULL ? _(cells[i]) : cells[i];
		if (table_put_text(t, &row[i], c) == -1)
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

/* Rows are put together here and go to the FILE in pieces: fewer calls into stdio. */
struct table_out {
	FILE *f;
	size_t len;
	char buf[16384];
};

static void table_flush(struct table_out *o)
{
	fwrite(o->buf, 1, o->len, o->f);
	o->len = 0;
}

static void table_put(struct table_out *o, const char *s, size_t n)
{
	if (o->len + n > sizeof o->buf) {
		table_flush(o);
		if (n > sizeof o->buf) {
			fwrite(s, 1, n, o->f);
			return;
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void table_pad(struct table_out *o, size_t n)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		table_put(o, spaces, k);
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

/* Bytes of S that fit in WIDTH - 1 columns, leaving one for "…"; their columns in *COLS. */
static size_t table_cut_len(const char *s, size_t width, size_t *cols)
{
	const char *p = s, *prev;
	size_t w = 0, cw;
	uint32_t cp;

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
	*cols = w;
	return (size_t)(p - s);
}

size_t table_put_cut(FILE *f, const char *s, size_t width)
{
	size_t w, n;

	if ((w = utf8_width(s)) <= width) {
		fputs(s, f);
		return w;
	}
	if (width == 0)
		return 0;
	n = table_cut_len(s, width, &w);
	fwrite(s, 1, n, f);
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
static size_t table_print_cell(const struct table *t, struct table_out *o,
			       const struct table_cell *cell, size_t width, int color)
{
	const char *text = t->text + cell->off;
	int sgr = color && cell->color != TABLE_PLAIN && cell->len != 0;
	size_t n = cell->width;

	if (sgr)
		table_put(o, table_sgr[cell->color], strlen(table_sgr[cell->color]));
	if (cell->width <= width)
		table_put(o, text, cell->len);
	else if (width != 0) {
		table_put(o, text, table_cut_len(text, width, &n));
		table_put(o, "…", strlen("…"));
		n++;
	} else
		n = 0;
	if (sgr)
		table_put(o, "\033[0m", 4);
	return n;
}

static void table_print_row(const struct table *t, struct table_out *o,
			    const struct table_cell *row, const size_t *w, int color)
{
	size_t last = 0, n;

	for (size_t c = 0; c < t->ncols; c++) {
		if (row[c].len != 0)
			last = c;
	}
	for (size_t c = 0; c <= last; c++) {
		if (c != 0)
			table_pad(o, TABLE_GAP);
		if ((t->flags[c] & TABLE_RIGHT) && row[c].width < w[c])
			table_pad(o, w[c] - row[c].width);
		n = table_print_cell(t, o, &row[c], w[c], color);
		if (!(t->flags[c] & TABLE_RIGHT) && c != last && n < w[c])
			table_pad(o, w[c] - n);
	}
	table_put(o, "\n", 1);
}

void table_print(const struct table *t, FILE *f, size_t max_width, int color)
{
	size_t stack[16], *w = t->ncols <= 16 ? stack : malloc(t->ncols * sizeof *w);
	struct table_out *o = malloc(sizeof *o);

	if (w == NULL || o == NULL)
		goto out;
	o->f = f;
	o->len = 0;
	table_widths(t, w);
	if (max_width != 0)
		table_fit(t, w, max_width);
	for (size_t r = 0; r < t->nrows; r++)
		table_print_row(t, o, t->cells + r * t->ncols, w, color);
	table_flush(o);
out:
	free(o);
	if (w != stack)
		free(w);
}
