/* SPDX-License-Identifier: MIT */
/* The state an imported item had in its file: done or cancelled when and by whom, its note. */
#ifndef QWEEK_IMPORT_STATE_H
#define QWEEK_IMPORT_STATE_H

#include <stdint.h>

#include "db.h"
#include "error.h"

/*
 * Sets new item ID's STATE ("open", "done" or "cancelled"), its NOTE and who did it (BY; both
 * may be NULL), done or cancelled AT (Unix time) as the file says, written at NOW. Unlike
 * store_item_set_state, whose one time is both, `updated` stays NOW: the reminders and the
 * feeds find changed items by it, and an import of last year's plan is still a change of now.
 * Returns 0, or -1 with ERR.
 */
int import_state_write(struct db *db, int64_t id, const char *state, const char *note,
		       const char *by, int64_t at, int64_t now, struct error *err);

#endif
