/* SPDX-License-Identifier: MIT */
/* The reminders' tables (schema/003_reminders.sql), and what they read of plans and people. */
#ifndef QWEEK_REMIND_STORE_H
#define QWEEK_REMIND_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "core/remind_rule.h"
#include "store/store.h"

/* ---- rules ----------------------------------------------------------------------------------- */

/* The plan's rules (the defaults where it has none of its own); 0 or -1 with ERR. */
int remind_store_plan_rules(struct db *db, int64_t plan_id, struct remind_rules *out,
			    struct error *err);

/* Sets one section of the plan's rules to TEXT (canonical), or back to the default (NULL). */
int remind_store_set_plan_rules(struct db *db, int64_t plan_id, enum remind_section sec,
				const char *text, struct error *err);

/* The item's own rules: 1 (sets *OUT; an empty list is "none"), 0 it has none, -1 with ERR. */
int remind_store_item_rules(struct db *db, int64_t item_id, struct remind_list *out,
			    struct error *err);

/* Sets the item's own rules to TEXT (canonical; "" for none), or removes them (NULL). */
int remind_store_set_item_rules(struct db *db, int64_t item_id, const char *text,
				struct error *err);

/* Calls FN with every item of the plan that has its own rules (as remind_store_item_rules gives
 * them), in item id order; FN returns 0, or -1 to stop (out of memory). 0 or -1 with ERR. */
typedef int (*remind_item_rules_fn)(int64_t item_id, const struct remind_list *l, void *ctx);
int remind_store_plan_item_rules(struct db *db, int64_t plan_id, remind_item_rules_fn fn, void *ctx,
				 struct error *err);

/* ---- the schedule ---------------------------------------------------------------------------- */

/*
 * The schedule (remind_next) is derived data: lost, it is worked out again from the items at
 * the next start (their seq tells). So its own updates need not wait for the disk: LAZY = 1
 * makes the commits that follow skip the fsync (PRAGMA synchronous = NORMAL; in WAL mode the
 * next full commit makes them durable), LAZY = 0 puts FULL back. Outside transactions only.
 */
void remind_store_lazy(struct db *db, int lazy);

struct remind_due {
	int64_t item_id, plan_id, next_at;
};

/* Up to MAX items whose next reminder is due at NOW or before, earliest first; count or -1. */
int remind_store_due(struct db *db, int64_t now, struct remind_due *out, int max,
		     struct error *err);

/* Records the item's next reminder (NEXT_AT 0: none) as computed from the item at SEQ. */
int remind_store_set_next(struct db *db, int64_t item_id, int64_t plan_id, int64_t seq,
			  int64_t next_at, struct error *err);

/* Forgets the schedule of item ITEM_ID (it is gone). */
int remind_store_drop_next(struct db *db, int64_t item_id, struct error *err);

/* The item's scheduled next reminder: 1 (sets *NEXT_AT, 0 for none), 0 not scheduled, -1. */
int remind_store_get_next(struct db *db, int64_t item_id, int64_t *next_at, struct error *err);

/* The plan's scheduled items, earliest next reminder first: *IDS and *NEXTS (malloc'd, the
 * caller frees both), *N of them. 0 or -1 with ERR. */
int remind_store_scheduled(struct db *db, int64_t plan_id, int64_t **ids, int64_t **nexts,
			   size_t *n, struct error *err);

/* The earliest next reminder of all: 1 (sets *OUT), 0 none. */
int remind_store_next_min(struct db *db, int64_t *out);

/*
 * The ids of the plan's items whose schedule is out of date (changed since it was computed, or
 * never computed), looking only at items updated at or after SINCE; with ALL, every item of
 * the plan. Sets *IDS (malloc'd, the caller frees) and *N, and *MAX_UPDATED to the latest
 * `updated` among those looked at (SINCE if none). 0 or -1 with ERR.
 */
int remind_store_changed(struct db *db, int64_t plan_id, int64_t since, int all, int64_t **ids,
			 size_t *n, int64_t *max_updated, struct error *err);

/* ---- the log ---------------------------------------------------------------------------------- */

struct remind_row {
	int64_t id, plan_id, item_id, person_id, occurrence, next_try, created, sent_at;
	char rule[REMIND_NAME_LEN];
	char channel[16]; /* "email", "hook", "none" (listings: "email+hook") */
	char state[16];
	int copy, attempts;
	char reason[256];
};

/* Inserts ROW unless its key is there already: 1 inserted (sets ROW->id), 0 there, -1. */
int remind_log_insert(struct db *db, struct remind_row *row, struct error *err);

/*
 * Marks the queued or failed reminders of ITEM_ID to PERSON_ID on CHANNEL that are older than
 * OCCURRENCE as skipped: a newer reminder of the same item supersedes them.
 */
int remind_log_supersede(struct db *db, int64_t item_id, int64_t person_id, const char *channel,
			 int64_t occurrence, struct error *err);

/* Up to MAX reminders to send at NOW (queued, or failed and due for a retry), oldest first. */
int remind_log_todo(struct db *db, int64_t now, struct remind_row *out, int max, struct error *err);

