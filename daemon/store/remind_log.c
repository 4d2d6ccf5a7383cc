/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/remind_store.h"

/* The reminder log: one row per reminder that came due, per person and channel. */

#define LOG_COLUMNS                                                                       \
	"l.id, l.plan_id, coalesce(l.item_id, 0), l.person_id, l.occurrence, "            \
	"coalesce(l.next_try, 0), l.created, coalesce(l.sent_at, 0), l.rule, l.channel, " \
	"l.state, l.copy, l.attempts, l.reason "

/* Bits for states in listings. */
static const char *const log_states[] = { "queued",  "sent",	  "failed",	   "expired",
					  "skipped", "cancelled", "undeliverable", NULL };

#define STATE_BITS                                                                   \
	"CASE l.state WHEN 'queued' THEN 1 WHEN 'sent' THEN 2 WHEN 'failed' THEN 4 " \
	"WHEN 'expired' THEN 8 WHEN 'skipped' THEN 16 WHEN 'cancelled' THEN 32 "     \
	"WHEN 'undeliverable' THEN 64 ELSE 0 END"

static void row_from(sqlite3_stmt *st, struct remind_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->plan_id = sqlite3_column_int64(st, 1);
	r->item_id = sqlite3_column_int64(st, 2);
	r->person_id = sqlite3_column_int64(st, 3);
	r->occurrence = sqlite3_column_int64(st, 4);
	r->next_try = sqlite3_column_int64(st, 5);
	r->created = sqlite3_column_int64(st, 6);
	r->sent_at = sqlite3_column_int64(st, 7);
	snprintf(r->rule, sizeof r->rule, "%s", db_text(st, 8));
	snprintf(r->channel, sizeof r->channel, "%s", db_text(st, 9));
	snprintf(r->state, sizeof r->state, "%s", db_text(st, 10));
	r->copy = sqlite3_column_int(st, 11);
	r->attempts = sqlite3_column_int(st, 12);
	snprintf(r->reason, sizeof r->reason, "%s", db_text(st, 13));
}

static void bind_opt_int(sqlite3_stmt *st, int i, int64_t v)
{
	if (v != 0)
		sqlite3_bind_int64(st, i, v);
}

int remind_log_insert(struct db *db, struct remind_row *row, struct error *err)
{
	static const char sql[] =
		"INSERT INTO remind_log (plan_id, item_id, person_id, rule, occurrence, channel, "
		"copy, state, reason, attempts, next_try, created, sent_at) VALUES (?1, ?2, ?3, "
		"?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT DO NOTHING";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, row->plan_id);
	bind_opt_int(st, 2, row->item_id);
	sqlite3_bind_int64(st, 3, row->person_id);
	sqlite3_bind_text(st, 4, row->rule, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, row->occurrence);
	sqlite3_bind_text(st, 6, row->channel, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, row->copy);
	sqlite3_bind_text(st, 8, row->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, row->reason, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, row->attempts);
	bind_opt_int(st, 11, row->next_try);
	sqlite3_bind_int64(st, 12, row->created);
	bind_opt_int(st, 13, row->sent_at);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	if (sqlite3_changes(db_handle(db)) == 0)
		return 0;
	row->id = db_last_id(db);
	return 1;
}

int remind_log_supersede(struct db *db, int64_t item_id, int64_t person_id, const char *channel,
			 int64_t occurrence, struct error *err)
{
	static const char sql[] =
		"UPDATE remind_log SET state = 'skipped', next_try = NULL, reason = "
		"'superseded by a newer reminder of the same item' WHERE item_id = ?1 AND "
		"person_id = ?2 AND channel = ?3 AND state IN ('queued', 'failed') AND "
		"occurrence < ?4";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, person_id);
	sqlite3_bind_text(st, 3, channel, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, occurrence);
	return db_exec_stmt(db, st, err);
}

static int rows_of(struct db *db, sqlite3_stmt *st, struct remind_row *out, int max,
		   struct error *err)
{
	int n = 0, rc = SQLITE_DONE;

	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		row_from(st, &out[n++]);
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : db_fail(db, rc, err);
}

