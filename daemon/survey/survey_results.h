/* SPDX-License-Identifier: MIT */
/*
 * A plan's survey counted: for each question how many answered it, each option's count, the
 * free answers grouped; optionally split by the answer to another question (a cross-tab).
 * Percentages are of the respondents to that question, in tenths, rounded half up.
 */
#ifndef QWEEK_SURVEY_RESULTS_H
#define QWEEK_SURVEY_RESULTS_H

#include <stdint.h>

#include "core/jsonw.h"
#include "store/db.h"
#include "survey/survey.h"

/* One free answer (text or number) and how many gave it. */
struct survey_free {
	char *text;
	int64_t count;
};

struct survey_qres {
	const struct survey_question *q;
	int64_t respondents;
	int64_t *counts; /* per option */
	struct survey_free *free;
	size_t nfree, capfree;
	int64_t *by; /* with a cross-tab: [option * nby + by-option], counts */
};

struct survey_results {
	struct survey *s; /* owned */
	int64_t version;
	int64_t responses;
	struct survey_qres *q;
	char lang[8]; /* the plan's: how percentages are written */
	int by;	      /* the index of the question split by, or -1 */
	size_t nby;
};

/*
 * The results of PLAN_ID (LANG: the plan's language), split by question BY_ID when not NULL.
 * NULL with ERR: 404 when the plan has no questionnaire, 422 for an unknown BY_ID.
 */
struct survey_results *survey_results_load(struct db *db, int64_t plan_id, const char *lang,
					   const char *by_id, struct error *err);
void survey_results_free(struct survey_results *r);

/* COUNT of OF in tenths of a percent, rounded half up (0 when OF is 0). */
int64_t survey_tenths(int64_t count, int64_t of);

/* "88,9 %" (ru, uk) or "88.9%" (en) of TENTHS into BUF; returns BUF. */
char *survey_percent_text(int64_t tenths, const char *lang, char *buf, size_t len);

/* The results as the JSON of GET .../survey/results, written into W. */
void survey_results_json(struct jsonw *w, const struct survey_results *r);

#endif
