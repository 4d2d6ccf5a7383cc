/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/remind_store.h"
#include "grow.h"

/* The reminders' rules, schedule and log in SQLite; prepared statements only. */

/* ---- rules ----------------------------------------------------------------------------------- */

/* Replaces L with the list in column I of ST unless it is NULL (or, logged, unreadable). */
static void column_list(sqlite3_stmt *st, int i, struct remind_list *l)
{
	struct error err = ERROR_INIT;
	struct remind_list parsed;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return;
	if (remind_list_parse(db_text(st, i), &parsed, &err) == 0)
		*l = parsed;
	else
		log_warn("reminders: stored rules «%s» unreadable (%s); using the defaults",
			 db_text(st, i), err.message ? err.message : "?");
	error_clear(&err);
}

int remind_store_plan_rules(struct db *db, int64_t plan_id, struct remind_rules *out,
			    struct error *err)
{
	static const char sql[] = "SELECT events, deadlines, overdue FROM remind_plan "
				  "WHERE plan_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct error perr = ERROR_INIT;
	int rc, at;

	remind_rules_default(out);
	sqlite3_bind_int64(st, 1, plan_id);
	if ((rc = sqlite3_step(st)) == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, err);
	column_list(st, 0, &out->events);
	column_list(st, 1, &out->deadlines);
	if (sqlite3_column_type(st, 2) != SQLITE_NULL &&
	    remind_overdue_parse(db_text(st, 2), &at, &perr) == 0)
		out->overdue_at = at;
	error_clear(&perr);
	sqlite3_reset(st);
	return 0;
}

int remind_store_set_plan_rules(struct db *db, int64_t plan_id, enum remind_section sec,
				const char *text, struct error *err)
{
	static const char del[] = "DELETE FROM remind_plan WHERE plan_id = ?";
	static const char ins[] = "INSERT INTO remind_plan (plan_id) VALUES (?) "
				  "ON CONFLICT (plan_id) DO NOTHING";
	static const char upd[] =
		"UPDATE remind_plan SET events = CASE ?2 WHEN 0 THEN ?3 ELSE events END, "
		"deadlines = CASE ?2 WHEN 1 THEN ?3 ELSE deadlines END, "
		"overdue = CASE ?2 WHEN 2 THEN ?3 ELSE overdue END WHERE plan_id = ?1";
	sqlite3_stmt *st;

	if (sec == REMIND_SEC_DEFAULT) {
		st = db_stmt(db, del);
		sqlite3_bind_int64(st, 1, plan_id);
		return db_exec_stmt(db, st, err);
	}
	st = db_stmt(db, ins);
	sqlite3_bind_int64(st, 1, plan_id);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	st = db_stmt(db, upd);
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int(st, 2, (int)sec);
	if (text != NULL)
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	return db_exec_stmt(db, st, err);
}

int remind_store_item_rules(struct db *db, int64_t item_id, struct remind_list *out,
			    struct error *err)
{
	static const char sql[] = "SELECT rules FROM remind_item WHERE item_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, item_id);
	if ((rc = sqlite3_step(st)) == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, err);
	memset(out, 0, sizeof *out);
	if (*db_text(st, 0) != '\0')
		column_list(st, 0, out);
	sqlite3_reset(st);
	return 1;
}

int remind_store_set_item_rules(struct db *db, int64_t item_id, const char *text, struct error *err)
{
	static const char del[] = "DELETE FROM remind_item WHERE item_id = ?";
	static const char put[] = "INSERT INTO remind_item (item_id, rules) VALUES (?1, ?2) "
				  "ON CONFLICT (item_id) DO UPDATE SET rules = ?2";
	sqlite3_stmt *st = db_stmt(db, text == NULL ? del : put);

	sqlite3_bind_int64(st, 1, item_id);
	if (text != NULL)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	return db_exec_stmt(db, st, err);
}

/*
 * Every item of plan PLAN_ID with its own rules, read the way remind_store_item_rules reads one
 * (an empty list is "none"), in item id order: for the feeds, which need all of them at once.
 */
int remind_store_plan_item_rules(struct db *db, int64_t plan_id, remind_item_rules_fn fn, void *ctx,
				 struct error *err)
{
	static const char sql[] = "SELECT r.item_id, r.rules FROM remind_item r JOIN items i "
				  "ON i.id = r.item_id WHERE i.plan_id = ? ORDER BY r.item_id";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct remind_list l;
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&l, 0, sizeof l);
		if (*db_text(st, 1) != '\0')
			column_list(st, 1, &l);
		if (fn(sqlite3_column_int64(st, 0), &l, ctx) == -1) {
			sqlite3_reset(st);
			return error_set(err, ERR_INTERNAL, "out of memory");
		}
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

/* ---- the schedule ---------------------------------------------------------------------------- */

void remind_store_lazy(struct db *db, int lazy)
{
	static const char normal[] = "PRAGMA synchronous = NORMAL";
	static const char full[] = "PRAGMA synchronous = FULL";
	sqlite3_stmt *st = db_stmt(db, lazy ? normal : full);

	if (sqlite3_step(st) != SQLITE_DONE)
		log_warn("reminders: cannot set PRAGMA synchronous: %s",
			 sqlite3_errmsg(db_handle(db)));
	sqlite3_reset(st);
}

