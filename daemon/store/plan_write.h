/* SPDX-License-Identifier: MIT */
/* The one write path: a change is begun, committed and announced (changes.h) in one place. */
#ifndef QWEEK_PLAN_WRITE_H
#define QWEEK_PLAN_WRITE_H

#include <stdint.h>

#include "core/error.h"
#include "store/db.h"

/*
 * A write transaction. Every change to the database goes through here, so that none is
 * committed without the feeds, the status pages and the reminders hearing of it:
 * plan_write_commit announces the change itself (changes_notify). The reminders' own
 * bookkeeping (their schedule, what they queued), which no reader of a plan sees, is written
 * the same way but announced to nobody: it is what the reminders do when they hear of a change.
 */
struct plan_write {
	struct db *db;
	int64_t plan_id; /* the plan changed; 0 while a new plan has no id yet (set it then) */
	int quiet;	 /* the reminders' bookkeeping: no announcement */
	/* Who made the change and through which channel, for the history (plan_write_by). */
	const char *by, *via;
	int64_t undoes; /* the change this one reverts (qweek undo), else 0 */
};

/*
 * Begins a change of plan PLAN_ID (BEGIN IMMEDIATE): 0, or -1 with ERR (503 when the database
 * was opened read-only).
 */
int plan_write_begin(struct plan_write *w, struct db *db, int64_t plan_id, struct error *err);

/* Begins a write of the reminders' bookkeeping, committed without an announcement. */
int plan_write_begin_quiet(struct plan_write *w, struct db *db, struct error *err);

/*
 * Commits, then announces the change of W's plan. 0, or -1 with ERR: then nothing was written
 * (rolled back) and nothing is announced.
 */
int plan_write_commit(struct plan_write *w, struct error *err);

/*
 * Records the change W as made by WHO (a person's name as people read it) through VIA ("cli",
 * "page", "caldav", "import", "survey"); both are kept, not copied, until the commit. A change
 * that sets nothing is recorded as plan_write_default says, else as the administrator via cli.
 */
void plan_write_by(struct plan_write *w, const char *who, const char *via);

/*
 * Who the changes of the request being served are made by, unless a write says otherwise
 * (copied; NULL WHO: nobody in particular, the administrator). The API sets it per request.
 */
void plan_write_default(const char *who, const char *via);

/* Undoes the change; nothing when it was committed or undone already. */
void plan_write_rollback(struct plan_write *w);

#endif
