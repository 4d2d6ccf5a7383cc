/* SPDX-License-Identifier: MIT */
/* The plan's data in SQLite: plans, people and groups, items, assignments. */
#ifndef QWEEK_STORE_H
#define QWEEK_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "time/moment.h"

/* A plan; the strings are owned by the struct (plan_free). */
struct plan {
	int64_t id;
	char *slug, *title, *org, *tz, *lang;
	char first_day[11], last_day[11]; /* YYYY-MM-DD */
	int64_t created, updated;
	int nitems, npeople;
	char *director; /* the director's name if the plan names one (plan edit --director), or NULL */
};

void plan_free(struct plan *p);

/* Inserts P (slug made unique from P->slug); sets P->id and P->slug. */
int store_plan_insert(struct db *db, struct plan *p, int64_t now, struct error *err);

/* Marks plan ID changed NOW (what is not in its row changed: its reminder rules). */
int store_plan_touch(struct db *db, int64_t id, int64_t now, struct error *err);

/*
 * Finds the plan named SLUG ("_" = the only plan). Returns a new plan (caller frees), or NULL
 * with ERR: not found, or choose_plan with the slugs as candidates.
 */
struct plan *store_plan_find(struct db *db, const char *slug, struct error *err);

/* The plan with id ID (caller frees), or NULL with ERR. */
struct plan *store_plan_get(struct db *db, int64_t id, struct error *err);

/* Calls FN for every plan in creation order (the plan is valid only during the call). */
int store_plan_each(struct db *db, int (*fn)(const struct plan *, void *), void *ctx,
		    struct error *err);

/* True if SLUG is taken. */
int store_plan_slug_taken(struct db *db, const char *slug);

/* Writes P's slug, title, org, days, zone and language over plan P->id's, as changed NOW. */
int store_plan_update(struct db *db, const struct plan *p, int64_t now, struct error *err);

/* Makes PERSON_ID (0: nobody, the roles decide) the plan's director. */
int store_plan_set_director(struct db *db, int64_t plan_id, int64_t person_id, struct error *err);

/* Removes plan ID with everything in it (people, items, feeds, links, reminders). */
int store_plan_delete(struct db *db, int64_t id, struct error *err);

/*
 * Reads every item's WHEN of plan P again in zone TZ (P's days): each keeps its written local
 * time. Sets *MOVED to how many items' instants changed (those are updated NOW).
 */
int store_plan_retime(struct db *db, const struct plan *p, const char *tz, int64_t now, int *moved,
		      struct error *err);

/* What a copy of a plan did (store_plan_copy). */
struct plan_copy_result {
	int items, people, rewritten; /* rewritten: WHEN texts written in qweek's form instead */
};

/*
 * Makes TO (its title, slug, days, zone and language set; TO->id set here) a copy of plan FROM:
 * its people, groups, reminder rules and items, every date moved by DAYS days and each WHEN text
 * rewritten for it, every item open again without notes. Inside the caller's transaction.
 */
int store_plan_copy(struct db *db, const struct plan *from, struct plan *to, int days, int64_t now,
		    struct plan_copy_result *res, struct error *err);

/* A person or group; strings point into the database row, valid only during a callback. */
struct person {
	int64_t id;
	const char *name, *kind, *role, *email;
	const char *groups;  /* group names joined by '\x1f' ("" when none) */
	const char *members; /* for a group: member names joined by '\x1f' */
};

/* Adds a person or group (KIND "person" or "group"); 409 if the name exists in the plan. */
int store_person_insert(struct db *db, int64_t plan_id, const char *name, const char *kind,
			const char *role, const char *email, int64_t now, int64_t *id,
			struct error *err);

/*
 * Finds NAME (case-insensitively) in the plan. Returns 1 found (sets *ID, and *IS_GROUP if
 * given), 0 not found, -1 on a database error.
 */
int store_person_lookup(struct db *db, int64_t plan_id, const char *name, int64_t *id,
			int *is_group, struct error *err);

/* Adds ERR candidates: the plan's names nearest to NAME. */
void store_person_suggest(struct db *db, int64_t plan_id, const char *name, struct error *err);

/* Makes PERSON_ID a member of GROUP_ID (no error if already). */
int store_member_add(struct db *db, int64_t group_id, int64_t person_id, struct error *err);

/* store_remove.c: changing and removing people, groups, items (NULL: a field kept). */
int store_person_update(struct db *db, int64_t id, const char *name, const char *role,
			const char *email, struct error *err);
