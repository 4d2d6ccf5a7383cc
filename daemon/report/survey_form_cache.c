/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "report/survey_form.h"
#include "store/changes.h"
#include "store/survey_store.h"

/*
 * The form is rendered once per plan (and once more marked "paper") and kept until the plan
 * changes (changes.h): serving it is then a copy with a fresh token put in, as fast as the
 * status page. A response is a change too, so the form is rendered again after one; a lobby
 * form is asked for once per visitor, not thousands of times a second.
 */

#define SURVEY_FORM_CACHE 32

static struct survey_form_page forms[SURVEY_FORM_CACHE];
static size_t nforms, next_victim;
static int subscribed;

static void survey_form_forget(struct survey_form_page *f)
{
	free(f->html);
	memset(f, 0, sizeof *f);
}

static void survey_form_on_change(int64_t plan_id, void *ctx)
{
	(void)ctx;
	for (size_t i = 0; i < nforms; i++)
		if (forms[i].plan_id == plan_id && forms[i].html != NULL)
			survey_form_forget(&forms[i]);
}

/* Renders the form of PLAN_ID into F; 0 or -1 with ERR. */
static int survey_form_make(struct db *db, int64_t plan_id, int paper, struct survey_form_page *f,
			    struct error *err)
{
	struct survey_row row = { 0 };
	struct survey *s = NULL;
	struct plan *p = NULL;
	const char *mark, *thanks;
	struct buf b;
	int found = store_survey_get(db, plan_id, &row, err);

	if (found == 0)
		error_set(err, ERR_NOT_FOUND, "no questionnaire");
	if (found != 1 || (p = store_plan_get(db, plan_id, err)) == NULL ||
	    (s = survey_parse(row.source, strlen(row.source), p->lang, err)) == NULL) {
		free(row.source);
		plan_free(p);
		return -1;
	}
	buf_init(&b, 16384);
	survey_form_render(&b, p, s, paper);
	snprintf(f->lang, sizeof f->lang, "%s", p->lang);
	free(row.source);
	survey_free(s);
	plan_free(p);
	if ((f->html = buf_take(&b, &f->len)) == NULL ||
	    (thanks = strstr(f->html, SURVEY_FORM_THANKS_MARK)) == NULL ||
	    (mark = strstr(f->html, SURVEY_FORM_TOKEN_MARK)) == NULL) {
		free(f->html);
		f->html = NULL;
		return error_set(err, ERR_INTERNAL, "out of memory");
	}
	f->thanks = (size_t)(thanks - f->html);
	f->mark = (size_t)(mark - f->html);
	f->plan_id = plan_id;
	f->paper = paper;
	return 0;
}

const struct survey_form_page *survey_form_cache_get(struct db *db, int64_t plan_id, int paper,
						     struct error *err)
{
	struct survey_form_page *f = NULL;

	if (!subscribed) {
		changes_subscribe(survey_form_on_change, NULL);
		subscribed = 1;
	}
	for (size_t i = 0; i < nforms; i++) {
		if (forms[i].html != NULL && forms[i].plan_id == plan_id && forms[i].paper == paper)
			return &forms[i];
		if (forms[i].html == NULL && f == NULL)
			f = &forms[i];
	}
	if (f == NULL && nforms < SURVEY_FORM_CACHE)
		f = &forms[nforms++];
	if (f == NULL) { /* full: one goes, in turn */
		f = &forms[next_victim++ % SURVEY_FORM_CACHE];
		survey_form_forget(f);
	}
	return survey_form_make(db, plan_id, paper, f, err) == 0 ? f : NULL;
}