int remind_log_todo(struct db *db, int64_t now, struct remind_row *out, int max, struct error *err)
{
	static const char sql[] = "SELECT " LOG_COLUMNS "FROM remind_log l WHERE l.state IN "
				  "('queued', 'failed') AND l.next_try <= ? ORDER BY l.next_try, "
				  "l.id LIMIT ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, max);
	return rows_of(db, st, out, max, err);
}

int remind_log_open_of_item(struct db *db, int64_t item_id, struct remind_row *out, int max,
			    struct error *err)
{
	static const char sql[] = "SELECT " LOG_COLUMNS "FROM remind_log l WHERE l.item_id = ? "
				  "AND l.state IN ('queued', 'failed') ORDER BY l.id LIMIT ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int(st, 2, max);
	return rows_of(db, st, out, max, err);
}

int remind_log_get(struct db *db, int64_t id, struct remind_row *row, struct error *err)
{
	static const char sql[] = "SELECT " LOG_COLUMNS "FROM remind_log l WHERE l.id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int n;

	sqlite3_bind_int64(st, 1, id);
	n = rows_of(db, st, row, 1, err);
	return n;
}

int remind_log_finish(struct db *db, int64_t id, const char *state, const char *reason,
		      int attempts, int64_t next_try, int64_t sent_at, struct error *err)
{
	static const char sql[] = "UPDATE remind_log SET state = ?2, reason = ?3, attempts = ?4, "
				  "next_try = ?5, sent_at = ?6 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason != NULL ? reason : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, attempts);
	bind_opt_int(st, 5, next_try);
	bind_opt_int(st, 6, sent_at);
	return db_exec_stmt(db, st, err);
}

int remind_log_counts(struct db *db, int64_t *queued, int64_t *failed, int64_t *expired)
{
	static const char sql[] = "SELECT state, count(*) FROM remind_log WHERE state IN "
				  "('queued', 'failed', 'expired') GROUP BY state";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	*queued = *failed = *expired = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = db_text(st, 0);
		int64_t n = sqlite3_column_int64(st, 1);

		if (strcmp(s, "queued") == 0)
			*queued = n;
		else if (strcmp(s, "failed") == 0)
			*failed = n;
		else
			*expired = n;
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

static int state_mask(const char *const *states)
{
	int mask = 0;

	for (; states != NULL && *states != NULL; states++)
		for (int i = 0; log_states[i] != NULL; i++)
			if (strcmp(*states, log_states[i]) == 0)
				mask |= 1 << i;
	return mask;
}

int remind_log_each(struct db *db, const struct remind_log_query *q, remind_log_fn fn, void *ctx,
		    struct error *err)
{
	static const char sql[] =
		"SELECT " LOG_COLUMNS ", coalesce(i.label, ''), coalesce(i.title, ''), "
		"coalesce(p.name, '') FROM remind_log l LEFT JOIN items i ON i.id = l.item_id "
		"LEFT JOIN people p ON p.id = l.person_id WHERE l.plan_id = ?1 AND (?2 = 0 OR "
		"l.person_id = ?2 OR l.person_id IN (SELECT person_id FROM members WHERE "
		"group_id = ?2)) AND (?3 & " STATE_BITS ") != 0 AND (?5 = 0 OR l.id = ?5) "
		"ORDER BY l.occurrence DESC, l.id DESC LIMIT ?4";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct remind_row row;
	int rc;

	sqlite3_bind_int64(st, 1, q->plan_id);
	sqlite3_bind_int64(st, 2, q->person_id);
	sqlite3_bind_int(st, 3, state_mask(q->states));
	sqlite3_bind_int(st, 4, q->limit > 0 ? q->limit : -1);
	sqlite3_bind_int64(st, 5, q->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_from(st, &row);
		if (fn(&row, db_text(st, 14), db_text(st, 15), db_text(st, 16), ctx) == -1) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}
