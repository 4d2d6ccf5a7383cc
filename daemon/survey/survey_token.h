/* SPDX-License-Identifier: MIT */
/*
 * The one-time token each form carries: a random nonce and the time it was given, signed with
 * the link key (so the daemon keeps nothing for a form shown and never sent), and marked used in
 * the same transaction as the response it came with (store_survey_token_use).
 */
#ifndef QWEEK_SURVEY_TOKEN_H
#define QWEEK_SURVEY_TOKEN_H

#include <stdint.h>

#include "core/error.h"
#include "store/db.h"

#define SURVEY_TOKEN_LEN 64
#define SURVEY_TOKEN_TTL (3 * 86400) /* a lobby tablet may stay on one form for a weekend */

enum survey_token_state { SURVEY_TOKEN_OK, SURVEY_TOKEN_BAD, SURVEY_TOKEN_EXPIRED };

/* A new token for the form of PLAN_ID at NOW into OUT; 0 or -1 with ERR (503: no link key). */
int survey_token_make(struct db *db, int64_t plan_id, int64_t now, char out[SURVEY_TOKEN_LEN],
		      struct error *err);

/*
 * Whether TOKEN is one this daemon gave for PLAN_ID's form, within SURVEY_TOKEN_TTL of NOW:
 * its *NONCE and *ISSUED set when OK. -1 with ERR when it cannot tell (no key, database).
 */
int survey_token_check(struct db *db, int64_t plan_id, const char *token, int64_t now,
		       int64_t *nonce, int64_t *issued, struct error *err);

#endif
