/* SPDX-License-Identifier: MIT */
#include "store/changes.h"
#include "store/plan_write.h"

/*
 * Begin, commit, announce. The announcement comes after the commit, never before: who hears of
 * a change (a feed re-rendering, the reminders rescheduling) reads what is durable. The history
 * of changes will be kept from here too, so that no write path can miss it.
 */

int plan_write_begin(struct plan_write *w, struct db *db, int64_t plan_id, struct error *err)
{
	*w = (struct plan_write){ .db = db, .plan_id = plan_id };
	return db_begin(db, err);
}

int plan_write_begin_quiet(struct plan_write *w, struct db *db, struct error *err)
{
	*w = (struct plan_write){ .db = db, .quiet = 1 };
	return db_begin(db, err);
}

int plan_write_commit(struct plan_write *w, struct error *err)
{
	if (db_commit(w->db, err) == -1)
		return -1; /* db_commit rolled back */
	if (!w->quiet)
		changes_notify(w->plan_id);
	return 0;
}

void plan_write_rollback(struct plan_write *w)
{
	db_rollback(w->db);
}
