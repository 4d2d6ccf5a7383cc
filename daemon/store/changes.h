/* SPDX-License-Identifier: MIT */
/* Who wants to know that a plan changed (feeds re-render, reminders reschedule). */
#ifndef QWEEK_CHANGES_H
#define QWEEK_CHANGES_H

#include <stdint.h>

typedef void (*changes_fn)(int64_t plan_id, void *ctx);

/* Registers FN to be called after every committed change to a plan. */
void changes_subscribe(changes_fn fn, void *ctx);

/*
 * Tells every subscriber that plan PLAN_ID changed (0: the clock moved). Called by
 * plan_write_commit after each commit (plan_write.h), not by the writes themselves.
 */
void changes_notify(int64_t plan_id);

#endif
