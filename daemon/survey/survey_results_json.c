/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "survey/survey_results.h"

/*
 * {"responses": N, "questions": [{"id", "text", "kind", "section", "required", "respondents",
 * "answers": [{"text", "count", "percent"}]}]}: an answer of choice per option, the free
 * answers (text, number) grouped, most given first. With a cross-tab, "by" names the question
 * and its options ("" last: no answer) and each answer has "by": its counts under each.
 */

/* Tenths as a JSON number: 889 -> 88.9. */
static void survey_json_percent(struct jsonw *w, int64_t tenths)
{
	char num[32];
	int n = snprintf(num, sizeof num, "%lld.%lld", (long long)(tenths / 10),
			 (long long)(tenths % 10));

	jsonw_raw(w, num, (size_t)n);
}

static void survey_json_answer(struct jsonw *w, const char *text, int64_t count, int64_t of)
{
	jsonw_key(w, "text");
	jsonw_string(w, text);
	jsonw_key_int(w, "count", count);
	jsonw_key(w, "percent");
	survey_json_percent(w, survey_tenths(count, of));
}

static void survey_json_by(struct jsonw *w, const struct survey_results *r,
			   const struct survey_qres *q, size_t o)
{
	jsonw_key(w, "by");
	jsonw_array(w);
	for (size_t b = 0; b < r->nby; b++)
		jsonw_int(w, q->by[o * r->nby + b]);
	jsonw_end(w, ']');
}

static void survey_json_question(struct jsonw *w, const struct survey_results *r,
				 const struct survey_qres *q)
{
	const struct survey_question *sq = q->q;

	jsonw_object(w);
	jsonw_key(w, "id");
	jsonw_string(w, sq->id);
	jsonw_key(w, "text");
	jsonw_string(w, sq->text);
	jsonw_key(w, "kind");
	jsonw_string(w, survey_kind_name(sq->kind));
	jsonw_key(w, "section");
	jsonw_string(w, sq->section >= 0 ? r->s->sections[sq->section] : NULL);
	jsonw_key(w, "required");
	jsonw_bool(w, sq->required);
	jsonw_key_int(w, "respondents", q->respondents);
	jsonw_key(w, "answers");
	jsonw_array(w);
	for (size_t o = 0; o < sq->noptions; o++) {
		jsonw_object(w);
		survey_json_answer(w, sq->options[o], q->counts[o], q->respondents);
		if (q->by != NULL)
			survey_json_by(w, r, q, o);
		jsonw_end(w, '}');
	}
	for (size_t f = 0; f < q->nfree; f++) {
		jsonw_object(w);
		survey_json_answer(w, q->free[f].text, q->free[f].count, q->respondents);
		jsonw_end(w, '}');
	}
	jsonw_end(w, ']');
	jsonw_end(w, '}');
}

void survey_results_json(struct jsonw *w, const struct survey_results *r)
{
	jsonw_object(w);
	jsonw_key(w, "title");
	jsonw_string(w, r->s->title);
	jsonw_key(w, "lang");
	jsonw_string(w, r->lang);
	jsonw_key_int(w, "responses", r->responses);
	if (r->by >= 0) {
		const struct survey_question *b = &r->s->q[r->by];
		jsonw_key(w, "by");
		jsonw_object(w);
		jsonw_key(w, "id");
		jsonw_string(w, b->id);
		jsonw_key(w, "text");
		jsonw_string(w, b->text);
		jsonw_key(w, "options");
		jsonw_array(w);
		for (size_t o = 0; o < b->noptions; o++)
			jsonw_string(w, b->options[o]);
		jsonw_string(w, "");
		jsonw_end(w, ']');
		jsonw_end(w, '}');
	}
	jsonw_key(w, "questions");
	jsonw_array(w);
	for (size_t i = 0; i < r->s->nq; i++)
		survey_json_question(w, r, &r->q[i]);
	jsonw_end(w, ']');
	jsonw_end(w, '}');
}
