/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "store/store_who.h"
#include "grow.h"

/* One assignment: its item, its place among the item's names, the name in W->names. */
struct store_who_row {
	int64_t item_id, position;
	uint32_t off, len;
	int32_t next; /* the row after this one in the item's position order, or -1 */
};

void store_who_free(struct store_who *w)
{
	free(w->rows);
	free(w->slots);
	buf_free(&w->names);
	free(w->joined);
	memset(w, 0, sizeof *w);
}

/* Keeps the N bytes at S, and a NUL, in W's names; their offset, or -1. */
static int64_t keep_name(struct store_who *w, const char *s, size_t n)
{
	size_t off = w->names.len;

	if (off + n + 1 > INT32_MAX)
		return -1;
	buf_add(&w->names, s, n);
	buf_add_byte(&w->names, '\0');
	return w->names.failed ? -1 : (int64_t)off;
}

static int add_row(struct store_who *w, int64_t item_id, int64_t position, const char *name,
		   size_t len)
{
	int64_t off;

	if (w->n >= INT32_MAX || grow(&w->rows, &w->cap, w->n + 1, sizeof *w->rows) == -1)
		return -1;
	if ((off = keep_name(w, name, len)) == -1)
		return -1;
	w->rows[w->n++] =
		(struct store_who_row){ item_id, position, (uint32_t)off, (uint32_t)len, -1 };
	return 0;
}

static size_t slot_of(const struct store_who *w, int64_t id)
{
	return (size_t)(((uint64_t)id * 0x9e3779b97f4a7c15u) >> 32) & w->mask;
}

/* The slot of item ID: the one holding its first row, else the empty one where it would go. */
static size_t find_slot(const struct store_who *w, int64_t id)
{
	size_t s = slot_of(w, id);

	while (w->slots[s] != -1 && w->rows[w->slots[s]].item_id != id)
		s = (s + 1) & w->mask;
	return s;
}

/* Links row R into its item's rows, in position order (an item has a few). */
static void link_row(struct store_who *w, int32_t r)
{
	struct store_who_row *rows = w->rows;
	int32_t *at = &w->slots[find_slot(w, rows[r].item_id)];

	while (*at != -1 && rows[*at].position <= rows[r].position)
		at = &rows[*at].next;
	rows[r].next = *at;
	*at = r;
}

static int index_rows(struct store_who *w)
{
	size_t size = 16;

	while (size < w->n * 2)
		size *= 2;
	if ((w->slots = malloc(size * sizeof *w->slots)) == NULL ||
	    (w->joined = malloc(w->names.len + 1)) == NULL)
		return -1;
	memset(w->slots, 0xff, size * sizeof *w->slots); /* -1 */
	w->mask = size - 1;
	for (size_t r = 0; r < w->n; r++)
		link_row(w, (int32_t)r);
	return 0;
}

int store_who_load(struct db *db, int64_t plan_id, struct store_who *w, struct error *err)
{
	/* By the people of the plan, in no order: ordering in SQLite costs more than the hash. */
	static const char sql[] = "SELECT a.item_id, a.position, n.name FROM people n JOIN "
				  "assignments a ON a.person_id = n.id WHERE n.plan_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (add_row(w, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			    db_text(st, 2), (size_t)sqlite3_column_bytes(st, 2)) == -1) {
			sqlite3_reset(st);
			return error_set(err, ERR_INTERNAL, "out of memory");
		}
	}
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	if (index_rows(w) == -1)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return 0;
}

const char *store_who_get(struct store_who *w, int64_t id)
{
	size_t n = 0;

	if (w->slots == NULL)
		return "";
	for (int32_t r = w->slots[find_slot(w, id)]; r != -1; r = w->rows[r].next) {
		if (n != 0)
			w->joined[n++] = '\x1f';
		memcpy(w->joined + n, w->names.data + w->rows[r].off, w->rows[r].len);
		n += w->rows[r].len;
	}
	w->joined[n] = '\0';
	return w->joined;
}
