/* SPDX-License-Identifier: MIT */
/*
 * What the database keeps of capability URLs besides the feeds table (store_feed.c): the salt
 * and generations secrets are derived from (core/link_key.h), the status pages' and the
 * personal pages' generations and hashes.
 */
#ifndef QWEEK_LINK_STORE_H
#define QWEEK_LINK_STORE_H

#include <stdint.h>

#include "core/error.h"
#include "core/feed_secret.h"
#include "core/link_key.h"
#include "store/db.h"

/* This database's salt for link secrets; 0 or -1 with ERR. */
int store_link_salt(struct db *db, unsigned char salt[LINK_SALT_LEN], struct error *err);

/* A generation never handed out before, into *GEN; inside the caller's transaction. */
int store_link_next_gen(struct db *db, int64_t *gen, struct error *err);

/* How many links secrets are derived for (their URLs can be shown again with the key); -1. */
int64_t store_link_count(struct db *db, struct error *err);

/* A person's page: the person, their plan, its generation and the hash of its secret. */
struct page_row {
	int64_t person_id, plan_id, gen;
	unsigned char hash[FEED_HASH_LEN];
	int64_t created;
};

/* The page of PERSON_ID: 1 (ROW filled), 0 none, -1 with ERR. */
int store_page_find(struct db *db, int64_t person_id, struct page_row *row, struct error *err);

/* The page whose secret hashes to HASH: 1 (ROW filled), 0 unknown, -1 with ERR. */
int store_page_by_hash(struct db *db, const unsigned char hash[FEED_HASH_LEN], struct page_row *row,
		       struct error *err);

/* Gives ROW->person_id the page ROW (replacing the old one); inside the caller's transaction. */
int store_page_put(struct db *db, const struct page_row *row, struct error *err);

/* The status page of PLAN_ID: 1 (*GEN, 0 for a secret that cannot be shown, and HASH set),
 * 0 none, -1 with ERR. */
int store_status_link_find(struct db *db, int64_t plan_id, int64_t *gen,
			   unsigned char hash[FEED_HASH_LEN], struct error *err);

/* Gives PLAN_ID the status page of generation GEN and hash HASH; in the caller's transaction. */
int store_status_link_put(struct db *db, int64_t plan_id, int64_t gen,
			  const unsigned char hash[FEED_HASH_LEN], int64_t now, struct error *err);

#endif
