/* SPDX-License-Identifier: MIT */
/* Reminders as the API shows them: what is to come, what was sent, failed, skipped; who is out
 * of reach. */
#ifndef QWEEK_REMIND_REPORT_H
#define QWEEK_REMIND_REPORT_H

#include <jansson.h>

#include "core/config.h"
#include "remind/remind_int.h"

/* Whose reminders: everyone, one person, or a group's members. */
struct remind_who {
	int64_t id; /* 0: everyone */
	int is_group;
};

/* Which reminders to come. */
struct remind_pending_query {
	const struct remind_who *who; /* NULL: everyone's */
	int64_t item_id;	      /* 0: every item's, and those queued or being retried */
	int64_t now;
	int limit;   /* 0: all */
	int count;   /* work them all out, to count them */
	int stopped; /* set: the items after some were not looked at */
};

/*
 * Appends to ARR the reminders to come of plan P (from Q->now on) as objects with "state":
 * "pending", after those queued or waiting for a retry; in time order, at most Q->limit.
 * Items are looked at in the order of their next reminder, and no further than needed (unless
 * Q->count); *TOTAL is how many were found, all there are unless Q->stopped. 0 or -1 with ERR.
 */
int remind_report_pending(struct db *db, const struct config *c, const struct plan *p,
			  struct remind_pending_query *q, json_t *arr, size_t *total,
			  struct error *err);

/* Appends the plan's log rows in STATES (NULL-ended), latest first, at most LIMIT. */
int remind_report_log(struct db *db, const struct plan *p, const struct remind_who *who,
		      const char *const *states, int limit, json_t *arr, struct error *err);

/* One log row as the API shows it. */
json_t *remind_report_row(const struct remind_row *row, const char *label, const char *title,
			  const char *person, const char *tz);

/* The plan's people and groups that no reminder can reach, with why and their open items. */
int remind_report_unreachable(struct db *db, const struct config *c, const struct plan *p,
			      json_t *arr, struct error *err);

/* {"events", "deadlines", "overdue"} as text, and "own": the sections the plan set itself. */
json_t *remind_report_rules(struct db *db, int64_t plan_id, struct error *err);

#endif
