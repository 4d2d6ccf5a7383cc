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
 * the first from NOW on (stored by remind_digest_store_put). 0 or -1 with ERR. */
int remind_digest_set(struct db *db, const struct plan *p, int64_t person_id, int at_local,
		      int64_t now, struct error *err);

/* Handles the digests due by NOW (a batch): queues each in the log, or records why not. */
int remind_digest_due(struct db *db, const struct config *c, int64_t now, struct error *err);

/*
 * The digest of person P of plan PLAN for the day of instant AT: into OUT, or *EMPTY = 1 when
 * there is nothing to say. It tells the person's own open items, and what others marked done
 * or reopened in the plan since their last digest (SINCE), with their notes. DONE_HINT:
 * "qweek done" or "qweek --plan SLUG done"; PAGE_URL: their page, or NULL. 0 or -1.
 */
struct remind_digest_in {
	const struct plan *plan;
	const struct remind_person *person;
	int64_t at, since;
	const char *done_hint, *page_url;
};
int remind_digest_text(struct db *db, const struct remind_digest_in *in, struct remind_msg *out,
		       int *empty, struct error *err);

/* Since when digest AT of person PERSON_ID tells what others marked: the last digest sent to
 * them before AT, else a day before AT. */
int64_t remind_digest_since(struct db *db, int64_t person_id, int64_t at);

/* Whether a digest for the day of AT is still worth sending at NOW: the same day. */
int remind_digest_useful(const char *tz, int64_t at, int64_t now);

#endif
