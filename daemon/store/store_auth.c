/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "store/auth_store.h"

/* Tokens: one per person, kept as SHA-256; and who is responsible for an item. */

int store_token_set(struct db *db, int64_t plan_id, int64_t person_id, enum auth_role role,
		    const unsigned char hash[AUTH_HASH_LEN], int64_t now, struct error *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO tokens (plan_id, person_id, role, "
				  "token_hash, created) VALUES (?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, person_id);
	sqlite3_bind_text(st, 3, auth_role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 4, hash, AUTH_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, now);
	return db_exec_stmt(db, st, err);
}

int store_token_revoke(struct db *db, int64_t person_id, struct error *err)
{
	static const char sql[] = "DELETE FROM tokens WHERE person_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, person_id);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	return sqlite3_changes(db_handle(db)) > 0;
}

int store_token_find(struct db *db, const unsigned char hash[AUTH_HASH_LEN], struct auth_who *who,
		     struct error *err)
{
	static const char sql[] =
		"SELECT t.token_hash, t.role, t.plan_id, t.person_id, p.name, pl.slug "
		"FROM tokens t JOIN people p ON p.id = t.person_id "
		"JOIN plans pl ON pl.id = t.plan_id WHERE t.token_hash = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	const void *stored;
	int rc;

	sqlite3_bind_blob(st, 1, hash, AUTH_HASH_LEN, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, err);
	/* The index found it; compare the whole hash again in constant time all the same. */
	stored = sqlite3_column_blob(st, 0);
	if (stored == NULL || sqlite3_column_bytes(st, 0) != AUTH_HASH_LEN ||
	    CRYPTO_memcmp(stored, hash, AUTH_HASH_LEN) != 0)
		return 0;
	who->role = auth_role_parse(db_text(st, 1));
	who->plan_id = sqlite3_column_int64(st, 2);
	who->person_id = sqlite3_column_int64(st, 3);
	snprintf(who->person, sizeof who->person, "%s", db_text(st, 4));
	snprintf(who->slug, sizeof who->slug, "%s", db_text(st, 5));
	sqlite3_reset(st);
	return who->role != AUTH_NONE;
}

int store_item_responsible(struct db *db, int64_t item_id, int64_t person_id, struct error *err)
{
	static const char sql[] =
		"SELECT 1 FROM assignments WHERE item_id = ?1 AND (person_id = ?2 OR person_id IN "
		"(SELECT group_id FROM members WHERE person_id = ?2)) LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, person_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return 1;
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}
