/* SPDX-License-Identifier: MIT */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey/survey_import.h"
#include "utf8.h"

#define SURVEY_IMPORT_MAX_ROWS 20000
#define SURVEY_IMPORT_MAX_COLS 200

struct survey_cells {
	char **cell;
	size_t n, cap;
};

struct survey_table {
	struct survey_cells *rows, cur;
	size_t n, cap;
	int nomem;
};

static void survey_on_cell(void *s, size_t len, void *arg)
{
	struct survey_table *t = arg;
	char *c;

	if (t->cur.n == t->cur.cap) {
		size_t cap = t->cur.cap ? t->cur.cap * 2 : 16;
		char **grown = cap <= SURVEY_IMPORT_MAX_COLS ?
				       realloc(t->cur.cell, cap * sizeof *grown) :
				       NULL;
		if (grown == NULL) {
			t->nomem = 1;
			return;
		}
		t->cur.cell = grown;
		t->cur.cap = cap;
	}
	if ((c = strndup(s != NULL ? s : "", len)) == NULL)
		t->nomem = 1;
	else
		t->cur.cell[t->cur.n++] = c;
}

static void survey_on_row(int c, void *arg)
{
	struct survey_table *t = arg;

	(void)c;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct survey_cells *grown = cap <= SURVEY_IMPORT_MAX_ROWS + 64 ?
						     realloc(t->rows, cap * sizeof *grown) :
						     NULL;
		if (grown == NULL) {
			t->nomem = 1;
			return;
		}
		t->rows = grown;
		t->cap = cap;
	}
	t->rows[t->n++] = t->cur;
	memset(&t->cur, 0, sizeof t->cur);
}

static void survey_cells_free(struct survey_cells *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->cell[i]);
	free(c->cell);
}

/* ';' or ',': whichever the first line has more of. */
static char survey_delim(const char *text, size_t len)
{
	size_t semi = 0, comma = 0;

	for (size_t i = 0; i < len && text[i] != '\n'; i++) {
		semi += text[i] == ';';
		comma += text[i] == ',';
	}
	return semi > comma ? ';' : ',';
}

static int survey_table_read(const char *text, size_t len, struct survey_table *t)
{
	struct csv_parser p;
	int rc;

	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return -1;
	csv_set_delim(&p, (unsigned char)survey_delim(text, len));
	rc = csv_parse(&p, text, len, survey_on_cell, survey_on_row, t) == len &&
			     csv_fini(&p, survey_on_cell, survey_on_row, t) == 0 && !t->nomem ?
		     0 :
		     -1;
	csv_free(&p);
	survey_cells_free(&t->cur);
	return rc;
}

/* The question a header cell names: "7", "7.", "7. text", "q7", or the question's text. */
static int survey_column(const struct survey *s, const char *head)
{
	char id[16], *fh, *fq;
	size_t n = strspn(head, "0123456789"), i;
	int found = -1;

	if ((head[0] == 'q' || head[0] == 'Q') && head[1] >= '1' && head[1] <= '9') {
		snprintf(id, sizeof id, "%s", head + 1);
		return survey_find(s, id, &i) != NULL ? (int)i : -1;
	}
	if (n > 0 && n < sizeof id) {
		while (head[n] != '\0' && head[n] != '.' && head[n] != ')' && head[n] != ' ' &&
		       n < 12)
			n++;
		snprintf(id, sizeof id, "%.*s", (int)n, head);
		if (survey_find(s, id, &i) != NULL)
			return (int)i;
	}
	if ((fh = utf8_fold_str(head)) == NULL)
		return -1;
	for (i = 0; i < s->nq && found == -1; i++) {
		if ((fq = utf8_fold_str(s->q[i].text)) != NULL && strcmp(fq, fh) == 0)
			found = (int)i;
		free(fq);
	}
	free(fh);
	return found;
}

/* The number (1-based) of the option of Q that TEXT (LEN bytes, trimmed here) is, or 0. */
static int survey_option_of(const struct survey_question *q, const char *text, size_t len)
{
	char *t, *ft, *fo, *end;
	long v;
	int found = 0;

	while (len > 0 && (*text == ' ' || *text == '\t')) {
		text++;
		len--;
	}
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len == 0 || (t = strndup(text, len)) == NULL)
		return 0;
	v = strtol(t, &end, 10);
	if (*end == '\0' && v >= 1 && (size_t)v <= q->noptions) {
		free(t);
		return (int)v;
	}
	ft = utf8_fold_str(t);
	for (size_t o = 0; ft != NULL && o < q->noptions && !found; o++) {
		if ((fo = utf8_fold_str(q->options[o])) != NULL && strcmp(fo, ft) == 0)
			found = (int)o + 1;
		free(fo);
	}
	free(ft);
	free(t);
	return found;
}

/*
 * The options of Q that CELL names, into NUMS (*N of them): one option, or several joined by
 * ';' or by ',' (as Google Forms joins them, though an option may hold a comma: the longest
 * run of parts that is an option is taken). 0, or -1 with WHY.
 */
