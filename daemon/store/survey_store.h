/* SPDX-License-Identifier: MIT */
/*
 * The survey's tables (schema/010_survey.sql): a plan's questionnaire and its form's link, the
 * anonymous responses and their answers, the form tokens already used.
 */
#ifndef QWEEK_SURVEY_STORE_H
#define QWEEK_SURVEY_STORE_H

#include <stdint.h>

#include "core/error.h"
#include "core/feed_secret.h"
#include "store/db.h"

/* A plan's questionnaire: its text (malloc'd), version, and its form's link (gen 0: none). */
struct survey_row {
	int64_t plan_id, version, gen;
	char *source;
	unsigned char hash[FEED_HASH_LEN];
};

/* store_survey.c. The questionnaire of PLAN_ID: 1 (ROW filled; free ROW->source), 0, -1. */
int store_survey_get(struct db *db, int64_t plan_id, struct survey_row *row, struct error *err);

/* Gives PLAN_ID the questionnaire SOURCE (a new version, the link kept); in a transaction. */
int store_survey_put(struct db *db, int64_t plan_id, const char *source, int64_t now,
		     struct error *err);

/* The form's link of PLAN_ID is now generation GEN with HASH; in the caller's transaction. */
int store_survey_link_put(struct db *db, int64_t plan_id, int64_t gen,
			  const unsigned char hash[FEED_HASH_LEN], struct error *err);

/* The plan whose form's secret hashes to HASH: 1 (*PLAN_ID set), 0 unknown, -1 with ERR. */
int store_survey_by_hash(struct db *db, const unsigned char hash[FEED_HASH_LEN], int64_t *plan_id,
			 struct error *err);

/*
 * Marks the form token NONCE (issued at ISSUED) used, forgetting those issued before EXPIRED:
 * 1 done, 0 it was used already, -1 with ERR. In the caller's transaction, so that a response
 * and the use of its token are stored together or not at all.
 */
int store_survey_token_use(struct db *db, int64_t nonce, int64_t issued, int64_t expired,
			   struct error *err);

/* store_survey_answers.c. How many responses PLAN_ID has; -1 with ERR. */
int64_t store_survey_count(struct db *db, int64_t plan_id, struct error *err);

/* A new response (SOURCE "form", "paper" or "import") at HOUR: its id, or -1 with ERR. */
int64_t store_survey_response_add(struct db *db, int64_t plan_id, int64_t hour, const char *source,
				  struct error *err);

/* One answer of response RESPONSE: QUESTION's index, the options chosen as MASK, or VALUE. */
int store_survey_answer_add(struct db *db, int64_t response, int64_t plan_id, int question,
			    int64_t mask, const char *value, struct error *err);

/*
 * Every (question, mask, value) of PLAN_ID's answers with how many responses gave it, to FN
 * (BY_MASK -1); with BY >= 0, split by the answer (mask) of question BY of the same response
 * (BY_MASK 0 for no answer to it). FN returns 0, or -1 to stop. 0 or -1 with ERR.
 */
typedef int (*survey_tally_fn)(int question, int64_t mask, const char *value, int64_t by_mask,
			       int64_t count, void *arg);
int store_survey_tally(struct db *db, int64_t plan_id, int by, survey_tally_fn fn, void *arg,
		       struct error *err);

/* Forgets every response of PLAN_ID (a questionnaire replaced); in the caller's transaction. */
int store_survey_clear(struct db *db, int64_t plan_id, struct error *err);

#endif
