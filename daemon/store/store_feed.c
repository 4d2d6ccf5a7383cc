/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/feed_store.h"
#include "store/store_who.h"

/* The feeds table: one row per live feed URL, known by the hash of its secret. */

static void row_from(sqlite3_stmt *st, struct feed_row *row)
{
	const void *hash = sqlite3_column_blob(st, 3);

	row->id = sqlite3_column_int64(st, 0);
	row->plan_id = sqlite3_column_int64(st, 1);
	row->person_id = sqlite3_column_int64(st, 2);
	memset(row->hash, 0, sizeof row->hash);
	if (hash != NULL && sqlite3_column_bytes(st, 3) == FEED_HASH_LEN)
		memcpy(row->hash, hash, FEED_HASH_LEN);
	row->created = sqlite3_column_int64(st, 4);
	row->gen = sqlite3_column_int64(st, 5);
}

int store_feed_each(struct db *db, int (*fn)(const struct feed_row *, void *), void *ctx,
		    struct error *err)
{
	static const char sql[] = "SELECT id, plan_id, coalesce(person_id, 0), secret_hash, "
				  "created, coalesce(gen, 0) FROM feeds ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct feed_row row;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_from(st, &row);
		if (fn(&row, ctx) == -1) {
			sqlite3_reset(st);
			return error_set(err, ERR_INTERNAL, "out of memory");
		}
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_feed_find(struct db *db, int64_t plan_id, int64_t person_id, struct feed_row *row,
		    struct error *err)
{
	static const char sql[] = "SELECT id, plan_id, coalesce(person_id, 0), secret_hash, "
				  "created, coalesce(gen, 0) FROM feeds WHERE "
				  "plan_id = ? AND "
				  "coalesce(person_id, 0) = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, person_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_from(st, row);
		sqlite3_reset(st);
		return 1;
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_feed_insert(struct db *db, struct feed_row *row, struct error *err)
{
	static const char sql[] = "INSERT INTO feeds (plan_id, person_id, secret_hash, created, "
				  "gen) VALUES (?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, row->plan_id);
	if (row->person_id != 0)
		sqlite3_bind_int64(st, 2, row->person_id);
	sqlite3_bind_blob(st, 3, row->hash, FEED_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, row->created);
	if (row->gen != 0)
		sqlite3_bind_int64(st, 5, row->gen);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	row->id = db_last_id(db);
	return 0;
}

int store_feed_rehash(struct db *db, const struct feed_row *row, struct error *err)
{
	static const char sql[] = "UPDATE feeds SET secret_hash = ?, created = ?, gen = ? "
				  "WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_blob(st, 1, row->hash, FEED_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, row->created);
	if (row->gen != 0)
		sqlite3_bind_int64(st, 3, row->gen);
	sqlite3_bind_int64(st, 4, row->id);
	return db_exec_stmt(db, st, err);
}

int store_feed_delete(struct db *db, int64_t id, struct error *err)
{
	static const char sql[] = "DELETE FROM feeds WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, id);
	return db_exec_stmt(db, st, err);
}

static char *dup_text(sqlite3_stmt *st, int i)
{
	return strdup(db_text(st, i));
}

struct plan *store_feed_plan(struct db *db, int64_t id, struct error *err)
{
	return store_plan_get(db, id, err);
}

char *store_feed_person_name(struct db *db, int64_t plan_id, int64_t id, struct error *err)
{
	static const char sql[] = "SELECT name FROM people WHERE id = ? AND plan_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	char *name = NULL;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, plan_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		name = dup_text(st, 0);
		sqlite3_reset(st);
		if (name == NULL)
			error_set(err, ERR_INTERNAL, "out of memory");
		return name;
	}
	if (rc == SQLITE_DONE)
		error_set(err, ERR_NOT_FOUND, "there is no person %lld", (long long)id);
	else
		db_fail(db, rc, err);
	return NULL;
}

int store_feed_items_span(struct db *db, int64_t plan_id, struct feed_span *out, struct error *err)
{
	static const char sql[] = "SELECT coalesce(min(at), 0), coalesce(max(max(at, late_after)), "
				  "0), coalesce(max(updated), 0) FROM items WHERE plan_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		return db_fail(db, rc, err);
	out->first = sqlite3_column_int64(st, 0);
	out->last = sqlite3_column_int64(st, 1);
	out->updated = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	return 0;
}

static void feed_item_from_row(sqlite3_stmt *st, struct store_who *w, struct item *it)
{
	store_item_from_row(st, it);
	it->parent_label = "";
	it->who = store_who_get(w, it->id);
}

int store_feed_items(struct db *db, int64_t plan_id, int64_t person_id, item_fn fn, void *ctx,
		     struct error *err)
{
	static const char sql[] =
		"SELECT id, plan_id, coalesce(parent_id, 0), label, title, description, place, "
		"kind, when_text, coalesce(start_at, ''), coalesce(end_at, ''), "
		"coalesce(due_at, ''), at, late_after, state, coalesce(done_at, 0), "
		"coalesce(cancelled_at, 0), coalesce(done_by, ''), coalesce(note, ''), created, "
		"updated, seq FROM items i WHERE plan_id = ?1 AND (?2 = 0 OR EXISTS (SELECT 1 "
		"FROM assignments a WHERE a.item_id = i.id AND (a.person_id = ?2 OR a.person_id "
		"IN (SELECT group_id FROM members WHERE person_id = ?2)))) ORDER BY sort_key, id";
	struct store_who w = { 0 };
	sqlite3_stmt *st;
	struct item it;
	int rc = -1;

	if (store_who_load(db, plan_id, &w, err) == 0) {
		st = db_stmt(db, sql);
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_int64(st, 2, person_id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			feed_item_from_row(st, &w, &it);
			if (fn(&it, ctx) == -1)
				break;
		}
		if (rc == SQLITE_DONE)
			rc = 0;
		else if (rc == SQLITE_ROW) /* FN said stop: its error */
			rc = -1;
		else
			rc = db_fail(db, rc, err);
		sqlite3_reset(st);
	}
	store_who_free(&w);
	return rc;
}
