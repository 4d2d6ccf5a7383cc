/* SPDX-License-Identifier: MIT */
/* The feeds table, and what a feed reads of a plan that store.h does not offer. */
#ifndef QWEEK_FEED_STORE_H
#define QWEEK_FEED_STORE_H

#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "core/feed_secret.h"
#include "store/store.h"

/* One feed: a plan's calendar (PERSON_ID 0) or a person's or group's part of it. */
struct feed_row {
	int64_t id, plan_id, person_id;
	unsigned char hash[FEED_HASH_LEN];
	int64_t created;
	int64_t gen; /* the secret's generation (link_key.h); 0: random, cannot be shown again */
};

/* Calls FN for every feed (at start, to know the secrets without asking SQLite later). */
int store_feed_each(struct db *db, int (*fn)(const struct feed_row *, void *), void *ctx,
		    struct error *err);

/* The feed of PLAN_ID and PERSON_ID: 1 (ROW filled), 0 none, -1 with ERR. */
int store_feed_find(struct db *db, int64_t plan_id, int64_t person_id, struct feed_row *row,
		    struct error *err);

/* Inserts ROW (sets ROW->id) or gives ROW->id a new hash and generation; inside the caller's
 * transaction. */
int store_feed_insert(struct db *db, struct feed_row *row, struct error *err);
int store_feed_rehash(struct db *db, const struct feed_row *row, struct error *err);

/* Deletes feed ID. */
int store_feed_delete(struct db *db, int64_t id, struct error *err);

/* Plan ID (caller frees with plan_free); NULL with ERR (not found: ERR_NOT_FOUND). */
struct plan *store_feed_plan(struct db *db, int64_t id, struct error *err);

/* The name of person or group ID of the plan, malloc'd; NULL with ERR. */
char *store_feed_person_name(struct db *db, int64_t plan_id, int64_t id, struct error *err);

/*
 * Calls FN for each item of the plan (PERSON_ID 0) or of a person or group and its groups, in
 * plan order, like store_item_each, through queries made for whole feeds: the assignees of all
 * the items are read in one pass, not by a subquery per item (a third of the time of a
 * 10,000-item feed). PARENT_LABEL is always "".
 */
int store_feed_items(struct db *db, int64_t plan_id, int64_t person_id, item_fn fn, void *ctx,
		     struct error *err);

/* What the items of the plan span: the earliest and latest instants they name, and the latest
 * `updated` (all 0 when there are none). */
struct feed_span {
	int64_t first, last, updated;
};

int store_feed_items_span(struct db *db, int64_t plan_id, struct feed_span *out, struct error *err);

#endif
