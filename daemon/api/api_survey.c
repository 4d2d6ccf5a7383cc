/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_survey.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "store/plan_write.h"
#include "store/survey_store.h"
#include "survey/survey_results.h"

/*
 * A plan's questionnaire: given as text or a template's name (PUT), shown (GET), the built-in
 * templates, the results. Replacing a questionnaire that has responses is refused unless asked
 * for with "replace" (its answers would no longer match its questions), which forgets them.
 */

static json_t *survey_questions_json(const struct survey *s)
{
	json_t *qs = json_array();

	for (size_t i = 0; qs != NULL && i < s->nq; i++) {
		const struct survey_question *q = &s->q[i];
		json_t *opts = json_array();
		for (size_t o = 0; opts != NULL && o < q->noptions; o++)
			json_array_append_new(opts, json_string(q->options[o]));
		json_array_append_new(qs,
				      json_pack("{s:s, s:s, s:s, s:b, s:s?, s:o}", "id", q->id,
						"text", q->text, "kind", survey_kind_name(q->kind),
						"required", q->required, "section",
						q->section >= 0 ? s->sections[q->section] : NULL,
						"options", opts ? opts : json_array()));
	}
	return qs;
}

/* The reply of GET (and PUT): the questionnaire as parsed, and its text. */
static int survey_reply(struct request *r, const struct survey_row *row, struct error *err)
{
	const struct plan *p = r->plan;
	struct survey *s = survey_parse(row->source, strlen(row->source), p->lang, err);
	int64_t n;

	if (s == NULL || (n = store_survey_count(r->daemon->db, p->id, err)) == -1) {
		survey_free(s);
		return -1;
	}
	r->reply = json_pack("{s:s, s:s?, s:s?, s:I, s:I, s:o, s:s}", "plan", p->slug, "title",
			     s->title, "intro", s->intro, "version", (json_int_t)row->version,
			     "responses", (json_int_t)n, "questions", survey_questions_json(s),
			     "text", row->source);
	survey_free(s);
	return r->reply != NULL ? 0 : error_set(err, ERR_INTERNAL, "out of memory");
}

int api_survey_show(struct request *r, struct error *err)
{
	struct survey_row row = { 0 };
	int found = store_survey_get(r->daemon->db, r->plan->id, &row, err), rc;

	if (found == 0)
		return error_set(err, ERR_NOT_FOUND,
				 "plan %s has no questionnaire yet: qweek survey new --template "
				 "NAME (qweek survey templates lists them) or --file FILE",
				 r->plan->slug);
	if (found == -1)
		return -1;
	rc = survey_reply(r, &row, err);
	free(row.source);
	return rc;
}

/* The body: {"text"} or {"template"}, and "replace". The text into *TEXT. */
static int survey_put_args(struct request *r, const char **text, int *replace, struct error *err)
{
	const struct survey_template *t;
	const char *key, *tname = NULL;
	json_t *v;

	*text = NULL;
	*replace = 0;
	json_object_foreach (r->body, key, v) {
		if (strcmp(key, "replace") == 0 && json_is_boolean(v))
			*replace = json_is_true(v);
		else if (strcmp(key, "text") == 0 && json_is_string(v))
			*text = json_string_value(v);
		else if (strcmp(key, "template") == 0 && json_is_string(v))
			tname = json_string_value(v);
		else
			return error_set(err, ERR_UNKNOWN_FIELD,
					 "«%s» is not a field of a questionnaire (text, template, "
					 "replace), or not of its type",
					 key);
	}
	if ((*text == NULL) == (tname == NULL))
		return error_set(err, ERR_BAD_FIELD,
				 "give the questionnaire as «text» or as "
				 "«template», one of the two");
	if (tname != NULL && (t = survey_template(tname)) == NULL)
		return error_set(err, ERR_NOT_FOUND,
				 "there is no template «%s» (qweek survey "
				 "templates lists them)",
				 tname);
	if (tname != NULL)
		*text = t->text;
	return 0;
}

/* Stores TEXT as the plan's questionnaire; *EXISTED set. */
static int survey_store(struct request *r, const char *text, int replace, int *existed,
			struct error *err)
{
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	struct survey_row old = { 0 };
	struct plan_write w;
	int64_t n = 0;

	if ((*existed = store_survey_get(db, p->id, &old, err)) == -1)
		return -1;
	if (*existed && strcmp(old.source, text) != 0 &&
	    (n = store_survey_count(db, p->id, err)) > 0 && !replace) {
		free(old.source);
		return error_set(err, ERR_CONFLICT,
				 "plan %s's questionnaire already has %lld response(s), which "
				 "would not match new questions; to replace it and forget them, "
				 "ask with replace (qweek survey new ... --replace)",
				 p->slug, (long long)n);
	}
	free(old.source);
	if (n == -1 || plan_write_begin(&w, db, p->id, err) == -1)
		return -1;
	if ((n > 0 && store_survey_clear(db, p->id, err) == -1) ||
	    store_survey_put(db, p->id, text, clock_now(), err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	return 0;
}

int api_survey_put(struct request *r, struct error *err)
{
	struct survey_row row = { 0 };
	struct survey *s;
	const char *text;
	int replace, existed, rc;

	if (survey_put_args(r, &text, &replace, err) == -1)
		return -1;
	if ((s = survey_parse(text, strlen(text), r->plan->lang, err)) == NULL)
		return -1;
	survey_free(s);
	if (survey_store(r, text, replace, &existed, err) == -1 ||
	    store_survey_get(r->daemon->db, r->plan->id, &row, err) != 1)
		return -1;
	r->status = existed ? 200 : 201;
	rc = survey_reply(r, &row, err);
	free(row.source);
	return rc;
}

int api_survey_templates(struct request *r, struct error *err)
{
	json_t *list = json_array();

	for (const struct survey_template *t = survey_templates(); list && t->name != NULL; t++) {
		struct survey *s = survey_parse(t->text, strlen(t->text), t->lang, err);
		if (s == NULL) {
			json_decref(list);
			return -1;
		}
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:I}", "name", t->name,
						      "lang", t->lang, "title", t->summary,
						      "questions", (json_int_t)s->nq));
		survey_free(s);
	}
	r->reply = json_pack("{s:o}", "templates", list);
	return r->reply != NULL ? 0 : error_set(err, ERR_INTERNAL, "out of memory");
}

int api_survey_results(struct request *r, struct error *err)
{
	struct survey_results *res;
	struct jsonw w;
	int rc;

	if (http_query_only(r, "by", err) == -1)
		return -1;
	res = survey_results_load(r->daemon->db, r->plan->id, r->plan->lang, http_query(r, "by"),
				  err);
	if (res == NULL)
		return -1;
	jsonw_init(&w);
	survey_results_json(&w, res);
	survey_results_free(res);
	rc = api_reply_jsonw(r, &w, err);
	jsonw_free(&w);
	return rc;
}
