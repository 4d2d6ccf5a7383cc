/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "store/survey_store.h"

/* The surveys and survey_tokens tables (schema/010_survey.sql). */

int store_survey_get(struct db *db, int64_t plan_id, struct survey_row *row, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT source, version, coalesce(gen, 0), secret_hash "
				       "FROM surveys WHERE plan_id = ?");
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
	}
	row->plan_id = plan_id;
	row->source = strdup(db_text(st, 0));
	row->version = sqlite3_column_int64(st, 1);
	row->gen = sqlite3_column_int64(st, 2);
	memset(row->hash, 0, FEED_HASH_LEN);
	if (sqlite3_column_bytes(st, 3) == FEED_HASH_LEN)
		memcpy(row->hash, sqlite3_column_blob(st, 3), FEED_HASH_LEN);
	sqlite3_reset(st);
	if (row->source == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return 1;
}

int store_survey_put(struct db *db, int64_t plan_id, const char *source, int64_t now,
		     struct error *err)
{
	static const char sql[] = "INSERT INTO surveys (plan_id, source, created) VALUES (?, ?, ?) "
				  "ON CONFLICT (plan_id) DO UPDATE SET source = excluded.source, "
				  "version = version + 1, created = excluded.created";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_text(st, 2, source, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	return db_exec_stmt(db, st, err);
}

int store_survey_link_put(struct db *db, int64_t plan_id, int64_t gen,
			  const unsigned char hash[FEED_HASH_LEN], struct error *err)
{
	sqlite3_stmt *st =
		db_stmt(db, "UPDATE surveys SET gen = ?, secret_hash = ? WHERE plan_id = ?");

	sqlite3_bind_int64(st, 1, gen);
	sqlite3_bind_blob(st, 2, hash, FEED_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, plan_id);
	return db_exec_stmt(db, st, err);
}

int store_survey_by_hash(struct db *db, const unsigned char hash[FEED_HASH_LEN], int64_t *plan_id,
			 struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT plan_id FROM surveys WHERE secret_hash = ?");
	int rc;

	sqlite3_bind_blob(st, 1, hash, FEED_HASH_LEN, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*plan_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_survey_token_use(struct db *db, int64_t nonce, int64_t issued, int64_t expired,
			   struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM survey_tokens WHERE issued < ?");
	int rc;

	sqlite3_bind_int64(st, 1, expired);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	st = db_stmt(db, "INSERT OR IGNORE INTO survey_tokens (nonce, issued) VALUES (?, ?)");
	sqlite3_bind_int64(st, 1, nonce);
	sqlite3_bind_int64(st, 2, issued);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, rc, err);
	}
	sqlite3_reset(st);
	return sqlite3_changes(db_handle(db)) == 1 ? 1 : 0;
}
