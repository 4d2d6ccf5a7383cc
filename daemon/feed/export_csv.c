/* SPDX-License-Identifier: MIT */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "feed/export.h"
#include "core/buf.h"
#include "feed/export_when.h"
#include "grow.h"

/*
 * The plan as a spreadsheet: the columns the import recognises, the WHEN as it was typed when
 * that reads back as the same time (export_when.c), so that export and import give back the
 * same items. Cells are quoted by libcsv.
 */

struct words {
	const char *head[7];
	const char *open, *done, *cancelled;
};

static const struct words words_ru = {
	{ "№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель",
	  "Место проведения", "Описание", "Состояние" },
	"открыто",
	"выполнено",
	"отменено",
};
static const struct words words_uk = {
	{ "№ з/п", "Назва заходу", "Термін виконання", "Відповідальний виконавець",
	  "Місце проведення", "Опис", "Стан" },
	"відкрито",
	"виконано",
	"скасовано",
};
static const struct words words_en = {
	{ "No.", "Title", "When", "Responsible", "Place", "Description", "State" },
	"open",
	"done",
	"cancelled",
};

struct out {
	struct buf text; /* TEXT.failed: out of memory */
	char delim;
	const struct words *w;
};

/* A cell, quoted by libcsv, with the separator before it unless FIRST. */
static void cell(struct out *o, const char *s, int first)
{
	size_t n = strlen(s), need = n * 2 + 2;
	char *q = malloc(need);

	if (q == NULL) {
		o->text.failed = 1;
		return;
	}
	if (!first)
		buf_add_byte(&o->text, o->delim);
	buf_add(&o->text, q, csv_write(q, need, s, n));
	free(q);
}

/* Names '\x1f'-joined, one per line. */
static char *lines_of(const char *joined)
{
	char *s = strdup(joined);

	for (char *p = s; p != NULL && *p != '\0'; p++)
		if (*p == '\x1f')
			*p = '\n';
	return s;
}

static const char *state_word(const struct words *w, const char *state)
{
	if (strcmp(state, "done") == 0)
		return w->done;
	if (strcmp(state, "cancelled") == 0)
		return w->cancelled;
	return w->open;
}

/* An item's line, and where it stands in the tree of items. */
struct line {
	int64_t id, parent_id;
	size_t from, to;		/* its bytes in the rows buffer */
	long parent, child, next, last; /* indexes, -1 for none */
	int done;
};

struct lines {
	struct out rows; /* every item's line, in plan order */
	struct export_when when;
	struct line *v;
	size_t n, cap;
	int nomem;
};

static int put_item(const struct item *it, void *arg)
{
	struct lines *ls = arg;
	struct out *o = &ls->rows;
	char *who = lines_of(it->who);
	struct line *l;
	char when[160];

	if (grow(&ls->v, &ls->cap, ls->n + 1, sizeof *ls->v) == -1) {
		free(who);
		return -1;
	}
	if (who == NULL)
		return -1;
	l = &ls->v[ls->n++];
	memset(l, 0, sizeof *l);
	l->id = it->id;
	l->parent_id = it->parent_id;
	l->from = o->text.len;
	cell(o, it->label, 1);
	cell(o, it->title, 0);
	cell(o, export_when_text(&ls->when, it, when, sizeof when), 0);
	cell(o, who, 0);
	cell(o, it->place, 0);
	cell(o, it->description, 0);
	cell(o, state_word(o->w, it->state), 0);
	buf_add(&o->text, "\r\n", 2);
	l->to = o->text.len;
	free(who);
	return o->text.failed ? -1 : 0;
}

static int by_id(const void *a, const void *b)
{
	const struct line *x = *(const struct line *const *)a, *y = *(const struct line *const *)b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Links every line to its parent's list of children, in plan order. */
static int link_tree(struct lines *ls)
{
	struct line **sorted = malloc((ls->n + 1) * sizeof *sorted), key, *kp = &key, **found;

	if (sorted == NULL)
		return -1;
	for (size_t i = 0; i < ls->n; i++) {
		sorted[i] = &ls->v[i];
		ls->v[i].parent = ls->v[i].child = ls->v[i].next = ls->v[i].last = -1;
	}
	qsort(sorted, ls->n, sizeof *sorted, by_id);
	for (size_t i = 0; i < ls->n; i++) {
		struct line *l = &ls->v[i], *p;
		key.id = l->parent_id;
		found = l->parent_id != 0 ? bsearch(&kp, sorted, ls->n, sizeof *sorted, by_id) :
					    NULL;
		if (found == NULL || *found == l)
			continue;
		p = *found;
		l->parent = p - ls->v;
		if (p->last == -1)
			p->child = (long)i;
		else
			ls->v[p->last].next = (long)i;
		p->last = (long)i;
	}
	free(sorted);
	return 0;
}

/* Line I, then its children and theirs: "7", "7.1", "7.2" before the next "7". */
static void emit(struct out *o, struct lines *ls, long i, int depth)
{
	struct line *l = &ls->v[i];

	if (l->done)
		return;
	l->done = 1;
	buf_add(&o->text, ls->rows.text.data + l->from, l->to - l->from);
	for (long c = l->child; c != -1 && depth < 64; c = ls->v[c].next)
		emit(o, ls, c, depth + 1);
}

int export_csv(struct db *db, const struct plan *p, char delim, char **out, size_t *len,
	       struct error *err)
{
	struct out o = { .delim = delim };
	struct item_filter all = { 0 };
	struct lines ls = { 0 };
	int rc;

	o.w = strcmp(p->lang, "uk") == 0 ? &words_uk :
	      strcmp(p->lang, "en") == 0 ? &words_en :
					   &words_ru;
	ls.rows = o;
	export_when_init(&ls.when, p);
	buf_add(&o.text, "\xef\xbb\xbf", 3);
	for (int i = 0; i < 7; i++)
		cell(&o, o.w->head[i], i == 0);
	buf_add(&o.text, "\r\n", 2);
	if (store_item_each(db, p->id, &all, put_item, &ls, err) == -1 || ls.rows.text.failed ||
	    link_tree(&ls) == -1) {
		rc = error_set(err, ERR_INTERNAL, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < ls.n; i++)
		if (ls.v[i].parent == -1)
			emit(&o, &ls, (long)i, 0);
	for (size_t i = 0; i < ls.n; i++)
		emit(&o, &ls, (long)i, 0); /* what a loop of parents left out */
	if ((*out = buf_take(&o.text, len)) == NULL) {
		rc = error_set(err, ERR_INTERNAL, "out of memory");
		goto out;
	}
	rc = 0;
out:
	buf_free(&o.text);
	buf_free(&ls.rows.text);
	free(ls.v);
	return rc;
}
