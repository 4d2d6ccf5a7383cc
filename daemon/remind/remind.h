/* SPDX-License-Identifier: MIT */
/* Reminders (issue 4): qweekd reminds people itself, by email and through a command hook. */
#ifndef QWEEK_REMIND_H
#define QWEEK_REMIND_H

#include <stdint.h>

#include "store/db.h"
#include "core/error.h"

struct daemon;

/*
 * Starts the reminders on D's loop and database (open): brings the schedule up to date, sends
 * what came due while the daemon was down (if still useful), arms the timer, and follows every
 * change from then on (changes_subscribe). Exits if it cannot.
 */
void remind_init(struct daemon *d);

/* Stops: frees the timer, transfers and children's watchers (at exit, before the loop goes). */
void remind_shutdown(void);

/*
 * An item's own reminders, for the item write paths: SPEC is what the person typed for
 * `--remind`: "2h, 1d", "none", or "default" (the plan's rules again). Check it before the
 * write; set it inside the write's transaction (plan_write.h, whose commit announces it).
 */
int remind_item_spec_check(const char *spec, struct error *err);
int remind_item_spec_set(struct db *db, int64_t item_id, const char *spec, struct error *err);

#endif
