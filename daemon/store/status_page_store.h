/* SPDX-License-Identifier: MIT */
/* The status_pages table (schema/005_status.sql): one secret hash per plan. */
#ifndef QWEEK_STATUS_PAGE_STORE_H
#define QWEEK_STATUS_PAGE_STORE_H

#include <stdint.h>

#include "core/error.h"
#include "core/feed_secret.h"
#include "store/db.h"

/* The plan whose page secret hashes to HASH: 1 (sets *PLAN_ID), 0 unknown, -1 with ERR. */
int status_page_store_find(struct db *db, const unsigned char hash[FEED_HASH_LEN], int64_t *plan_id,
			   struct error *err);

/* Does plan PLAN_ID have a page? 1, 0, or -1 with ERR. */
int status_page_store_exists(struct db *db, int64_t plan_id, struct error *err);

/* Gives plan PLAN_ID a page with secret hash HASH, replacing any old one (inside a write). */
int status_page_store_set(struct db *db, int64_t plan_id, const unsigned char hash[FEED_HASH_LEN],
			  int64_t now, struct error *err);

#endif
