/* SPDX-License-Identifier: MIT */
/* The item_marks table (schema/007_item_marks.sql): who marked an item done or reopened it. */
#ifndef QWEEK_ITEM_MARK_STORE_H
#define QWEEK_ITEM_MARK_STORE_H

#include <stdint.h>

#include "core/error.h"
#include "store/db.h"

/* Records that BY (NULL: nobody known) set item ID to STATE ("done" or "open"; others are not
 * recorded) at AT with NOTE (NULL: none); inside the caller's transaction. */
int store_item_mark_add(struct db *db, int64_t id, const char *state, const char *by,
			const char *note, int64_t at, struct error *err);

/* A mark as read back; strings valid during the callback. */
struct item_mark {
	int64_t item_id, at;
	const char *label, *title, *state, *by, *note;
};

/*
 * Calls FN for each mark of plan PLAN_ID made by one of its people (staff: on their page, with a
 * token of theirs, or on their behalf with --by; not under the administrator's own name) after
 * SINCE and up to UNTIL, oldest first, leaving out those made by NOT_BY (NULL: none left out).
 */
int store_item_mark_each(struct db *db, int64_t plan_id, int64_t since, int64_t until,
			 const char *not_by, int (*fn)(const struct item_mark *, void *), void *ctx,
			 struct error *err);

#endif
