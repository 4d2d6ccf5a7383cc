/* SPDX-License-Identifier: MIT */
/*
 * The survey's public pages: the form at /survey/<secret> (one column, large controls, no
 * script, in the plan's language), the thanks that leads back to an empty form, a refusal; and
 * the printable poster and paper questionnaire.
 */
#ifndef QWEEK_SURVEY_FORM_H
#define QWEEK_SURVEY_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "store/db.h"
#include "store/store.h"
#include "survey/survey.h"

#define SURVEY_FORM_TOKEN_MARK	"\x01TOKEN\x01"	 /* where the form's token goes */
#define SURVEY_FORM_THANKS_MARK "\x01THANKS\x01" /* and the thanks, after a response */

/* The Content-Security-Policy of these pages: their one style sheet, forms to themselves. */
const char *survey_form_csp(void);

/* The form of S for plan P (PAPER: marked as a paper questionnaire typed in), with the mark. */
void survey_form_render(struct buf *b, const struct plan *p, const struct survey *s, int paper);

/*
 * The thanks after a response, at the top of an empty form: the lobby tablet is ready for the
 * next visitor at once (no timed refresh, which a slow reader could not stop).
 */
void survey_form_thanks(struct buf *b, const char *lang);

/* A refusal: TEXT, and DETAIL (escaped) when not NULL, with a link to a new form at BACK. */
void survey_form_refusal(struct buf *b, const char *lang, const char *text, const char *detail,
			 const char *back);

/* The kept form of PLAN_ID (NULL with ERR); forgotten when the plan changes. */
struct survey_form_page {
	int64_t plan_id;
	int paper;
	char lang[8];
	char *html; /* with SURVEY_FORM_THANKS_MARK, then SURVEY_FORM_TOKEN_MARK, once each */
	size_t len, thanks, mark;
};
const struct survey_form_page *survey_form_cache_get(struct db *db, int64_t plan_id, int paper,
						     struct error *err);

/* survey_print.c: the A4 poster with the QR code of URL, and the paper questionnaire. */
void survey_poster(struct buf *b, const struct plan *p, const struct survey *s, const char *url);
void survey_print(struct buf *b, const struct plan *p, const struct survey *s);

#endif