static int survey_options_of(const struct survey_question *q, const char *cell, int *nums,
			     size_t *n, char *why, size_t wlen)
{
	const char *sep = strchr(cell, ';') != NULL ? ";" : ",";
	const char *p = cell;

	*n = 0;
	if ((nums[0] = survey_option_of(q, cell, strlen(cell))) != 0) {
		*n = 1;
		return 0;
	}
	while (*p != '\0' && *n < SURVEY_MAX_OPTIONS) {
		const char *end = p + strlen(p);
		int o = 0;
		for (; end > p; end = end - 1) {
			if ((*end == '\0' || *end == *sep) &&
			    (o = survey_option_of(q, p, (size_t)(end - p))))
				break;
		}
		if (o == 0) {
			snprintf(why, wlen, "question %s: «%.60s» is none of its options", q->id,
				 p);
			return -1;
		}
		nums[(*n)++] = o;
		p = *end != '\0' ? end + 1 : end;
	}
	return 0;
}

/* One row of the table: its answers checked, into R. */
static void survey_import_row(const struct survey *s, const struct survey_import *im,
			      const struct survey_cells *c, struct survey_import_row *r)
{
	struct survey_field f[SURVEY_IMPORT_MAX_COLS * 2];
	char num[SURVEY_IMPORT_MAX_COLS * 2][12], name[SURVEY_IMPORT_MAX_COLS][16];
	struct survey_check check;
	int nums[SURVEY_MAX_OPTIONS];
	size_t n = 0, k, any = 0;

	for (size_t col = 0; col < c->n && col < im->ncolumns; col++) {
		const struct survey_question *q;
		int qi = im->question[col];
		any |= c->cell[col][strspn(c->cell[col], " \t")] != '\0';
		if (qi < 0 || c->cell[col][strspn(c->cell[col], " \t")] == '\0')
			continue;
		q = &s->q[qi];
		snprintf(name[col], sizeof name[col], "q%d", qi + 1);
		if (q->noptions == 0) {
			f[n++] = (struct survey_field){ name[col], c->cell[col] };
			continue;
		}
		if (survey_options_of(q, c->cell[col], nums, &k, r->why, sizeof r->why) == -1) {
			r->action = SURVEY_ROW_REFUSED;
			return;
		}
		for (size_t i = 0; i < k && n < sizeof f / sizeof *f; i++) {
			snprintf(num[n], sizeof num[n], "%d", nums[i]);
			f[n] = (struct survey_field){ name[col], num[n] };
			n++;
		}
	}
	if (!any) {
		r->action = SURVEY_ROW_EMPTY;
		return;
	}
	if ((r->given = calloc(s->nq, sizeof *r->given)) == NULL) {
		r->action = SURVEY_ROW_REFUSED;
		snprintf(r->why, sizeof r->why, "out of memory");
		return;
	}
	if (survey_answer_read(s, f, n, NULL, r->given, &check) != SURVEY_OK) {
		survey_check_text(s, &check, r->why, sizeof r->why);
		r->action = SURVEY_ROW_REFUSED;
		return;
	}
	r->action = SURVEY_ROW_IMPORT;
}

static int survey_import_header(const struct survey *s, struct survey_import *im,
				struct survey_cells *head, struct error *err)
{
	size_t matched = 0;

	im->columns = head->cell;
	im->ncolumns = head->n;
	head->cell = NULL;
	head->n = 0;
	if ((im->question = calloc(im->ncolumns + 1, sizeof *im->question)) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	for (size_t c = 0; c < im->ncolumns; c++)
		matched += (im->question[c] = survey_column(s, im->columns[c])) >= 0;
	if (matched == 0)
		return error_set(err, ERR_INVALID,
				 "no column of the table's first row names a question: write each "
				 "question's number («7.» or «7. text») or its text there");
	return 0;
}

struct survey_import *survey_import_read(const struct survey *s, const char *text, size_t len,
					 struct error *err)
{
	struct survey_table t = { 0 };
	struct survey_import *im = calloc(1, sizeof *im);

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (im == NULL)
		error_set(err, ERR_INTERNAL, "out of memory");
	else if (!utf8_valid(text, len))
		error_set(err, ERR_INVALID, "the table is not UTF-8 text (save it as CSV UTF-8)");
	else if (survey_table_read(text, len, &t) == -1)
		error_set(err, ERR_INVALID,
			  "the table cannot be read as CSV (over %d rows or %d "
			  "columns, or a quote left open)",
			  SURVEY_IMPORT_MAX_ROWS, SURVEY_IMPORT_MAX_COLS);
	else if (t.n < 1)
		error_set(err, ERR_INVALID, "the table is empty");
	else if (survey_import_header(s, im, &t.rows[0], err) == 0 &&
		 (im->rows = calloc(t.n, sizeof *im->rows)) == NULL)
		error_set(err, ERR_INTERNAL, "out of memory");
	for (size_t i = 1; err->kind == ERR_NONE && i < t.n; i++) {
		struct survey_import_row *r = &im->rows[im->nrows++];
		r->line = i + 1;
		survey_import_row(s, im, &t.rows[i], r);
		im->nimport += r->action == SURVEY_ROW_IMPORT;
		im->nrefused += r->action == SURVEY_ROW_REFUSED;
	}
	for (size_t i = 0; i < t.n; i++)
		survey_cells_free(&t.rows[i]);
	free(t.rows);
	if (err->kind != ERR_NONE) {
		survey_import_free(im, s);
		return NULL;
	}
	return im;
}

void survey_import_free(struct survey_import *im, const struct survey *s)
{
	if (im == NULL)
		return;
	for (size_t i = 0; i < im->nrows; i++) {
		survey_given_free(im->rows[i].given, s->nq);
		free(im->rows[i].given);
	}
	for (size_t c = 0; c < im->ncolumns; c++)
		free(im->columns[c]);
	free(im->columns);
	free(im->question);
	free(im->rows);
	free(im);
}
