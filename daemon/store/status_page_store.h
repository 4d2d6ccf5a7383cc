/* SPDX-License-Identifier: MIT */
/* The status_pages table (schema/005_status.sql): one secret hash per plan; making and showing
 * its URL is store_link.c's. */
#ifndef QWEEK_STATUS_PAGE_STORE_H
#define QWEEK_STATUS_PAGE_STORE_H

#include <stdint.h>

#include "core/error.h"
#include "core/feed_secret.h"
#include "store/db.h"

/* The plan whose page secret hashes to HASH: 1 (sets *PLAN_ID), 0 unknown, -1 with ERR. */
int status_page_store_find(struct db *db, const unsigned char hash[FEED_HASH_LEN], int64_t *plan_id,
			   struct error *err);

#endif
