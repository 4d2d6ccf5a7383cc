/* SPDX-License-Identifier: MIT */
#include "store/remind_store.h"

/* The remind_digest table: who wants a morning digest, at what local time, and when it is next. */

int remind_digest_store_put(struct db *db, int64_t person_id, int64_t plan_id, int at_local,
			    int64_t next_at, struct error *err)
{
	static const char del[] = "DELETE FROM remind_digest WHERE person_id = ?";
	static const char put[] =
		"INSERT INTO remind_digest (person_id, plan_id, at_local, next_at) VALUES (?1, ?2, "
		"?3, ?4) ON CONFLICT (person_id) DO UPDATE SET at_local = ?3, next_at = ?4";
	sqlite3_stmt *st = db_stmt(db, at_local < 0 ? del : put);

	sqlite3_bind_int64(st, 1, person_id);
	if (at_local >= 0) {
		sqlite3_bind_int64(st, 2, plan_id);
		sqlite3_bind_int(st, 3, at_local);
		sqlite3_bind_int64(st, 4, next_at);
	}
	return db_exec_stmt(db, st, err);
}

int remind_digest_store_each(struct db *db, int64_t plan_id, remind_digest_fn fn, void *ctx,
			     struct error *err)
{
	static const char sql[] = "SELECT d.person_id, p.name, d.at_local, d.next_at FROM "
				  "remind_digest d JOIN people p ON p.id = d.person_id WHERE "
				  "d.plan_id = ? ORDER BY p.name_key";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(sqlite3_column_int64(st, 0), db_text(st, 1), sqlite3_column_int(st, 2),
		       sqlite3_column_int64(st, 3), ctx) == -1) {
			sqlite3_reset(st);
			return -1;
		}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int remind_digest_store_next_min(struct db *db, int64_t *out)
{
	static const char sql[] = "SELECT min(next_at) FROM remind_digest";
	sqlite3_stmt *st = db_stmt(db, sql);
	int found = 0;

	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*out = sqlite3_column_int64(st, 0);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

int remind_digest_store_due(struct db *db, int64_t now, struct remind_digest_due *out, int max,
			    struct error *err)
{
	static const char sql[] = "SELECT person_id, plan_id, next_at, at_local FROM remind_digest "
				  "WHERE next_at <= ? ORDER BY next_at LIMIT ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int n = 0, rc;

	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
		out[n].person_id = sqlite3_column_int64(st, 0);
		out[n].plan_id = sqlite3_column_int64(st, 1);
		out[n].next_at = sqlite3_column_int64(st, 2);
		out[n].at_local = sqlite3_column_int(st, 3);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : db_fail(db, rc, err);
}

int remind_digest_store_set_next(struct db *db, int64_t person_id, int64_t next_at,
				 struct error *err)
{
	static const char sql[] = "UPDATE remind_digest SET next_at = ? WHERE person_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, next_at);
	sqlite3_bind_int64(st, 2, person_id);
	return db_exec_stmt(db, st, err);
}

int64_t remind_digest_store_last_sent(struct db *db, int64_t person_id, int64_t before)
{
	static const char sql[] = "SELECT max(occurrence) FROM remind_log WHERE person_id = ? AND "
				  "rule = 'digest' AND item_id IS NULL AND state = 'sent' AND "
				  "occurrence < ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int64_t t = 0;

	sqlite3_bind_int64(st, 1, person_id);
	sqlite3_bind_int64(st, 2, before);
	if (sqlite3_step(st) == SQLITE_ROW)
		t = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return t;
}
