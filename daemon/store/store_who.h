/* SPDX-License-Identifier: MIT */
/* The assignees of all the items of a plan, read at once for a list. */
#ifndef QWEEK_STORE_WHO_H
#define QWEEK_STORE_WHO_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "store/db.h"
#include "core/error.h"

/*
 * Why not a subquery per item: SQLite sorts each item's few names by position on its own, which
 * took half the time of listing 2,000 items. One query reads every assignment of the plan; each
 * item's names are kept in position order in a hash table by item id.
 */
struct store_who {
	struct store_who_row *rows;
	size_t n, cap;
	int32_t *slots; /* a row (the first of its item) or -1; size a power of two */
	size_t mask;
	struct buf names; /* the names, each after the NUL of the one before */
	char *joined;	  /* what store_who_get returns, room for the longest */
};

/*
 * Reads the assignees of plan PLAN_ID into W (zeroed by the caller); 0 or -1 with ERR. W is the
 * one index of who does what for a whole plan: the list and the feeds read it alike.
 */
int store_who_load(struct db *db, int64_t plan_id, struct store_who *w, struct error *err);
void store_who_free(struct store_who *w);

/*
 * The names of item ID in position order joined by '\x1f', "" when it has none. The text is
 * W's until the next call.
 */
const char *store_who_get(struct store_who *w, int64_t id);

#endif
