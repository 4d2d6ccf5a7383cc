/* SPDX-License-Identifier: MIT */
/* Storing responses through the write path (store/plan_write.h). */
#ifndef QWEEK_SURVEY_SAVE_H
#define QWEEK_SURVEY_SAVE_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "store/db.h"
#include "survey/survey_answer.h"

/* How a response came: its source ("form", "paper"), its form token (NONCE -1: none), when. */
struct survey_save_how {
	const char *source;
	int64_t nonce, issued, now;
};

/*
 * Stores the answers G (checked, one per question of S) as a response of PLAN_ID, marking its
 * token used: 1 stored, 0 the token was used already (nothing stored), -1 with ERR.
 */
int survey_save(struct db *db, int64_t plan_id, const struct survey *s,
		const struct survey_given *g, const struct survey_save_how *how, struct error *err);

/* N imported responses ROWS, all or none, in one transaction; 0 or -1 with ERR. */
int survey_save_many(struct db *db, int64_t plan_id, const struct survey *s,
		     struct survey_given *const *rows, size_t n, int64_t now, struct error *err);

#endif
