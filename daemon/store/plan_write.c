/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "core/clock.h"
#include "store/changes.h"
#include "store/plan_write.h"

/*
 * Begin, commit, announce. The announcement comes after the commit, never before: who hears of
 * a change (a feed re-rendering, the reminders rescheduling) reads what is durable.
 *
 * The history (schema/008_history.sql) is kept from here too, so that no write path can miss
 * it: a change begun here names itself in change_now, the tables' triggers record each row it
 * touches under that name, and the commit writes who made it, or nothing when it touched no
 * row of the plan's (and drops its rows when the plan itself is gone).
 */

static char default_by[200], default_via[16] = "cli";

static int history_open(struct db *db, struct error *err)
{
	return db_exec_stmt(db,
			    db_stmt(db, "UPDATE change_now SET change_id = "
					"(SELECT coalesce(max(id), 0) + 1 FROM changes)"),
			    err);
}

static int history_close(struct plan_write *w, struct error *err)
{
	static const char head[] =
		"INSERT INTO changes (id, plan_id, at, by, via, undoes) "
		"SELECT n.change_id, ?1, ?2, ?3, ?4, nullif(?5, 0) FROM change_now n "
		"WHERE EXISTS (SELECT 1 FROM change_rows r WHERE r.change_id = n.change_id) "
		"AND EXISTS (SELECT 1 FROM plans WHERE id = ?1)";
	static const char orphans[] =
		"DELETE FROM change_rows WHERE change_id = (SELECT change_id FROM change_now) "
		"AND change_id NOT IN (SELECT id FROM changes)";
	struct db *db = w->db;
	sqlite3_stmt *st = db_stmt(db, head);
	const char *by = w->by, *via = w->via;

	if (by == NULL || *by == '\0') {
		by = *default_by != '\0' ? default_by : "Администратор";
		via = via != NULL ? via : default_via;
	}
	sqlite3_bind_int64(st, 1, w->plan_id);
	sqlite3_bind_int64(st, 2, clock_now());
	sqlite3_bind_text(st, 3, by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, via != NULL ? via : "cli", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, w->undoes);
	if (db_exec_stmt(db, st, err) == -1 || db_exec_stmt(db, db_stmt(db, orphans), err) == -1)
		return -1;
	return db_exec_stmt(db, db_stmt(db, "UPDATE change_now SET change_id = NULL"), err);
}

int plan_write_begin(struct plan_write *w, struct db *db, int64_t plan_id, struct error *err)
{
	*w = (struct plan_write){ .db = db, .plan_id = plan_id };
	if (db_begin(db, err) == -1)
		return -1;
	if (history_open(db, err) == -1) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

int plan_write_begin_quiet(struct plan_write *w, struct db *db, struct error *err)
{
	*w = (struct plan_write){ .db = db, .quiet = 1 };
	return db_begin(db, err);
}

void plan_write_by(struct plan_write *w, const char *who, const char *via)
{
	w->by = who;
	w->via = via;
}

void plan_write_default(const char *who, const char *via)
{
	snprintf(default_by, sizeof default_by, "%s", who != NULL ? who : "");
	snprintf(default_via, sizeof default_via, "%s", via != NULL ? via : "cli");
}

int plan_write_commit(struct plan_write *w, struct error *err)
{
	if (!w->quiet && history_close(w, err) == -1) {
		db_rollback(w->db);
		return -1;
	}
	if (db_commit(w->db, err) == -1)
		return -1; /* db_commit rolled back */
	if (!w->quiet)
		changes_notify(w->plan_id);
	return 0;
}

void plan_write_rollback(struct plan_write *w)
{
	db_rollback(w->db);
}
