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

/* The first working day's AT_LOCAL at or after FROM in TZ. */
static int64_t next_digest(int at_local, int64_t from, const char *tz)
{
	int64_t t = 0;

	return remind_overdue_next(at_local, from - 1, from, tz, &t) == 1 ? t : 0;
}

int remind_digest_set(struct db *db, const struct plan *p, int64_t person_id, int at_local,
		      int64_t now, struct error *err)
{
	int64_t next = at_local < 0 ? 0 : next_digest(at_local, now, p->tz);

	if (at_local >= 0 && next == 0)
		return error_set(err, ERR_INVALID, "the plan's zone %s is unknown", p->tz);
	return remind_digest_store_put(db, person_id, p->id, at_local, next, err);
}

int remind_digest_useful(const char *tz, int64_t at, int64_t now)
{
	struct tz_local a, b;

	return tz_from_utc(tz, at, &a) == 0 && tz_from_utc(tz, now, &b) == 0 && a.year == b.year &&
	       a.month == b.month && a.day == b.day && now >= at;
}

/* Records the digest of AT for P: queued on each channel, or skipped (WHY). */
static int record(struct db *db, const struct config *c, const struct remind_digest_due *d,
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
static int handle(struct db *db, const struct config *c, const struct remind_digest_due *d,
		  int64_t now, struct error *err)
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
	else if (remind_digest_text(
			 db,
			 &(struct remind_digest_in){ plan, &people.v[0], at,
						     remind_digest_since(db, d->person_id, at),
						     "qweek done", NULL },
			 &msg, &empty, err) == 0)
		rc = record(db, c, d, &people.v[0], at, empty ? "nothing to say that day" : NULL,
			    now, err);
out:
	if (rc == 0 && (t = next_digest(d->at_local, now + 1, plan->tz)) == 0)
		t = now + 86400; /* an unknown zone: look again tomorrow */
	if (rc == 0)
		rc = remind_digest_store_set_next(db, d->person_id, t, err);
	remind_msg_free(&msg);
	remind_people_free(&people);
	plan_free(plan);
	return rc;
}

int remind_digest_due(struct db *db, const struct config *c, int64_t now, struct error *err)
{
	struct remind_digest_due due[DIGEST_BATCH];
	struct plan_write w;
	int n = remind_digest_store_due(db, now, due, DIGEST_BATCH, err), rc = 0;

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