int remind_store_due(struct db *db, int64_t now, struct remind_due *out, int max, struct error *err)
{
	static const char sql[] = "SELECT item_id, plan_id, next_at FROM remind_next "
				  "WHERE next_at IS NOT NULL AND next_at <= ? ORDER BY next_at "
				  "LIMIT ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int n = 0, rc;

	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
		out[n].item_id = sqlite3_column_int64(st, 0);
		out[n].plan_id = sqlite3_column_int64(st, 1);
		out[n].next_at = sqlite3_column_int64(st, 2);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : db_fail(db, rc, err);
}

int remind_store_set_next(struct db *db, int64_t item_id, int64_t plan_id, int64_t seq,
			  int64_t next_at, struct error *err)
{
	static const char sql[] =
		"INSERT INTO remind_next (item_id, plan_id, seq, next_at) VALUES (?1, ?2, ?3, ?4) "
		"ON CONFLICT (item_id) DO UPDATE SET seq = ?3, next_at = ?4";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, plan_id);
	sqlite3_bind_int64(st, 3, seq);
	if (next_at != 0)
		sqlite3_bind_int64(st, 4, next_at);
	return db_exec_stmt(db, st, err);
}

int remind_store_drop_next(struct db *db, int64_t item_id, struct error *err)
{
	static const char sql[] = "DELETE FROM remind_next WHERE item_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, item_id);
	return db_exec_stmt(db, st, err);
}

int remind_store_get_next(struct db *db, int64_t item_id, int64_t *next_at, struct error *err)
{
	static const char sql[] = "SELECT coalesce(next_at, 0) FROM remind_next WHERE item_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, item_id);
	if ((rc = sqlite3_step(st)) == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, err);
	*next_at = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 1;
}

int remind_store_next_min(struct db *db, int64_t *out)
{
	static const char sql[] = "SELECT min(next_at) FROM remind_next WHERE next_at IS NOT NULL";
	sqlite3_stmt *st = db_stmt(db, sql);
	int found = 0;

	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*out = sqlite3_column_int64(st, 0);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

static int push_id(int64_t **ids, size_t *n, size_t *cap, int64_t id)
{
	if (grow(ids, cap, *n + 1, sizeof **ids) == -1)
		return -1;
	(*ids)[(*n)++] = id;
	return 0;
}

int remind_store_scheduled(struct db *db, int64_t plan_id, int64_t **ids, int64_t **nexts,
			   size_t *n, struct error *err)
{
	static const char sql[] = "SELECT item_id, next_at FROM remind_next WHERE plan_id = ? "
				  "AND next_at IS NOT NULL ORDER BY next_at";
	sqlite3_stmt *st = db_stmt(db, sql);
	size_t cap = 0, cap2 = 0, n2 = 0;
	int rc;

	*ids = *nexts = NULL;
	*n = 0;
	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (push_id(ids, n, &cap, sqlite3_column_int64(st, 0)) == -1 ||
		    push_id(nexts, &n2, &cap2, sqlite3_column_int64(st, 1)) == -1) {
			sqlite3_reset(st);
			return error_set(err, ERR_INTERNAL, "out of memory");
		}
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int remind_store_changed(struct db *db, int64_t plan_id, int64_t since, int all, int64_t **ids,
			 size_t *n, int64_t *max_updated, struct error *err)
{
	static const char since_sql[] =
		"SELECT i.id, i.updated, i.seq, r.seq FROM items i LEFT JOIN remind_next r "
		"ON r.item_id = i.id WHERE i.plan_id = ?1 AND i.updated >= ?2";
	static const char all_sql[] =
		"SELECT i.id, i.updated, i.seq, r.seq FROM items i LEFT JOIN remind_next r "
		"ON r.item_id = i.id WHERE i.plan_id = ?1 AND ?2 = ?2";
	sqlite3_stmt *st = db_stmt(db, all ? all_sql : since_sql);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	*max_updated = since;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t updated = sqlite3_column_int64(st, 1);
		int stale = all || sqlite3_column_type(st, 3) == SQLITE_NULL ||
			    sqlite3_column_int64(st, 2) != sqlite3_column_int64(st, 3);

		if (updated > *max_updated)
			*max_updated = updated;
		if (stale && push_id(ids, n, &cap, sqlite3_column_int64(st, 0)) == -1) {
			sqlite3_reset(st);
			return error_set(err, ERR_INTERNAL, "out of memory");
		}
	}
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return db_fail(db, rc, err);
	}
	return 0;
}

/* ---- plans ------------------------------------------------------------------------------------ */

struct plan *remind_store_plan(struct db *db, int64_t id, struct error *err)
{
	return store_plan_get(db, id, err);
}

int remind_store_plan_count(struct db *db)
{
	static const char sql[] = "SELECT count(*) FROM plans";
	sqlite3_stmt *st = db_stmt(db, sql);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;

	sqlite3_reset(st);
	return n;
}
