/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_link.h"
#include "api/api_survey.h"
#include "core/daemon.h"
#include "store/plan_write.h"
#include "store/survey_store.h"

/*
 * POST /api/v1/plans/{slug}/survey/link: the public form's URL (/survey/<secret>), made at the
 * first call and the same at every call after (derived from the link key, like the other
 * links), until rotate makes a new one and the old one dies. Also the form marked "paper",
 * for staff typing in questionnaires filled in by hand.
 */

/* The form's secret of ROW: shown again, or made and stored. *MADE set when made. */
static int survey_link_secret(struct request *r, struct survey_row *row, int rotate,
			      char secret[FEED_SECRET_LEN + 1], int *made, struct error *err)
{
	struct db *db = r->daemon->db;
	char what[200];
	struct link_ref l = { LINK_SURVEY,
			      row->plan_id,
			      0,
			      row->gen,
			      row->hash,
			      what,
			      "qweek survey link --rotate" };
	struct plan_write w;

	*made = 0;
	snprintf(what, sizeof what, "plan %s's survey form", r->plan->slug);
	if (row->gen != 0 && !rotate)
		return api_link_show(db, &l, secret, err);
	if (plan_write_begin(&w, db, row->plan_id, err) == -1)
		return -1;
	if (api_link_make(db, LINK_SURVEY, row->plan_id, 0, &row->gen, secret, row->hash, err) ==
		    -1 ||
	    store_survey_link_put(db, row->plan_id, row->gen, row->hash, err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	*made = 1;
	return 0;
}

int api_survey_link_url(struct request *r, char *url, size_t len, int rotate, int *made,
			struct error *err)
{
	struct survey_row row = { 0 };
	char secret[FEED_SECRET_LEN + 1] = "";
	int found = store_survey_get(r->daemon->db, r->plan->id, &row, err), rc = -1;

	free(row.source);
	if (found == 0)
		return error_set(err, ERR_NOT_FOUND,
				 "plan %s has no questionnaire yet, so its form has no link: "
				 "qweek survey new --template NAME or --file FILE first",
				 r->plan->slug);
	if (found == 1 && survey_link_secret(r, &row, rotate, secret, made, err) == 0) {
		api_link_url(&r->daemon->config, "/survey/", secret, "", url, len);
		rc = 0;
	}
	explicit_bzero(secret, sizeof secret);
	return rc;
}

int api_survey_link(struct request *r, struct error *err)
{
	char url[600], paper[640];
	int rotate, made;

	if (api_link_rotate(r, "a survey link request", &rotate, err) == -1 ||
	    api_survey_link_url(r, url, sizeof url, rotate, &made, err) == -1)
		return -1;
	snprintf(paper, sizeof paper, "%s?paper=1", url);
	r->status = made ? 201 : 200;
	r->reply = json_pack("{s:s, s:s, s:s, s:b}", "plan", r->plan->slug, "url", url, "paper",
			     paper, "rotated", made && rotate);
	return r->reply != NULL ? 0 : error_set(err, ERR_INTERNAL, "out of memory");
}
