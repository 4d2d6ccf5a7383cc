/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "store/link_store.h"

/* The link_seed, person_pages and status_pages tables (schema/006_links.sql). */

int store_link_salt(struct db *db, unsigned char salt[LINK_SALT_LEN], struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT salt FROM link_seed WHERE id = 1");
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == LINK_SALT_LEN) {
		memcpy(salt, sqlite3_column_blob(st, 0), LINK_SALT_LEN);
		sqlite3_reset(st);
		return 0;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return error_set(err, ERR_INTERNAL, "the database has no salt for links");
	return db_fail(db, rc, err);
}

int store_link_next_gen(struct db *db, int64_t *gen, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE link_seed SET last_gen = last_gen + 1 WHERE id = 1 "
				       "RETURNING last_gen");
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? error_set(err, ERR_INTERNAL, "no link_seed row") :
					   db_fail(db, rc, err);
	}
	*gen = sqlite3_column_int64(st, 0);
	/* Stepped to its end, so that the UPDATE is complete before the caller commits. */
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int64_t store_link_count(struct db *db, struct error *err)
{
	sqlite3_stmt *st =
		db_stmt(db, "SELECT (SELECT count(*) FROM feeds WHERE gen IS NOT NULL) "
			    "+ (SELECT count(*) FROM status_pages WHERE gen IS NOT NULL) "
			    "+ (SELECT count(*) FROM person_pages)");
	int rc = sqlite3_step(st);
	int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;

	sqlite3_reset(st);
	return rc == SQLITE_ROW ? n : db_fail(db, rc, err);
}

#define PAGE_COLUMNS "SELECT person_id, plan_id, gen, secret_hash, created FROM person_pages "

static int page_row(struct db *db, sqlite3_stmt *st, struct page_row *row, struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		row->person_id = sqlite3_column_int64(st, 0);
		row->plan_id = sqlite3_column_int64(st, 1);
		row->gen = sqlite3_column_int64(st, 2);
		memset(row->hash, 0, sizeof row->hash);
		if (sqlite3_column_bytes(st, 3) == FEED_HASH_LEN)
			memcpy(row->hash, sqlite3_column_blob(st, 3), FEED_HASH_LEN);
		row->created = sqlite3_column_int64(st, 4);
		sqlite3_reset(st);
		return 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_page_find(struct db *db, int64_t person_id, struct page_row *row, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, PAGE_COLUMNS "WHERE person_id = ?");

	sqlite3_bind_int64(st, 1, person_id);
	return page_row(db, st, row, err);
}

int store_page_by_hash(struct db *db, const unsigned char hash[FEED_HASH_LEN], struct page_row *row,
		       struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, PAGE_COLUMNS "WHERE secret_hash = ?");

	sqlite3_bind_blob(st, 1, hash, FEED_HASH_LEN, SQLITE_STATIC);
	return page_row(db, st, row, err);
}

int store_page_put(struct db *db, const struct page_row *row, struct error *err)
{
	static const char sql[] = "INSERT INTO person_pages (person_id, plan_id, gen, secret_hash, "
				  "created) VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id) DO "
				  "UPDATE SET gen = excluded.gen, secret_hash = "
				  "excluded.secret_hash, created = excluded.created";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, row->person_id);
	sqlite3_bind_int64(st, 2, row->plan_id);
	sqlite3_bind_int64(st, 3, row->gen);
	sqlite3_bind_blob(st, 4, row->hash, FEED_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, row->created);
	return db_exec_stmt(db, st, err);
}

int store_status_link_find(struct db *db, int64_t plan_id, int64_t *gen,
			   unsigned char hash[FEED_HASH_LEN], struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(gen, 0), secret_hash FROM status_pages "
				       "WHERE plan_id = ?");
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*gen = sqlite3_column_int64(st, 0);
		memset(hash, 0, FEED_HASH_LEN);
		if (sqlite3_column_bytes(st, 1) == FEED_HASH_LEN)
			memcpy(hash, sqlite3_column_blob(st, 1), FEED_HASH_LEN);
		sqlite3_reset(st);
		return 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_status_link_put(struct db *db, int64_t plan_id, int64_t gen,
			  const unsigned char hash[FEED_HASH_LEN], int64_t now, struct error *err)
{
	static const char sql[] = "INSERT INTO status_pages (plan_id, gen, secret_hash, created) "
				  "VALUES (?, ?, ?, ?) ON CONFLICT (plan_id) DO UPDATE SET "
				  "gen = excluded.gen, secret_hash = excluded.secret_hash, "
				  "created = excluded.created";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, gen);
	sqlite3_bind_blob(st, 3, hash, FEED_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now);
	return db_exec_stmt(db, st, err);
}
