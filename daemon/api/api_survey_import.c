/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_survey.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "store/survey_store.h"
#include "survey/survey_import.h"
#include "survey/survey_save.h"

/*
 * POST /api/v1/plans/{slug}/survey/import: a table of responses (CSV, the body as it is).
 * Every row is accounted for (imported, empty, refused with why); when a row is refused nothing
 * is stored unless skip_bad=1; dry_run=1 stores nothing. All imported rows in one transaction.
 */

static const char *const survey_actions[] = { "import", "empty", "refused" };

static json_t *survey_import_json(const struct survey_import *im, const struct survey *s, int dry,
				  int stored)
{
	json_t *rows = json_array(), *cols = json_array();

	for (size_t i = 0; rows != NULL && i < im->nrows; i++) {
		const struct survey_import_row *r = &im->rows[i];
		json_array_append_new(rows,
				      json_pack("{s:I, s:s, s:s?}", "row", (json_int_t)r->line,
						"action", survey_actions[r->action], "why",
						r->action == SURVEY_ROW_REFUSED ? r->why : NULL));
	}
	for (size_t c = 0; cols != NULL && c < im->ncolumns; c++)
		json_array_append_new(
			cols, json_pack("{s:s, s:s?}", "column", im->columns[c], "question",
					im->question[c] >= 0 ? s->q[im->question[c]].id : NULL));
	return json_pack("{s:I, s:I, s:b, s:o, s:o}", "imported",
			 (json_int_t)(stored ? im->nimport : 0), "refused",
			 (json_int_t)im->nrefused, "dry_run", dry, "columns",
			 cols ? cols : json_array(), "rows", rows ? rows : json_array());
}

static int survey_import_store(struct request *r, const struct survey *s,
			       const struct survey_import *im, struct error *err)
{
	struct survey_given **rows = calloc(im->nimport + 1, sizeof *rows);
	size_t n = 0;
	int rc;

	if (rows == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	for (size_t i = 0; i < im->nrows; i++)
		if (im->rows[i].action == SURVEY_ROW_IMPORT)
			rows[n++] = im->rows[i].given;
	rc = survey_save_many(r->daemon->db, r->plan->id, s, rows, n, clock_now(), err);
	free(rows);
	return rc;
}

int api_survey_import(struct request *r, struct error *err)
{
	const char *dry_q = http_query(r, "dry_run"), *skip_q = http_query(r, "skip_bad");
	int dry = dry_q != NULL && strcmp(dry_q, "1") == 0,
	    skip = skip_q != NULL && strcmp(skip_q, "1") == 0;
	struct survey_row row = { 0 };
	struct survey_import *im = NULL;
	struct survey *s = NULL;
	const char *body;
	size_t len;
	int found, stored = 0, rc = -1;

	if (http_query_only(r, "dry_run|skip_bad|x", err) == -1)
		return -1;
	body = http_body(r, &len);
	if ((found = store_survey_get(r->daemon->db, r->plan->id, &row, err)) == 0)
		error_set(err, ERR_NOT_FOUND,
			  "plan %s has no questionnaire to import responses "
			  "to: qweek survey new first",
			  r->plan->slug);
	if (found == 1 && (s = survey_parse(row.source, strlen(row.source), r->plan->lang, err)) &&
	    (im = survey_import_read(s, body != NULL ? body : "", len, err)) != NULL) {
		stored = !dry && (im->nrefused == 0 || skip) && im->nimport > 0;
		if (!stored || survey_import_store(r, s, im, err) == 0) {
			r->reply = survey_import_json(im, s, dry, stored);
			r->status = im->nrefused > 0 && !skip && !dry ? 422 : 200;
			if (r->status == 422)
				json_object_set_new(
					r->reply, "error",
					json_pack(
						"{s:s, s:s}", "code", "invalid", "message",
						"rows of the table cannot be read (listed above): "
						"nothing was imported; correct them, or import "
						"the others with --skip-bad"));
			rc = 0;
		}
	}
	survey_import_free(im, s);
	survey_free(s);
	free(row.source);
	return rc;
}
