/* SPDX-License-Identifier: MIT */
#include "store/link_store.h"

/*
 * A form on a person's page carries the version (seq) of the item it was rendered with; the
 * change is made only if the item is still at that version, in the same statement, so a page
 * that is out of date, or a button pressed twice, can never change an item twice.
 */

int store_page_item_move(struct db *db, int64_t id, int64_t seq, const char *state,
			 const char *note, const char *by, int64_t now, struct error *err)
{
	static const char sql[] = "UPDATE items SET state = ?2, note = coalesce(?3, note), "
				  "done_at = CASE ?2 WHEN 'done' THEN ?5 ELSE NULL END, "
				  "done_by = CASE ?2 WHEN 'done' THEN ?4 ELSE NULL END, "
				  "cancelled_at = NULL, seq = seq + 1, updated = ?5 "
				  "WHERE id = ?1 AND seq = ?6 AND state <> 'cancelled'";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	if (note != NULL)
		sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	if (by != NULL)
		sqlite3_bind_text(st, 4, by, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, now);
	sqlite3_bind_int64(st, 6, seq);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	return sqlite3_changes(db_handle(db)) == 1;
}
