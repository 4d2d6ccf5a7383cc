/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "remind/remind_digest.h"
#include "remind/remind_int.h"
#include "store/plan_write.h"
#include "time/tz.h"

/*
 * Digests: who wants one and when (remind_digest), and the scheduler's share: when a person's
 * digest comes due, the latest one due is queued in the log like a reminder (its key is the
 * person, the rule "digest", the instant and the channel), unless its day is over or there is
 * nothing to say.
 */

#define DIGEST_BATCH 64

struct digest_due {
	int64_t person_id, plan_id, next_at;
	int at_local;
};

/* The first working day's AT_LOCAL at or after FROM in TZ. */
static int64_t next_digest(int at_local, int64_t from, const char *tz)
{
	int64_t t = 0;

	return remind_overdue_next(at_local, from - 1, from, tz, &t) == 1 ? t : 0;
}

int remind_digest_set(struct db *db, const struct plan *p, int64_t person_id, int at_local,
		      int64_t now, struct error *err)
{
	static const char del[] = "DELETE FROM remind_digest WHERE person_id = ?";
	static const char put[] =
		"INSERT INTO remind_digest (person_id, plan_id, at_local, next_at) VALUES (?1, ?2, "
		"?3, ?4) ON CONFLICT (person_id) DO UPDATE SET at_local = ?3, next_at = ?4";
	sqlite3_stmt *st = db_stmt(db, at_local < 0 ? del : put);
	int64_t next = at_local < 0 ? 0 : next_digest(at_local, now, p->tz);

	if (at_local >= 0 && next == 0)
		return error_set(err, ERR_INVALID, "the plan's zone %s is unknown", p->tz);
	sqlite3_bind_int64(st, 1, person_id);
	if (at_local >= 0) {
		sqlite3_bind_int64(st, 2, p->id);
		sqlite3_bind_int(st, 3, at_local);
		sqlite3_bind_int64(st, 4, next);
	}
	return db_exec_stmt(db, st, err);
}

int remind_digest_each(struct db *db, int64_t plan_id, remind_digest_fn fn, void *ctx,
		       struct error *err)
{
	static const char sql[] = "SELECT d.person_id, p.name, d.at_local, d.next_at FROM "
				  "remind_digest d JOIN people p ON p.id = d.person_id WHERE "
				  "d.plan_id = ? ORDER BY p.name_key";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(sqlite3_column_int64(st, 0), db_text(st, 1), sqlite3_column_int(st, 2),
		       sqlite3_column_int64(st, 3), ctx) == -1) {
			sqlite3_reset(st);
			return -1;
		}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int remind_digest_next_min(struct db *db, int64_t *out)
{
	static const char sql[] = "SELECT min(next_at) FROM remind_digest";
	sqlite3_stmt *st = db_stmt(db, sql);
	int found = 0;

	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*out = sqlite3_column_int64(st, 0);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

int remind_digest_useful(const char *tz, int64_t at, int64_t now)
{
	struct tz_local a, b;

	return tz_from_utc(tz, at, &a) == 0 && tz_from_utc(tz, now, &b) == 0 && a.year == b.year &&
	       a.month == b.month && a.day == b.day && now >= at;
}

static int due_digests(struct db *db, int64_t now, struct digest_due *out, struct error *err)
{
	static const char sql[] = "SELECT person_id, plan_id, next_at, at_local FROM remind_digest "
				  "WHERE next_at <= ? ORDER BY next_at LIMIT ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int n = 0, rc;

	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, DIGEST_BATCH);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < DIGEST_BATCH) {
		out[n].person_id = sqlite3_column_int64(st, 0);
		out[n].plan_id = sqlite3_column_int64(st, 1);
		out[n].next_at = sqlite3_column_int64(st, 2);
		out[n].at_local = sqlite3_column_int(st, 3);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : db_fail(db, rc, err);
}

static int set_next(struct db *db, int64_t person_id, int64_t next, struct error *err)
{
	static const char sql[] = "UPDATE remind_digest SET next_at = ? WHERE person_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, next);
	sqlite3_bind_int64(st, 2, person_id);
	return db_exec_stmt(db, st, err);
}

/* Records the digest of AT for P: queued on each channel, or skipped (WHY). */
static int record(struct db *db, const struct config *c, const struct digest_due *d,
		  const struct remind_person *p, int64_t at, const char *why, int64_t now,
		  struct error *err)
{
	const char *channels[2];
	struct remind_row row = { 0 };
	int n = 0;

	if (remind_has_email(c, p->email))
		channels[n++] = "email";
	if (remind_has_hook(c))
		channels[n++] = "hook";
	if (n == 0) {
		channels[n++] = "none";
		if (why == NULL)
			why = "no email address and no notify hook: nothing can reach this person";
	}
	row.plan_id = d->plan_id;
	row.person_id = p->id;
	row.occurrence = at;
	row.created = now;
	snprintf(row.rule, sizeof row.rule, "%s", REMIND_DIGEST_RULE);
	for (int i = 0; i < n; i++) {
		snprintf(row.channel, sizeof row.channel, "%s", channels[i]);
		snprintf(row.state, sizeof row.state, "%s",
			 why == NULL			  ? "queued" :
			 strcmp(channels[i], "none") == 0 ? "undeliverable" :
							    "skipped");
		snprintf(row.reason, sizeof row.reason, "%s", why != NULL ? why : "");
		row.next_try = why == NULL ? now : 0;
		if (remind_log_insert(db, &row, err) == -1)
			return -1;
	}
	return 0;
}

/* Person D's digest: the latest due by NOW, if its day is today and it has something to say. */
static int handle(struct db *db, const struct config *c, const struct digest_due *d, int64_t now,
		  struct error *err)
{
	struct remind_people people = { 0 };
	struct remind_msg msg = { 0 };
	struct plan *plan = remind_store_plan(db, d->plan_id, err);
	int64_t at = d->next_at, t;
	int empty = 1, rc = -1, found;

	if (plan == NULL)
		return -1;
	while ((t = next_digest(d->at_local, at + 1, plan->tz)) != 0 && t <= now)
		at = t; /* days missed: only the latest counts */
	if ((found = remind_store_person(db, d->plan_id, d->person_id, &people, err)) != 1) {
		rc = found; /* 0: not a person (any more): just move on */
		goto out;
	}
	if (!remind_digest_useful(plan->tz, at, now))
		rc = record(db, c, d, &people.v[0], at,
			    "came due while reminders could not run; "
			    "by then its day was over",
			    now, err);
	else if (remind_digest_text(db, plan, &people.v[0], at, "qweek done", &msg, &empty, err) ==
		 0)
		rc = record(db, c, d, &people.v[0], at, empty ? "nothing to say that day" : NULL,
			    now, err);
out:
	if (rc == 0 && (t = next_digest(d->at_local, now + 1, plan->tz)) == 0)
		t = now + 86400; /* an unknown zone: look again tomorrow */
	if (rc == 0)
		rc = set_next(db, d->person_id, t, err);
	remind_msg_free(&msg);
	remind_people_free(&people);
	plan_free(plan);
	return rc;
}

int remind_digest_due(struct db *db, const struct config *c, int64_t now, struct error *err)
{
	struct digest_due due[DIGEST_BATCH];
	struct plan_write w;
	int n = due_digests(db, now, due, err), rc = 0;

	if (n <= 0)
		return n;
	if (plan_write_begin_quiet(&w, db, err) == -1)
		return -1;
	for (int i = 0; i < n && rc == 0; i++)
		rc = handle(db, c, &due[i], now, err);
	if (rc == -1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	return 0;
}
