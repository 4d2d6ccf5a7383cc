/* SPDX-License-Identifier: MIT */
/* The history of a plan's changes (schema/008_history.sql): reading it, and undoing a change. */
#ifndef QWEEK_HISTORY_STORE_H
#define QWEEK_HISTORY_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "store/db.h"

/* One row a change touched: its table, key, and JSON before (NULL: inserted) and after. */
struct change_row {
	const char *tbl, *key, *before, *after;
	int64_t item_id;
};

/* A change, with the first NROWS of its rows (TOTAL of them in all); valid during a callback. */
struct change {
	int64_t id, at, undoes;
	const char *by, *via;
	const struct change_row *rows;
	size_t nrows, total;
};

/* What to list: ITEM_ID (0: any), BY (NULL: anyone), at most LIMIT, newest first. */
struct history_query {
	int64_t plan_id, item_id;
	const char *by;
	int64_t limit;
};

/* The most rows of a change handed to a callback (the rest are counted, not read). */
#define HISTORY_ROWS_SHOWN 8

typedef int (*history_fn)(const struct change *c, void *ctx);

/* Calls FN for each change Q selects, newest first. 0, or -1 with ERR (or FN's -1). */
int store_history_each(struct db *db, const struct history_query *q, history_fn fn, void *ctx,
		       struct error *err);

/* Calls FN for change ID of PLAN_ID with all its rows: 1, 0 when there is no such change. */
int store_history_get(struct db *db, int64_t plan_id, int64_t id, history_fn fn, void *ctx,
		      struct error *err);

/* The newest change BY made in the plan that is not an undo and was not undone: 1 (*ID), 0. */
int store_history_last(struct db *db, int64_t plan_id, const char *by, int64_t *id,
		       struct error *err);

/* The change that undid ID (*BY_ID), when it was undone: 1, else 0. */
int store_history_undone(struct db *db, int64_t id, int64_t *by_id, struct error *err);

/*
 * Calls FN for each later change that touched a row change ID touched (a change undone and
 * its undo leave nothing behind: they are not named). Returns how many, or -1 with ERR.
 */
int store_history_later(struct db *db, int64_t plan_id, int64_t id, history_fn fn, void *ctx,
			struct error *err);

/*
 * Reverts change ID inside a write begun by the caller, row by row, newest first. Returns 0,
 * or -1 with ERR (409 when a row cannot be put back as it was: the caller rolls back).
 */
int store_history_revert(struct db *db, int64_t id, int64_t now, struct error *err);

/* The label of item ID, or the name of person ID, into BUF ("" when it is gone). */
void store_history_item_label(struct db *db, int64_t id, char *buf, size_t len);
void store_history_person_name(struct db *db, int64_t id, char *buf, size_t len);

#endif
