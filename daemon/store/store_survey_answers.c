/* SPDX-License-Identifier: MIT */
#include "store/survey_store.h"

/* The survey_responses and survey_answers tables (schema/010_survey.sql). */

int64_t store_survey_count(struct db *db, int64_t plan_id, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM survey_responses WHERE plan_id = ?");
	int rc;
	int64_t n;

	sqlite3_bind_int64(st, 1, plan_id);
	rc = sqlite3_step(st);
	n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? n : db_fail(db, rc, err);
}

int64_t store_survey_response_add(struct db *db, int64_t plan_id, int64_t hour, const char *source,
				  struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO survey_responses (plan_id, hour, source) "
				       "VALUES (?, ?, ?)");

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, hour);
	sqlite3_bind_text(st, 3, source, -1, SQLITE_STATIC);
	return db_exec_stmt(db, st, err) == -1 ? -1 : db_last_id(db);
}

int store_survey_answer_add(struct db *db, int64_t response, int64_t plan_id, int question,
			    int64_t mask, const char *value, struct error *err)
{
	sqlite3_stmt *st =
		db_stmt(db, "INSERT INTO survey_answers (response_id, plan_id, question, "
			    "mask, value) VALUES (?, ?, ?, ?, ?)");

	sqlite3_bind_int64(st, 1, response);
	sqlite3_bind_int64(st, 2, plan_id);
	sqlite3_bind_int(st, 3, question);
	sqlite3_bind_int64(st, 4, mask);
	if (value != NULL)
		sqlite3_bind_text(st, 5, value, -1, SQLITE_STATIC);
	return db_exec_stmt(db, st, err);
}

int store_survey_tally(struct db *db, int64_t plan_id, int by, survey_tally_fn fn, void *arg,
		       struct error *err)
{
	static const char plain[] =
		"SELECT question, mask, value, -1, count(*) FROM survey_answers "
		"WHERE plan_id = ?1 GROUP BY question, mask, value";
	static const char split[] =
		"SELECT a.question, a.mask, a.value, coalesce(b.mask, 0), count(*) "
		"FROM survey_answers a LEFT JOIN survey_answers b ON b.response_id = "
		"a.response_id AND b.question = ?2 WHERE a.plan_id = ?1 "
		"GROUP BY a.question, a.mask, a.value, 4";
	sqlite3_stmt *st = db_stmt(db, by >= 0 ? split : plain);
	int rc, stop = 0;

	sqlite3_bind_int64(st, 1, plan_id);
	if (by >= 0)
		sqlite3_bind_int(st, 2, by);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(sqlite3_column_int(st, 0), sqlite3_column_int64(st, 1),
			  (const char *)sqlite3_column_text(st, 2), sqlite3_column_int64(st, 3),
			  sqlite3_column_int64(st, 4), arg) == -1;
	sqlite3_reset(st);
	if (stop)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_survey_clear(struct db *db, int64_t plan_id, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM survey_answers WHERE plan_id = ?");

	sqlite3_bind_int64(st, 1, plan_id);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	st = db_stmt(db, "DELETE FROM survey_responses WHERE plan_id = ?");
	sqlite3_bind_int64(st, 1, plan_id);
	return db_exec_stmt(db, st, err);
}
