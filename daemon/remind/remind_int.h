/* SPDX-License-Identifier: MIT */
/* What the reminder module's files share: the item as reminders see it, the scheduler's parts. */
#ifndef QWEEK_REMIND_INT_H
#define QWEEK_REMIND_INT_H

#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "store/db.h"
#include "core/error.h"
#include "remind/remind_occur.h"
#include "store/remind_store.h"

struct daemon;

#define REMIND_TIMER_CAP    60	 /* seconds the timer sleeps at most: a moved clock is seen */
#define REMIND_BATCH	    64	 /* items handled per transaction */
#define REMIND_ROUNDS	    4	 /* transactions per turn of the loop: then let it breathe */
#define REMIND_INFLIGHT_MAX 8	 /* deliveries at once */
#define REMIND_RETRY_FIRST  60	 /* the first retry after a minute, then 2, 4, ... */
#define REMIND_RETRY_MAX    3600 /* ... up to an hour between tries */
#define REMIND_OCC_MAX	    64	 /* occurrences handled in one window */

/* ---- remind_item.c: an item as the reminders see it ----------------------------------------- */

/* A copy of an item's fields; strings owned (remind_item_free). */
struct remind_item {
	int64_t id, plan_id, at, late_after, updated, seq;
	char *kind, *state, *label, *title, *place, *who, *start_at, *end_at, *due_at;
};

/* Item ID of PLAN_ID into OUT: 1, 0 when there is no such item, -1 with ERR. */
int remind_item_load(struct db *db, int64_t plan_id, int64_t id, struct remind_item *out,
		     struct error *err);
void remind_item_free(struct remind_item *it);

/* What the occurrences of IT depend on (pointing into IT). */
void remind_item_subject(const struct remind_item *it, struct remind_subject *s);

/* The rules that apply to IT: its own when it has them, else PLAN's for its kind. */
int remind_item_rules(struct db *db, const struct remind_item *it, const struct remind_rules *plan,
		      struct remind_list *list, int *overdue_at, struct error *err);

/* How people name IT in a command: its label when no other item has it, else "@ID". */
void remind_item_ref(struct db *db, const struct remind_item *it, char *buf, size_t len);

/* Whether a reminder of IT is still worth sending at NOW: an overdue notice always; before an
 * event while it has not started; before a deadline while it has not passed. */
int remind_useful(const struct remind_item *it, int overdue, int64_t now);

enum remind_verdict {
	REMIND_KEEP,   /* send it */
	REMIND_CANCEL, /* the item is done, cancelled, moved, or the person is off it */
	REMIND_EXPIRE, /* too late to be of use */
};

/*
 * Whether ROW (queued or failed) still stands for IT (NULL: the item is gone) with the rules
 * LIST and OVERDUE_AT in zone TZ, at NOW. *WHY says why not.
 */
enum remind_verdict remind_row_check(struct db *db, const struct remind_row *row,
				     const struct remind_item *it, const struct remind_list *list,
				     int overdue_at, const char *tz, int64_t now, const char **why);

/* ---- channels ---------------------------------------------------------------------------------- */

/* Whether C sends email to ADDRESS (SMTP configured, an address given), or runs a hook. */
int remind_has_email(const struct config *c, const char *address);
int remind_has_hook(const struct config *c);

/* ---- remind_eval.c: what comes due ---------------------------------------------------------- */

/*
 * Handles the items whose next reminder is due by NOW (up to REMIND_ROUNDS * REMIND_BATCH of
 * them; the timer comes back at once for the rest): records each reminder to send (or why it
 * is skipped) in the log, and the item's next reminder. 0 or -1 with ERR.
 */
int remind_eval_due(struct db *db, const struct config *c, int64_t now, struct error *err);

/*
 * Recomputes the schedule of the items IDS[N] of plan PLAN_ID after they (or their rules)
 * changed: each one's next reminder from max(its last change, FLOOR) on; and cancels their
 * waiting reminders that no longer stand. Inside the caller's transaction. 0 or -1 with ERR.
 */
int remind_recompute(struct db *db, int64_t plan_id, const int64_t *ids, size_t n, int64_t floor,
		     int64_t now, struct error *err);

/* ---- remind.c: the scheduler ------------------------------------------------------------------ */

/* Brings plan PLAN_ID's schedule up to date (ALL: every item, from FLOOR on), then handles
 * what is due and re-arms the timer. */
void remind_plan_changed(int64_t plan_id, int all, int64_t floor);

/* Looks again at what is due, what to send, and when to wake up. */
void remind_poke(void);

/* ---- remind_deliver.c: sending ---------------------------------------------------------------- */

/*
 * Sends on D's loop; DONE is called whenever a delivery is over and its slot free, so that the
 * scheduler looks again (remind_poke: a callback, since the scheduler calls the sending).
 */
void remind_deliver_init(struct daemon *d, void (*done)(void));
void remind_deliver_shutdown(void);

/* Starts sending what is queued or due for a retry at NOW, as far as capacity allows. */
void remind_deliver_kick(int64_t now);

/* The earliest waiting reminder not being sent already: 1 (sets *OUT), 0 none. */
int remind_deliver_next(struct db *db, int64_t *out);

/* Deliveries under way. */
int remind_deliver_busy(void);

#endif
