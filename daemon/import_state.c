/* SPDX-License-Identifier: MIT */
#include <sqlite3.h>

#include "import_state.h"

int import_state_write(struct db *db, int64_t id, const char *state, const char *note,
		       const char *by, int64_t at, int64_t now, struct error *err)
{
	/* store_item_set_state's columns (store_item.c), but AT and NOW apart. */
	static const char sql[] = "UPDATE items SET state = ?2, note = coalesce(?3, note), "
				  "done_at = CASE ?2 WHEN 'done' THEN ?5 ELSE NULL END, "
				  "done_by = CASE ?2 WHEN 'done' THEN ?4 ELSE NULL END, "
				  "cancelled_at = CASE ?2 WHEN 'cancelled' THEN ?5 ELSE NULL END, "
				  "seq = seq + 1, updated = ?6 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	if (note != NULL)
		sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	if (by != NULL)
		sqlite3_bind_text(st, 4, by, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, at);
	sqlite3_bind_int64(st, 6, now);
	return db_exec_stmt(db, st, err);
}
