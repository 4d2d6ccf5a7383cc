/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "store/store.h"
#include "utf8.h"

/*
 * Changing and removing people, groups and items for good (qweek person edit/remove, group
 * edit/remove, delete). What goes with them (memberships, assignments, reminder rules) goes by
 * the schema's cascades; a done item keeps the name of whoever did it (items.done_by).
 */

int store_person_update(struct db *db, int64_t id, const char *name, const char *role,
			const char *email, struct error *err)
{
	static const char sql[] = "UPDATE people SET name = coalesce(?2, name), "
				  "name_key = coalesce(?3, name_key), role = coalesce(?4, role), "
				  "email = coalesce(?5, email) WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	char *key = name != NULL ? utf8_fold_str(name) : NULL;

	if (name != NULL && key == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	sqlite3_bind_int64(st, 1, id);
	if (name != NULL) {
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, key, -1, free);
	}
	if (role != NULL)
		sqlite3_bind_text(st, 4, role, -1, SQLITE_STATIC);
	if (email != NULL)
		sqlite3_bind_text(st, 5, email, -1, SQLITE_STATIC);
	return db_exec_stmt(db, st, err);
}

int store_member_remove(struct db *db, int64_t group_id, int64_t person_id, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM members WHERE group_id = ? AND person_id = ?");

	sqlite3_bind_int64(st, 1, group_id);
	sqlite3_bind_int64(st, 2, person_id);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	return sqlite3_changes(db_handle(db));
}

static int64_t count_of(struct db *db, const char *sql, int64_t id, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;
	int64_t n;

	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		return db_fail(db, rc, err);
	n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

int64_t store_person_open_items(struct db *db, int64_t id, struct error *err)
{
	return count_of(db,
			"SELECT count(*) FROM assignments a JOIN items i ON i.id = a.item_id "
			"WHERE a.person_id = ? AND i.state = 'open'",
			id, err);
}

int store_person_reassign(struct db *db, int64_t from, int64_t to, int64_t now, struct error *err)
{
	static const char add[] =
		"INSERT OR IGNORE INTO assignments (item_id, person_id, position) "
		"SELECT a.item_id, ?2, a.position FROM assignments a JOIN items i ON i.id = a.item_id "
		"WHERE a.person_id = ?1 AND i.state = 'open'";
	static const char bump[] =
		"UPDATE items SET seq = seq + 1, updated = ?2 WHERE state = 'open' AND id IN "
		"(SELECT item_id FROM assignments WHERE person_id = ?1)";
	sqlite3_stmt *st = db_stmt(db, add);

	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	st = db_stmt(db, bump);
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, now);
	return db_exec_stmt(db, st, err);
}

int store_person_delete(struct db *db, int64_t id, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM people WHERE id = ?");

	sqlite3_bind_int64(st, 1, id);
	return db_exec_stmt(db, st, err);
}

int64_t store_item_children(struct db *db, int64_t id, struct error *err)
{
	return count_of(db, "SELECT count(*) FROM items WHERE parent_id = ?", id, err);
}

int store_item_delete(struct db *db, int64_t id, int with_children, struct error *err)
{
	static const char tree[] =
		"WITH RECURSIVE t(id) AS (SELECT ?1 UNION SELECT i.id FROM items i JOIN t "
		"ON i.parent_id = t.id) DELETE FROM items WHERE id IN (SELECT id FROM t)";
	sqlite3_stmt *st = db_stmt(db, with_children ? tree : "DELETE FROM items WHERE id = ?1");

	sqlite3_bind_int64(st, 1, id);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	return sqlite3_changes(db_handle(db));
}