/* Takes PERSON_ID out of GROUP_ID: 1 done, 0 they were not in it, -1 with ERR. */
int store_member_remove(struct db *db, int64_t group_id, int64_t person_id, struct error *err);
/* How many open items ID is responsible for directly, or -1 with ERR. */
int64_t store_person_open_items(struct db *db, int64_t id, struct error *err);
/* Gives the open items of FROM to TO as well (FROM's own assignments go with FROM). */
int store_person_reassign(struct db *db, int64_t from, int64_t to, int64_t now, struct error *err);
int store_person_delete(struct db *db, int64_t id, struct error *err);
/* How many items are directly under item ID, or -1 with ERR. */
int64_t store_item_children(struct db *db, int64_t id, struct error *err);
/* Deletes item ID (and, WITH_CHILDREN, all under it): how many went, or -1 with ERR. */
int store_item_delete(struct db *db, int64_t id, int with_children, struct error *err);

int store_person_each(struct db *db, int64_t plan_id, int64_t only_id,
		      int (*fn)(const struct person *, void *), void *ctx, struct error *err);

/* An item; strings point into the database row, valid only during a callback. */
struct item {
	int64_t id, plan_id, parent_id; /* parent_id 0: none */
	const char *label, *title, *description, *place, *kind, *when_text;
	const char *start_at, *end_at, *due_at; /* "" when absent */
	int64_t at, late_after;
	const char *state;
	int64_t done_at, cancelled_at; /* 0 when not */
	const char *done_by, *note;    /* "" when none */
	int64_t created, updated, seq;
	const char *parent_label; /* "" when none or unlabelled */
	const char *who;	  /* assignee names joined by '\x1f' in order */
};

typedef int (*item_fn)(const struct item *it, void *ctx);

/*
 * Reads the item columns 0-21 of a statement that selects them in ITEM_SELECT's order (id ...
 * seq); parent_label and who are left to the caller.
 */
void store_item_from_row(sqlite3_stmt *st, struct item *it);

/* Which items: STATE "open", "done", "cancelled", "overdue" or NULL; PERSON_ID 0 for anyone. */
struct item_filter {
	const char *state;
	int64_t person_id;
	int64_t now;
};

/* Calls FN for each item of the plan that passes F, in plan order (labels numerically). */
int store_item_each(struct db *db, int64_t plan_id, const struct item_filter *f, item_fn fn,
		    void *ctx, struct error *err);

/* Calls FN for item ID of the plan; 0, or -1 (not found is ERR_NOT_FOUND). */
int store_item_get(struct db *db, int64_t plan_id, int64_t id, item_fn fn, void *ctx,
		   struct error *err);

/* Item ids with LABEL in the plan, oldest first; returns how many (up to MAX), -1 on error. */
int store_item_by_label(struct db *db, int64_t plan_id, const char *label, int64_t *ids, int max,
			struct error *err);

/* Adds ERR candidates: items whose labels or titles are near REF. */
void store_item_suggest(struct db *db, int64_t plan_id, const char *ref, struct error *err);

/* Adds ERR candidates: every item labelled LABEL (an ambiguous REF). */
void store_item_same_label(struct db *db, int64_t plan_id, const char *label, struct error *err);

/* What a write sets; NULL pointers and has_* = 0 leave a field as it is. */
struct item_change {
	const char *title, *description, *place, *label;
	const char *when_text;
	const struct moment *moment; /* with when_text */
	int has_parent;
	int64_t parent_id; /* 0: none */
	int has_who;
	const int64_t *who;
	size_t nwho;
};

int store_item_insert(struct db *db, int64_t plan_id, const struct item_change *c, int64_t now,
		      int64_t *id, struct error *err);
int store_item_update(struct db *db, int64_t id, const struct item_change *c, int64_t now,
		      struct error *err);

/* Marks item ID changed NOW, with a new sequence (what is not in its row changed: its rules). */
int store_item_touch(struct db *db, int64_t id, int64_t now, struct error *err);

/* Sets the state ("open", "done", "cancelled") with its note and who did it, now. */
int store_item_set_state(struct db *db, int64_t id, const char *state, const char *note,
			 const char *by, int64_t now, struct error *err);

/* The same with the state's own time AT (an import of what was done earlier); the item is
 * still updated NOW, so that what looks for changed items sees it. */
int store_item_set_state_at(struct db *db, int64_t id, const char *state, const char *note,
			    const char *by, int64_t at, int64_t now, struct error *err);

/*
 * The same, NOW, only if item ID is still at version SEQ and not cancelled (a form of a
 * person's page): 1 changed, 0 it moved on since the page was rendered, -1 with ERR.
 */
int store_item_set_state_seq(struct db *db, int64_t id, int64_t seq, const char *state,
			     const char *note, const char *by, int64_t now, struct error *err);

/* The same with the state's own time AT (a task app's COMPLETED). */
int store_item_set_state_seq_at(struct db *db, int64_t id, int64_t seq, const char *state,
				const char *note, const char *by, int64_t at, int64_t now,
				struct error *err);

/* Natural sort key for a label: "7.10" → "000007.000010"; unlabelled items sort last. */
void store_label_key(const char *label, char *buf, size_t len);

#endif
