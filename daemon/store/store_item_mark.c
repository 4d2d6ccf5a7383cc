/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "store/item_mark_store.h"

/* The marks people made on items: written beside each change of state, read by the digest. */

int store_item_mark_add(struct db *db, int64_t id, const char *state, const char *by,
			const char *note, int64_t at, struct error *err)
{
	static const char sql[] = "INSERT INTO item_marks (plan_id, item_id, at, state, by_name, "
				  "note) SELECT plan_id, id, ?2, ?3, coalesce(?4, ''), "
				  "coalesce(?5, '') FROM items WHERE id = ?1";
	sqlite3_stmt *st;

	if (strcmp(state, "done") != 0 && strcmp(state, "open") != 0)
		return 0;
	st = db_stmt(db, sql);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_text(st, 3, state, -1, SQLITE_STATIC);
	if (by != NULL)
		sqlite3_bind_text(st, 4, by, -1, SQLITE_STATIC);
	if (note != NULL)
		sqlite3_bind_text(st, 5, note, -1, SQLITE_STATIC);
	return db_exec_stmt(db, st, err);
}

int store_item_mark_each(struct db *db, int64_t plan_id, int64_t since, int64_t until,
			 const char *not_by, int (*fn)(const struct item_mark *, void *), void *ctx,
			 struct error *err)
{
	static const char sql[] = "SELECT m.item_id, m.at, i.label, i.title, m.state, m.by_name, "
				  "m.note FROM item_marks m JOIN items i ON i.id = m.item_id "
				  "WHERE m.plan_id = ?1 AND m.at > ?2 AND m.at <= ?3 AND "
				  "(?4 IS NULL OR m.by_name <> ?4) AND EXISTS (SELECT 1 FROM "
				  "people p WHERE p.plan_id = m.plan_id AND p.kind = 'person' AND "
				  "p.name = m.by_name) ORDER BY m.at, m.id";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct item_mark m;
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, since);
	sqlite3_bind_int64(st, 3, until);
	if (not_by != NULL)
		sqlite3_bind_text(st, 4, not_by, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m.item_id = sqlite3_column_int64(st, 0);
		m.at = sqlite3_column_int64(st, 1);
		m.label = db_text(st, 2);
		m.title = db_text(st, 3);
		m.state = db_text(st, 4);
		m.by = db_text(st, 5);
		m.note = db_text(st, 6);
		if (fn(&m, ctx) == -1) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}
