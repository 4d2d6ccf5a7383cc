/* SPDX-License-Identifier: MIT */
/* Tokens in the database (store_auth.c): only their SHA-256 is kept. */
#ifndef QWEEK_AUTH_STORE_H
#define QWEEK_AUTH_STORE_H

#include <stdint.h>

#include "core/auth_role.h"
#include "store/db.h"
#include "core/error.h"

/* Gives PERSON_ID of PLAN_ID the token whose hash is HASH, replacing any earlier one. */
int store_token_set(struct db *db, int64_t plan_id, int64_t person_id, enum auth_role role,
		    const unsigned char hash[AUTH_HASH_LEN], int64_t now, struct error *err);

/* Removes PERSON_ID's token: 1 removed, 0 there was none, -1 on error. */
int store_token_revoke(struct db *db, int64_t person_id, struct error *err);

/* The token with HASH: 1 found (WHO filled), 0 none, -1 on error. */
int store_token_find(struct db *db, const unsigned char hash[AUTH_HASH_LEN], struct auth_who *who,
		     struct error *err);

/* Is PERSON_ID responsible for ITEM_ID, directly or through a group? 1, 0, or -1. */
int store_item_responsible(struct db *db, int64_t item_id, int64_t person_id, struct error *err);

#endif
