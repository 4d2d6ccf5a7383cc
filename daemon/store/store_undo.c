/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/history_store.h"

/*
 * Undoing a change: each row it touched is put back as it was before, newest first, by SQL
 * made from the row's JSON (the columns are the keys the history's triggers wrote). The
 * foreign keys are checked at the commit, not row by row: a person comes back after the
 * memberships that were deleted with them were recorded. An item put back is a new version of
 * it (seq + 1), so that calendars take it.
 */

/* A table the history records, and the columns that name a row of it. */
struct undo_table {
	const char *name, *keys[3];
};

static const struct undo_table undo_tables[] = {
	{ "plans", { "id" } },
	{ "people", { "id" } },
	{ "members", { "group_id", "person_id" } },
	{ "items", { "id" } },
	{ "assignments", { "item_id", "person_id" } },
	{ "remind_plan", { "plan_id" } },
	{ "remind_item", { "item_id" } },
};

struct undo_row {
	char *tbl, *before, *after;
};

static const struct undo_table *undo_table(const char *name)
{
	for (size_t i = 0; i < sizeof undo_tables / sizeof *undo_tables; i++)
		if (strcmp(undo_tables[i].name, name) == 0)
			return &undo_tables[i];
	return NULL;
}

/* Appends to SQL (LEN bytes) "key = json_extract(?1, '$.key') AND ..." for T's keys. */
static void where_keys(const struct undo_table *t, char *sql, size_t len)
{
	for (size_t i = 0; i < 3 && t->keys[i] != NULL; i++)
		snprintf(sql + strlen(sql), len - strlen(sql), "%s%s = json_extract(?1, '$.%s')",
			 i > 0 ? " AND " : "", t->keys[i], t->keys[i]);
}

/* A column name as the triggers write them: lower-case letters and '_' only. */
static int plain_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
			return 0;
	return 1;
}

/*
 * Appends the columns of JSON (an object) to SQL: for an UPDATE "c = json_extract(?1, '$.c'),
 * ..."; for an INSERT the names to NAMES and the values to SQL. Returns 0, -1 if unreadable.
 */
static int columns(struct db *db, const char *json, int update, const char *tbl, char *names,
		   char *sql, size_t len)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT key FROM json_each(?)");
	int n = 0, bad = 0, items = strcmp(tbl, "items") == 0;

	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *k = db_text(st, 0), *sep = n++ > 0 ? ", " : "";
		char value[96];

		bad |= !plain_name(k);
		if (items && strcmp(k, "seq") == 0)
			snprintf(value, sizeof value,
				 update ? "seq + 1" : "json_extract(?1, '$.seq') + 1");
		else if (items && strcmp(k, "updated") == 0)
			snprintf(value, sizeof value, "?2");
		else
			snprintf(value, sizeof value, "json_extract(?1, '$.%s')", k);
		if (update) {
			snprintf(sql + strlen(sql), len - strlen(sql), "%s%s = %s", sep, k, value);
		} else {
			snprintf(names + strlen(names), len - strlen(names), "%s%s", sep, k);
			snprintf(sql + strlen(sql), len - strlen(sql), "%s%s", sep, value);
		}
	}
	sqlite3_reset(st);
	return bad || n == 0 ? -1 : 0;
}

/* The SQL that puts row R back into BUF: 0, or -1 when the row cannot be read. */
static int revert_sql(struct db *db, const struct undo_row *r, char *buf, size_t len)
{
	const struct undo_table *t = undo_table(r->tbl);
	char names[1024] = "", values[2048] = "";

	if (t == NULL)
		return -1;
	if (r->before == NULL) {
		snprintf(buf, len, "DELETE FROM %s WHERE ", t->name);
		where_keys(t, buf, len);
		return 0;
	}
	if (r->after == NULL) {
		if (columns(db, r->before, 0, t->name, names, values, sizeof values) == -1)
			return -1;
		snprintf(buf, len, "INSERT INTO %s (%s) VALUES (%s)", t->name, names, values);
		return 0;
	}
	if (columns(db, r->before, 1, t->name, NULL, values, sizeof values) == -1)
		return -1;
	snprintf(buf, len, "UPDATE %s SET %s WHERE ", t->name, values);
	where_keys(t, buf, len);
	return 0;
}

static int revert_row(struct db *db, const struct undo_row *r, int64_t now, struct error *err)
{
	char sql[4096];
	sqlite3_stmt *st = NULL;
	int rc;

	if (revert_sql(db, r, sql, sizeof sql) == -1)
		return error_set(err, ERR_INTERNAL, "a row of table %s cannot be read back",
				 r->tbl);
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return error_set(err, ERR_INTERNAL, "cannot undo a row of %s: %s", r->tbl,
				 sqlite3_errmsg(db_handle(db)));
	}
	sqlite3_bind_text(st, 1, r->before != NULL ? r->before : r->after, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, now);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_CONSTRAINT)
		return error_set(err, ERR_CONFLICT,
				 "it cannot be put back as it was: a row of %s is in the way",
				 r->tbl);
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

/* The rows of change ID, oldest first, into *ROWS (N of them; freed by the caller). */
static int load_rows(struct db *db, int64_t id, struct undo_row **rows, size_t *n,
		     struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT tbl, before, after FROM change_rows "
				       "WHERE change_id = ? ORDER BY id");
	size_t cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct undo_row *more =
				realloc(*rows, (cap = cap ? cap * 2 : 16) * sizeof **rows);
			if (more == NULL) {
				sqlite3_reset(st);
				return error_set(err, ERR_INTERNAL, "out of memory");
			}
			*rows = more;
		}
		(*rows)[*n] = (struct undo_row){
			strdup(db_text(st, 0)),
			sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL : strdup(db_text(st, 1)),
			sqlite3_column_type(st, 2) == SQLITE_NULL ? NULL : strdup(db_text(st, 2)),
		};
		(*n)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_history_revert(struct db *db, int64_t id, int64_t now, struct error *err)
{
	struct undo_row *rows;
	size_t n = 0;
	int rc = load_rows(db, id, &rows, &n, err);

	if (rc == 0)
		sqlite3_exec(db_handle(db), "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL);
	for (size_t i = n; rc == 0 && i-- > 0;)
		rc = revert_row(db, &rows[i], now, err);
	for (size_t i = 0; i < n; i++) {
		free(rows[i].tbl);
		free(rows[i].before);
		free(rows[i].after);
	}
	free(rows);
	return rc;
}
