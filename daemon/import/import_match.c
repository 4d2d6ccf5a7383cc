/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "import/import_match.h"
#include "store/store.h"
#include "grow.h"

/*
 * Importing a file again updates its items instead of adding them twice. A row stands for the
 * item with its label and title; a row whose title was corrected keeps its item by the label,
 * one whose number was corrected by the title, when either is unambiguous.
 */

struct load_ctx {
	struct import_match *m;
	size_t cap;
	int nomem;
};

static int keep_item(const struct item *it, void *arg)
{
	struct load_ctx *c = arg;
	struct import_match *m = c->m;
	struct import_arena *a = &m->strings;
	struct import_existing *e;

	if (grow(&m->items, &c->cap, m->n + 1, sizeof *m->items) == -1) {
		c->nomem = 1;
		return -1;
	}
	e = &m->items[m->n];
	memset(e, 0, sizeof *e);
	e->id = it->id;
	e->parent_id = it->parent_id;
	if ((e->label = import_arena_strdup(a, it->label)) == NULL ||
	    (e->title = import_arena_strdup(a, it->title)) == NULL ||
	    (e->when_text = import_arena_strdup(a, it->when_text)) == NULL ||
	    (e->place = import_arena_strdup(a, it->place)) == NULL ||
	    (e->description = import_arena_strdup(a, it->description)) == NULL ||
	    (e->who = import_arena_strdup(a, it->who)) == NULL ||
	    (e->kind = import_arena_strdup(a, it->kind)) == NULL ||
	    (e->start = import_arena_strdup(a, it->start_at)) == NULL ||
	    (e->end = import_arena_strdup(a, it->end_at)) == NULL ||
	    (e->due = import_arena_strdup(a, it->due_at)) == NULL) {
		c->nomem = 1;
		return -1;
	}
	m->n++;
	return 0;
}

/* The keys of item I: its label and title together, its title, its label. */
static struct import_key both_key(const void *ctx, size_t i)
{
	const struct import_existing *e = &((const struct import_match *)ctx)->items[i];

	return (struct import_key){ e->label, e->title };
}

static struct import_key title_key(const void *ctx, size_t i)
{
	const struct import_existing *e = &((const struct import_match *)ctx)->items[i];

	return (struct import_key){ e->title, NULL };
}

static struct import_key label_key(const void *ctx, size_t i)
{
	const struct import_existing *e = &((const struct import_match *)ctx)->items[i];

	return (struct import_key){ *e->label != '\0' ? e->label : NULL, NULL };
}

int import_match_load(struct db *db, int64_t plan_id, struct import_match *m, struct error *err)
{
	struct item_filter all = { 0 };
	struct load_ctx c = { .m = m };

	memset(m, 0, sizeof *m);
	if (store_item_each(db, plan_id, &all, keep_item, &c, err) == -1) {
		if (c.nomem)
			error_set(err, ERR_INTERNAL, "out of memory");
		return -1;
	}
	if (m->n > 0 && m->n < c.cap) { /* the doubling's room, given back */
		struct import_existing *items = realloc(m->items, m->n * sizeof *items);
		if (items != NULL)
			m->items = items;
	}
	if (import_index_build(&m->by_both, m->n, both_key, m) == -1 ||
	    import_index_build(&m->by_title, m->n, title_key, m) == -1 ||
	    import_index_build(&m->by_label, m->n, label_key, m) == -1)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return 0;
}

void import_match_free(struct import_match *m)
{
	free(m->items);
	import_arena_free(&m->strings);
	import_index_free(&m->by_both);
	import_index_free(&m->by_title);
	import_index_free(&m->by_label);
	memset(m, 0, sizeof *m);
}

/* The unmatched items with key K in IX: the first in *FIRST, how many as result. */
static int unmatched(struct import_match *m, const struct import_index *ix, struct import_key k,
		     struct import_existing **first)
{
	int n = 0;

	*first = NULL;
	for (size_t i = import_index_first(ix, k); i != IMPORT_INDEX_NONE;
	     i = import_index_next(ix, i)) {
		struct import_existing *e = &m->items[i];
		if (e->matched)
			continue;
		if (n++ == 0)
			*first = e;
	}
	return n;
}

struct import_existing *import_match_exact(struct import_match *m, const char *label,
					   const char *title)
{
	struct import_existing *e = NULL;
	struct import_key k = { label != NULL ? label : "", title };

	if (unmatched(m, &m->by_both, k, &e) > 0)
		e->matched = 1;
	else
		e = NULL;
	return e;
}

struct import_existing *import_match_loose(struct import_match *m, const char *label,
					   const char *title, int label_once)
{
	struct import_existing *e = NULL;

	if (unmatched(m, &m->by_title, (struct import_key){ title, NULL }, &e) != 1 &&
	    (label == NULL || !label_once ||
	     unmatched(m, &m->by_label, (struct import_key){ label, NULL }, &e) != 1))
		e = NULL;
	if (e != NULL)
		e->matched = 1;
	return e;
}

struct import_existing *import_match_unmatched_label(struct import_match *m, const char *label)
{
	struct import_existing *e;

	if (label == NULL ||
	    unmatched(m, &m->by_label, (struct import_key){ label, NULL }, &e) == 0)
		return NULL;
	return e;
}
