/* SPDX-License-Identifier: MIT */
#include "store/status_page_store.h"

/* The status_pages table (schema/005_status.sql): one secret hash per plan. Making and showing
 * its URL is store_link.c's. */

int status_page_store_find(struct db *db, const unsigned char hash[FEED_HASH_LEN], int64_t *plan_id,
			   struct error *err)
{
	static const char sql[] = "SELECT plan_id FROM status_pages WHERE secret_hash = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_blob(st, 1, hash, FEED_HASH_LEN, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*plan_id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return 1;
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}
