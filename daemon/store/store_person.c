/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "utf8.h"

/* People and groups of a plan: names are unique within the plan, case-insensitively. */

int store_person_insert(struct db *db, int64_t plan_id, const char *name, const char *kind,
			const char *role, const char *email, int64_t now, int64_t *id,
			struct error *err)
{
	static const char sql[] = "INSERT INTO people (plan_id, name, name_key, kind, role, "
				  "email, created) VALUES (?, ?, ?, ?, ?, ?, ?)";
	int64_t existing;
	int is_group = 0, found;
	sqlite3_stmt *st;
	char *key;

	found = store_person_lookup(db, plan_id, name, &existing, &is_group, err);
	if (found == -1)
		return -1;
	if (found)
		return error_set(err, ERR_CONFLICT, "there is already a %s named «%s» in this plan",
				 is_group ? "group" : "person", name);
	if ((key = utf8_fold_str(name)) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	st = db_stmt(db, sql);
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, key, -1, free);
	sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, role != NULL ? role : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, email != NULL ? email : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, now);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	*id = db_last_id(db);
	return 0;
}

int store_person_lookup(struct db *db, int64_t plan_id, const char *name, int64_t *id,
			int *is_group, struct error *err)
{
	static const char sql[] = "SELECT id, kind FROM people WHERE plan_id = ? AND name_key = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	char *key = utf8_fold_str(name);
	int rc;

	if (key == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_text(st, 2, key, -1, free);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, err);
	*id = sqlite3_column_int64(st, 0);
	if (is_group != NULL)
		*is_group = strcmp(db_text(st, 1), "group") == 0;
	return 1;
}

/* Suggests names within a third of NAME's length in edits, or containing it, nearest first. */
void store_person_suggest(struct db *db, int64_t plan_id, const char *name, struct error *err)
{
	static const char sql[] = "SELECT name FROM people WHERE plan_id = ? ORDER BY name";
	sqlite3_stmt *st = db_stmt(db, sql);
	int limit = (int)utf8_length(name) / 3 + 1;
	char *key = utf8_fold_str(name);

	sqlite3_bind_int64(st, 1, plan_id);
	for (int best = 0; best <= limit; best++) {
		sqlite3_reset(st);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *candidate = db_text(st, 0);
			char *ckey = utf8_fold_str(candidate);
			int d = utf8_distance(name, candidate);
			int contains = key && ckey && *key && strstr(ckey, key) != NULL;
			/* Each name once: one that contains what was typed at the first pass. */
			if (best == 0 ? d == 0 || contains : d == best && !contains)
				error_candidate(err, "%s", candidate);
			free(ckey);
		}
	}
	free(key);
}

int store_member_add(struct db *db, int64_t group_id, int64_t person_id, struct error *err)
{
	static const char sql[] = "INSERT OR IGNORE INTO members (group_id, person_id) "
				  "VALUES (?, ?)";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, group_id);
	sqlite3_bind_int64(st, 2, person_id);
	return db_exec_stmt(db, st, err);
}

int store_person_each(struct db *db, int64_t plan_id, int64_t only_id,
		      int (*fn)(const struct person *, void *), void *ctx, struct error *err)
{
	static const char sql[] = "SELECT p.id, p.name, p.kind, p.role, p.email, "
				  "(SELECT group_concat(g.name, char(31)) FROM members m "
				  " JOIN people g ON g.id = m.group_id WHERE m.person_id = p.id), "
				  "(SELECT group_concat(x.name, char(31)) FROM members m "
				  " JOIN people x ON x.id = m.person_id WHERE m.group_id = p.id) "
				  "FROM people p WHERE p.plan_id = ?1 AND (?2 = 0 OR p.id = ?2) "
				  "ORDER BY p.kind DESC, p.name_key";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct person p;
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, only_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p.id = sqlite3_column_int64(st, 0);
		p.name = db_text(st, 1);
		p.kind = db_text(st, 2);
		p.role = db_text(st, 3);
		p.email = db_text(st, 4);
		p.groups = db_text(st, 5);
		p.members = db_text(st, 6);
		if (fn(&p, ctx) == -1)
			return -1;
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}
