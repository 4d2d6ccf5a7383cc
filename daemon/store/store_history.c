/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/history_store.h"

/* Reading the history: the changes of a plan, newest first, each with its rows. */

#define CHANGE_COLUMNS "c.id, c.at, c.by, c.via, coalesce(c.undoes, 0), "
#define ROW_COLUMNS    "r.tbl, r.row_key, coalesce(r.item_id, 0), r.before, r.after "

/* Reads the rows of consecutive result lines of one change into C; steps past them. */
static void read_change(sqlite3_stmt *st, int *rc, struct change *c, struct change_row *rows,
			size_t max)
{
	int64_t id = sqlite3_column_int64(st, 0);

	*c = (struct change){ .id = id,
			      .at = sqlite3_column_int64(st, 1),
			      .by = db_text(st, 2),
			      .via = db_text(st, 3),
			      .undoes = sqlite3_column_int64(st, 4),
			      .rows = rows };
	/* The strings of the first line stay valid: the rows are copied before stepping on. */
	for (; *rc == SQLITE_ROW && sqlite3_column_int64(st, 0) == id; *rc = sqlite3_step(st)) {
		if (c->nrows < max) {
			struct change_row *r = &rows[c->nrows++];
			r->tbl = strdup(db_text(st, 5));
			r->key = strdup(db_text(st, 6));
			r->item_id = sqlite3_column_int64(st, 7);
			r->before = sqlite3_column_type(st, 8) == SQLITE_NULL ?
					    NULL :
					    strdup(db_text(st, 8));
			r->after = sqlite3_column_type(st, 9) == SQLITE_NULL ?
					   NULL :
					   strdup(db_text(st, 9));
		}
		c->total++;
	}
}

static void free_rows(struct change_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)rows[i].tbl);
		free((char *)rows[i].key);
		free((char *)rows[i].before);
		free((char *)rows[i].after);
	}
}

/* Runs ST (one line per row, ordered by change) and calls FN per change. */
static int each_change(struct db *db, sqlite3_stmt *st, size_t max, history_fn fn, void *ctx,
		       struct error *err)
{
	struct change_row *rows = calloc(max, sizeof *rows);
	int rc = sqlite3_step(st), res = 0;

	if (rows == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	while (rc == SQLITE_ROW && res == 0) {
		struct change c;
		char by[256], via[32];

		/* by and via of the first line: copied, the statement steps on. */
		snprintf(by, sizeof by, "%s", db_text(st, 2));
		snprintf(via, sizeof via, "%s", db_text(st, 3));
		read_change(st, &rc, &c, rows, max);
		c.by = by;
		c.via = via;
		res = fn(&c, ctx);
		free_rows(rows, c.nrows);
	}
	free(rows);
	if (res != 0)
		return -1;
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	return 0;
}

int store_history_each(struct db *db, const struct history_query *q, history_fn fn, void *ctx,
		       struct error *err)
{
	/*
	 * The oldest change listed bounds a walk of the index from the newest: no sort of the
	 * rows (their JSON) in a temporary tree.
	 */
#define HISTORY_FILTER                                                                          \
	"plan_id = ?1 AND (?2 = 0 OR id IN (SELECT change_id FROM change_rows WHERE item_id = " \
	"?2)) AND (?3 IS NULL OR by = ?3)"

	static const char sql[] =
		"SELECT " CHANGE_COLUMNS ROW_COLUMNS
		"FROM changes c JOIN change_rows r ON r.change_id = c.id WHERE c.plan_id = ?1 "
		"AND (?2 = 0 OR c.id IN (SELECT change_id FROM change_rows WHERE item_id = ?2)) "
		"AND (?3 IS NULL OR c.by = ?3) AND c.id >= coalesce((SELECT min(id) FROM (SELECT id FROM changes WHERE " HISTORY_FILTER
		" ORDER BY id DESC LIMIT ?4)), 0) ORDER BY c.id DESC, r.id";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, q->plan_id);
	sqlite3_bind_int64(st, 2, q->item_id);
	if (q->by != NULL)
		sqlite3_bind_text(st, 3, q->by, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, q->limit > 0 ? q->limit : -1);
	return each_change(db, st, HISTORY_ROWS_SHOWN, fn, ctx, err);
}

