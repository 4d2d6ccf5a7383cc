/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "import_match.h"
#include "store.h"

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

static char *dup(const char *s)
{
	return strdup(s != NULL ? s : "");
}

static int keep_item(const struct item *it, void *arg)
{
	struct load_ctx *c = arg;
	struct import_match *m = c->m;
	struct import_existing *e;

	if (m->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct import_existing *items = realloc(m->items, cap * sizeof *items);
		if (items == NULL) {
			c->nomem = 1;
			return -1;
		}
		m->items = items;
		c->cap = cap;
	}
	e = &m->items[m->n++];
	memset(e, 0, sizeof *e);
	e->id = it->id;
	e->parent_id = it->parent_id;
	e->label = dup(it->label);
	e->title = dup(it->title);
	e->when_text = dup(it->when_text);
	e->place = dup(it->place);
	e->description = dup(it->description);
	e->who = dup(it->who);
	e->kind = dup(it->kind);
	e->start = dup(it->start_at);
	e->end = dup(it->end_at);
	e->due = dup(it->due_at);
	return 0;
}

static void index_add(json_t *index, const char *key, size_t i)
{
	json_t *list = json_object_get(index, key);

	if (list == NULL) {
		list = json_array();
		json_object_set_new(index, key, list);
	}
	json_array_append_new(list, json_integer((json_int_t)i));
}

static char *both_key(const char *label, const char *title)
{
	char *key;

	return asprintf(&key, "%s\x1f%s", label != NULL ? label : "", title) == -1 ? NULL : key;
}

static int build_index(struct import_match *m)
{
	m->by_both = json_object();
	m->by_title = json_object();
	m->by_label = json_object();
	for (size_t i = 0; i < m->n; i++) {
		struct import_existing *e = &m->items[i];
		char *key = both_key(e->label, e->title);
		if (key == NULL)
			return -1;
		index_add(m->by_both, key, i);
		index_add(m->by_title, e->title, i);
		if (*e->label != '\0')
			index_add(m->by_label, e->label, i);
		free(key);
	}
	return 0;
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
	if (build_index(m) == -1)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return 0;
}

void import_match_free(struct import_match *m)
{
	for (size_t i = 0; i < m->n; i++) {
		struct import_existing *e = &m->items[i];
		free(e->label);
		free(e->title);
		free(e->when_text);
		free(e->place);
		free(e->description);
		free(e->who);
		free(e->kind);
		free(e->start);
		free(e->end);
		free(e->due);
	}
	free(m->items);
	json_decref(m->by_both);
	json_decref(m->by_title);
	json_decref(m->by_label);
	memset(m, 0, sizeof *m);
}

/* The unmatched items listed under KEY of INDEX: the first in *FIRST, how many as result. */
static int unmatched(struct import_match *m, json_t *index, const char *key,
		     struct import_existing **first)
{
	json_t *list = json_object_get(index, key), *v;
	size_t i;
	int n = 0;

	*first = NULL;
	json_array_foreach (list, i, v) {
		struct import_existing *e = &m->items[json_integer_value(v)];
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
	char *key = both_key(label, title);

	if (key != NULL && unmatched(m, m->by_both, key, &e) > 0)
		e->matched = 1;
	else
		e = NULL;
	free(key);
	return e;
}

struct import_existing *import_match_loose(struct import_match *m, const char *label,
					   const char *title, int label_once)
{
	struct import_existing *e = NULL;

	if (unmatched(m, m->by_title, title, &e) != 1 &&
	    (label == NULL || !label_once || unmatched(m, m->by_label, label, &e) != 1))
		e = NULL;
	if (e != NULL)
		e->matched = 1;
	return e;
}

struct import_existing *import_match_unmatched_label(struct import_match *m, const char *label)
{
	struct import_existing *e;

	if (label == NULL || unmatched(m, m->by_label, label, &e) == 0)
		return NULL;
	return e;
}
