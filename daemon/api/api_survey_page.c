/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_survey.h"
#include "api/report_http.h"
#include "core/daemon.h"
#include "report/survey_form.h"
#include "store/survey_store.h"

/*
 * GET /api/v1/plans/{slug}/survey/page?what=poster|print: printable pages (HTML, A4, print to
 * PDF from a browser): the poster with the QR code of the form's link and a line of invitation,
 * or the questionnaire on paper for those who answer by hand.
 */

int api_survey_page(struct request *r, struct error *err)
{
	const char *what = http_query(r, "what");
	int poster = what != NULL && strcmp(what, "poster") == 0, made;
	struct survey_row row = { 0 };
	struct survey *s = NULL;
	char url[600];
	struct buf b;
	int found;

	if (http_query_only(r, "what", err) == -1)
		return -1;
	if (!poster && (what == NULL || strcmp(what, "print") != 0))
		return error_set(err, ERR_INVALID, "what «%s»: use poster or print",
				 what != NULL ? what : "");
	if ((found = store_survey_get(r->daemon->db, r->plan->id, &row, err)) == 0)
		error_set(err, ERR_NOT_FOUND,
			  "plan %s has no questionnaire yet: qweek survey new --template NAME or "
			  "--file FILE first",
			  r->plan->slug);
	if (found == 1)
		s = survey_parse(row.source, strlen(row.source), r->plan->lang, err);
	free(row.source);
	if (s == NULL || (poster && api_survey_link_url(r, url, sizeof url, 0, &made, err) == -1)) {
		survey_free(s);
		return -1;
	}
	buf_init(&b, 32768);
	if (poster)
		survey_poster(&b, r->plan, s, url);
	else
		survey_print(&b, r->plan, s);
	survey_free(s);
	report_http_send(r, 200, "text/html; charset=utf-8", &b);
	return 0;
}
