/* SPDX-License-Identifier: MIT */
/* The morning digest, for those who want one: on working days, a person's events of the day,
 * deadlines within three days and overdue items, in one message. */
#ifndef QWEEK_REMIND_DIGEST_H
#define QWEEK_REMIND_DIGEST_H

#include <stdint.h>

#include "core/config.h"
#include "store/db.h"
#include "core/error.h"
#include "store/remind_store.h"
#include "remind/remind_text.h"

#define REMIND_DIGEST_RULE "digest"
#define REMIND_DIGEST_DAYS 3 /* deadlines this many days ahead (after today) */

/* Turns person PERSON_ID's digest on at AT_LOCAL (seconds after local midnight), or off (-1);
 * the first from NOW on. 0 or -1 with ERR. */
int remind_digest_set(struct db *db, const struct plan *p, int64_t person_id, int at_local,
		      int64_t now, struct error *err);

/* Calls FN for each digest of the plan: the person, its time, the next one. */
typedef int (*remind_digest_fn)(int64_t person_id, const char *name, int at_local, int64_t next_at,
				void *ctx);
int remind_digest_each(struct db *db, int64_t plan_id, remind_digest_fn fn, void *ctx,
		       struct error *err);

/* The earliest next digest of all: 1 (sets *OUT), 0 none. */
int remind_digest_next_min(struct db *db, int64_t *out);

/* Handles the digests due by NOW (a batch): queues each in the log, or records why not. */
int remind_digest_due(struct db *db, const struct config *c, int64_t now, struct error *err);

/*
 * The digest of person P of plan PLAN for the day of instant AT: into OUT, or *EMPTY = 1 when
 * there is nothing to say. DONE_HINT: "qweek done" or "qweek --plan SLUG done". 0 or -1.
 */
int remind_digest_text(struct db *db, const struct plan *plan, const struct remind_person *p,
		       int64_t at, const char *done_hint, struct remind_msg *out, int *empty,
		       struct error *err);

/* Whether a digest for the day of AT is still worth sending at NOW: the same day. */
int remind_digest_useful(const char *tz, int64_t at, int64_t now);

#endif
