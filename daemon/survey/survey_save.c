/* SPDX-License-Identifier: MIT */
#include "store/plan_write.h"
#include "store/survey_store.h"
#include "survey/survey_save.h"
#include "survey/survey_token.h"

/*
 * A response is stored whole in one transaction of the write path, with the use of its form
 * token: acknowledged means committed (synchronous=FULL), a replayed token stores nothing.
 */

static int survey_save_rows(struct db *db, int64_t plan_id, const struct survey *s,
			    const struct survey_given *g, const char *source, int64_t now,
			    struct error *err)
{
	int64_t id = store_survey_response_add(db, plan_id, now - now % 3600, source, err);

	if (id == -1)
		return -1;
	for (size_t q = 0; q < s->nq; q++)
		if (g[q].answered && store_survey_answer_add(db, id, plan_id, (int)q, g[q].mask,
							     g[q].value, err) == -1)
			return -1;
	return 0;
}

int survey_save(struct db *db, int64_t plan_id, const struct survey *s,
		const struct survey_given *g, const struct survey_save_how *how, struct error *err)
{
	struct plan_write w;
	int fresh = 1;

	if (plan_write_begin(&w, db, plan_id, err) == -1)
		return -1;
	if (how->nonce >= 0 &&
	    (fresh = store_survey_token_use(db, how->nonce, how->issued,
					    how->now - SURVEY_TOKEN_TTL, err)) != 1) {
		plan_write_rollback(&w);
		return fresh;
	}
	if (survey_save_rows(db, plan_id, s, g, how->source, how->now, err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	return 1;
}

int survey_save_many(struct db *db, int64_t plan_id, const struct survey *s,
		     struct survey_given *const *rows, size_t n, int64_t now, struct error *err)
{
	struct plan_write w;

	if (plan_write_begin(&w, db, plan_id, err) == -1)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (survey_save_rows(db, plan_id, s, rows[i], "import", now, err) == -1) {
			plan_write_rollback(&w);
			return -1;
		}
	}
	if (plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	return 0;
}
