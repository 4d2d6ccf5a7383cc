/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/survey_store.h"
#include "survey/survey_results.h"

/* The survey counted from one GROUP BY over the answers (store_survey_tally). */

int64_t survey_tenths(int64_t count, int64_t of)
{
	return of > 0 ? (count * 1000 + of / 2) / of : 0;
}

char *survey_percent_text(int64_t tenths, const char *lang, char *buf, size_t len)
{
	int en = lang != NULL && strcmp(lang, "en") == 0;

	snprintf(buf, len, "%lld%c%lld%s", (long long)(tenths / 10), en ? '.' : ',',
		 (long long)(tenths % 10), en ? "%" : " %");
	return buf;
}

/* The by-option of a response's answer BY_MASK to the split question: its lowest bit. */
static size_t survey_by_index(int64_t by_mask, size_t nby)
{
	for (size_t i = 0; i + 1 < nby; i++)
		if (by_mask & ((int64_t)1 << i))
			return i;
	return nby - 1; /* no answer to it */
}

static int survey_add_free(struct survey_qres *q, const char *value, int64_t count)
{
	if (q->nfree == q->capfree) {
		size_t cap = q->capfree ? q->capfree * 2 : 8;
		struct survey_free *grown = realloc(q->free, cap * sizeof *grown);
		if (grown == NULL)
			return -1;
		q->free = grown;
		q->capfree = cap;
	}
	if ((q->free[q->nfree].text = strdup(value)) == NULL)
		return -1;
	q->free[q->nfree++].count = count;
	return 0;
}

static int survey_count(int question, int64_t mask, const char *value, int64_t by_mask,
			int64_t count, void *arg)
{
	struct survey_results *r = arg;
	struct survey_qres *q;
	size_t b;

	if (question < 0 || (size_t)question >= r->s->nq)
		return 0; /* an answer to a question no longer asked */
	q = &r->q[question];
	q->respondents += count;
	b = r->by >= 0 ? survey_by_index(by_mask, r->nby) : 0;
	for (size_t o = 0; o < q->q->noptions; o++) {
		if (!(mask & ((int64_t)1 << o)))
			continue;
		q->counts[o] += count;
		if (q->by != NULL)
			q->by[o * r->nby + b] += count;
	}
	if (value != NULL && *value != '\0' && r->by < 0)
		return survey_add_free(q, value, count);
	return 0;
}

static int survey_free_cmp(const void *a, const void *b)
{
	const struct survey_free *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->text, y->text);
}

/* Room for the counts of every question (and the cross-tab by question BY). */
static int survey_results_alloc(struct survey_results *r)
{
	if ((r->q = calloc(r->s->nq, sizeof *r->q)) == NULL)
		return -1;
	for (size_t i = 0; i < r->s->nq; i++) {
		struct survey_qres *q = &r->q[i];
		q->q = &r->s->q[i];
		if ((q->counts = calloc(q->q->noptions + 1, sizeof *q->counts)) == NULL)
			return -1;
		if (r->by >= 0 &&
		    (q->by = calloc((q->q->noptions + 1) * r->nby, sizeof(int64_t))) == NULL)
			return -1;
	}
	return 0;
}

static int survey_results_by(struct survey_results *r, const char *by_id, struct error *err)
{
	size_t i;
	const struct survey_question *q;

	r->by = -1;
	if (by_id == NULL)
		return 0;
	if ((q = survey_find(r->s, by_id, &i)) == NULL)
		return error_set(err, ERR_INVALID,
				 "there is no question «%s» in the questionnaire "
				 "(its questions are numbered 1 to %s)",
				 by_id, r->s->q[r->s->nq - 1].id);
	if (q->noptions == 0)
		return error_set(err, ERR_INVALID,
				 "question %s is answered with a %s: results are "
				 "split by a question of choice",
				 by_id, survey_kind_name(q->kind));
	r->by = (int)i;
	r->nby = q->noptions + 1; /* and "no answer" */
	return 0;
}

struct survey_results *survey_results_load(struct db *db, int64_t plan_id, const char *lang,
					   const char *by_id, struct error *err)
{
	struct survey_results *r = calloc(1, sizeof *r);
	struct survey_row row = { 0 };
	int found;

	if (r == NULL) {
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	if ((found = store_survey_get(db, plan_id, &row, err)) == 0)
		error_set(err, ERR_NOT_FOUND,
			  "the plan has no questionnaire yet (qweek survey new "
			  "--template NAME or --file FILE)");
	snprintf(r->lang, sizeof r->lang, "%s", lang != NULL ? lang : "ru");
	if (found == 1 &&
	    (r->s = survey_parse(row.source, strlen(row.source), lang, err)) != NULL) {
		r->version = row.version;
		if (survey_results_by(r, by_id, err) == 0 && survey_results_alloc(r) == -1)
			error_set(err, ERR_INTERNAL, "out of memory");
	}
	free(row.source);
	if (err->kind == ERR_NONE &&
	    ((r->responses = store_survey_count(db, plan_id, err)) == -1 ||
	     store_survey_tally(db, plan_id, r->by, survey_count, r, err) == -1))
		r->responses = 0;
	if (err->kind != ERR_NONE) {
		survey_results_free(r);
		return NULL;
	}
	for (size_t i = 0; i < r->s->nq; i++)
		if (r->q[i].nfree > 1)
			qsort(r->q[i].free, r->q[i].nfree, sizeof *r->q[i].free, survey_free_cmp);
	return r;
}

void survey_results_free(struct survey_results *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; r->q != NULL && i < r->s->nq; i++) {
		for (size_t f = 0; f < r->q[i].nfree; f++)
			free(r->q[i].free[f].text);
		free(r->q[i].free);
		free(r->q[i].counts);
		free(r->q[i].by);
	}
	free(r->q);
	survey_free(r->s);
	free(r);
}