struct found {
	history_fn fn;
	void *ctx;
	int n;
};

static int count_found(const struct change *c, void *arg)
{
	struct found *f = arg;

	f->n++;
	return f->fn != NULL ? f->fn(c, f->ctx) : 0;
}

int store_history_get(struct db *db, int64_t plan_id, int64_t id, history_fn fn, void *ctx,
		      struct error *err)
{
	static const char sql[] = "SELECT " CHANGE_COLUMNS ROW_COLUMNS
				  "FROM changes c JOIN change_rows r ON r.change_id = c.id "
				  "WHERE c.id = ?2 AND c.plan_id = ?1 ORDER BY r.id";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct found f = { fn, ctx, 0 };
	int64_t total = 0;
	sqlite3_stmt *n = db_stmt(db, "SELECT count(*) FROM change_rows WHERE change_id = ?");

	sqlite3_bind_int64(n, 1, id);
	if (sqlite3_step(n) == SQLITE_ROW)
		total = sqlite3_column_int64(n, 0);
	sqlite3_reset(n);
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, id);
	if (each_change(db, st, (size_t)(total > 0 ? total : 1), count_found, &f, err) == -1)
		return -1;
	return f.n;
}

static int one_id(struct db *db, sqlite3_stmt *st, int64_t *id, struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_history_last(struct db *db, int64_t plan_id, const char *by, int64_t *id,
		       struct error *err)
{
	static const char sql[] =
		"SELECT id FROM changes c WHERE plan_id = ?1 AND by = ?2 AND undoes IS NULL "
		"AND NOT EXISTS (SELECT 1 FROM changes u WHERE u.undoes = c.id) "
		"ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_text(st, 2, by, -1, SQLITE_STATIC);
	return one_id(db, st, id, err);
}

int store_history_undone(struct db *db, int64_t id, int64_t *by_id, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM changes WHERE undoes = ? LIMIT 1");

	sqlite3_bind_int64(st, 1, id);
	return one_id(db, st, by_id, err);
}

int store_history_later(struct db *db, int64_t plan_id, int64_t id, history_fn fn, void *ctx,
			struct error *err)
{
	/* A later change undone, and the undo of a later change, cancel out: neither counts. */
	static const char sql[] =
		"SELECT " CHANGE_COLUMNS ROW_COLUMNS
		"FROM changes c JOIN change_rows r ON r.change_id = c.id "
		"WHERE c.id IN (SELECT l.change_id FROM change_rows m JOIN change_rows l "
		"ON l.tbl = m.tbl AND l.row_key = m.row_key AND l.change_id > m.change_id "
		"WHERE m.change_id = ?2) AND c.plan_id = ?1 "
		"AND (c.undoes IS NULL OR c.undoes <= ?2) "
		"AND NOT EXISTS (SELECT 1 FROM changes u WHERE u.undoes = c.id) "
		"ORDER BY c.id, r.id";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct found f = { fn, ctx, 0 };

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, id);
	if (each_change(db, st, HISTORY_ROWS_SHOWN, count_found, &f, err) == -1)
		return -1;
	return f.n;
}

static void one_text(struct db *db, const char *sql, int64_t id, char *buf, size_t len)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	*buf = '\0';
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, len, "%s", db_text(st, 0));
	sqlite3_reset(st);
}

void store_history_item_label(struct db *db, int64_t id, char *buf, size_t len)
{
	one_text(db, "SELECT label FROM items WHERE id = ?", id, buf, len);
}

void store_history_person_name(struct db *db, int64_t id, char *buf, size_t len)
{
	one_text(db, "SELECT name FROM people WHERE id = ?", id, buf, len);
}