/* The queued or failed reminders of ITEM_ID (up to MAX); count or -1. */
int remind_log_open_of_item(struct db *db, int64_t item_id, struct remind_row *out, int max,
			    struct error *err);

/* Row ID's outcome: STATE, REASON, ATTEMPTS, NEXT_TRY (0: none) and SENT_AT (0: none). */
int remind_log_finish(struct db *db, int64_t id, const char *state, const char *reason,
		      int attempts, int64_t next_try, int64_t sent_at, struct error *err);

/* How many reminders are queued, failed (to be retried), and expired; 0 or -1. */
int remind_log_counts(struct db *db, int64_t *queued, int64_t *failed, int64_t *expired);

/* Row ID: 1 (ROW filled), 0 unknown, -1. */
int remind_log_get(struct db *db, int64_t id, struct remind_row *row, struct error *err);

/* A listing: the plan's rows in STATES (NULL-ended), of PERSON_ID (0: anyone; a group: its
 * members), or row ID alone (0: any), latest first. */
struct remind_log_query {
	int64_t plan_id, person_id;
	const char *const *states;
	int limit;
	int64_t id;
};

/* Calls FN with each row and the item's label and title, the person's name ("" when none). */
typedef int (*remind_log_fn)(const struct remind_row *row, const char *label, const char *title,
			     const char *person, void *ctx);
int remind_log_each(struct db *db, const struct remind_log_query *q, remind_log_fn fn, void *ctx,
		    struct error *err);

/* ---- people and plans ------------------------------------------------------------------------ */

/* A person who can receive reminders; strings owned by the list. */
struct remind_person {
	int64_t id;
	char *name, *email, *role;
	int copy; /* as the director's copy */
};

struct remind_people {
	size_t n, cap;
	struct remind_person *v;
};

void remind_people_free(struct remind_people *p);

/* Adds a person unless already there (by id); 0 or -1 (out of memory). */
int remind_people_add(struct remind_people *p, int64_t id, const char *name, const char *email,
		      const char *role, int copy);

/* The people an item reaches: its people, and the members of its groups. Appended to OUT. */
int remind_store_recipients(struct db *db, int64_t item_id, struct remind_people *out,
			    struct error *err);

/*
 * The plan's director (plan edit --director), else those whose role or name says director
 * (remind_is_director), appended to OUT with copy = 1 unless there.
 */
int remind_store_directors(struct db *db, int64_t plan_id, struct remind_people *out,
			   struct error *err);

/* The members of group GROUP_ID, appended to OUT. */
int remind_store_members(struct db *db, int64_t group_id, struct remind_people *out,
			 struct error *err);

/* Person ID of the plan, appended to OUT: 1, 0 unknown, -1. */
int remind_store_person(struct db *db, int64_t plan_id, int64_t id, struct remind_people *out,
			struct error *err);

/* Calls FN for each person and group of the plan with its open items (direct or by group) and,
 * for a group, its members; for `remind list --undeliverable`. */
typedef int (*remind_reach_fn)(int64_t id, const char *name, const char *kind, const char *email,
			       int open_items, int members, void *ctx);
int remind_store_reach(struct db *db, int64_t plan_id, remind_reach_fn fn, void *ctx,
		       struct error *err);

/* Plan ID (caller frees with plan_free); NULL with ERR. */
struct plan *remind_store_plan(struct db *db, int64_t id, struct error *err);

/* How many plans there are. */
int remind_store_plan_count(struct db *db);

/* ---- remind_digest_store.c: digests ----------------------------------------------------------- */

/*
 * Person PERSON_ID of plan PLAN_ID wants a digest at AT_LOCAL (seconds after local midnight),
 * the next at NEXT_AT; AT_LOCAL < 0: no digest any more. 0 or -1 with ERR.
 */
int remind_digest_store_put(struct db *db, int64_t person_id, int64_t plan_id, int at_local,
			    int64_t next_at, struct error *err);

/* Calls FN for each digest of the plan: the person, its time, the next one. */
typedef int (*remind_digest_fn)(int64_t person_id, const char *name, int at_local, int64_t next_at,
				void *ctx);
int remind_digest_store_each(struct db *db, int64_t plan_id, remind_digest_fn fn, void *ctx,
			     struct error *err);

/* The earliest next digest of all: 1 (sets *OUT), 0 none. */
int remind_digest_store_next_min(struct db *db, int64_t *out);

/* A digest due. */
struct remind_digest_due {
	int64_t person_id, plan_id, next_at;
	int at_local;
};

/* The digests due by NOW, earliest first, at most MAX into OUT: how many, or -1 with ERR. */
int remind_digest_store_due(struct db *db, int64_t now, struct remind_digest_due *out, int max,
			    struct error *err);

/* Person PERSON_ID's next digest is at NEXT_AT. 0 or -1 with ERR. */
int remind_digest_store_set_next(struct db *db, int64_t person_id, int64_t next_at,
				 struct error *err);

/* The day (occurrence) of the last digest sent to PERSON_ID before BEFORE, or 0 if none. */
int64_t remind_digest_store_last_sent(struct db *db, int64_t person_id, int64_t before);

#endif
