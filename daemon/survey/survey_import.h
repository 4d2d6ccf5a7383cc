/* SPDX-License-Identifier: MIT */
/*
 * A table of responses (CSV: one row per respondent, a column per question, as Google Forms or
 * LimeSurvey export it, or typed by hand) read against the questionnaire, every row accounted
 * for: imported, empty, or refused with why.
 */
#ifndef QWEEK_SURVEY_IMPORT_H
#define QWEEK_SURVEY_IMPORT_H

#include <stddef.h>

#include "core/error.h"
#include "survey/survey_answer.h"

enum survey_row_action { SURVEY_ROW_IMPORT, SURVEY_ROW_EMPTY, SURVEY_ROW_REFUSED };

struct survey_import_row {
	size_t line; /* the row's number in the file (the header is 1) */
	enum survey_row_action action;
	char why[300];
	struct survey_given *given; /* S->nq answers when imported */
};

struct survey_import {
	char **columns; /* the header's cells */
	int *question;	/* per column: the question's index, or -1 (ignored) */
	size_t ncolumns;
	struct survey_import_row *rows;
	size_t nrows, nimport, nrefused;
};

/* Reads the LEN bytes of TEXT against S: NULL with ERR when it is no table at all. */
struct survey_import *survey_import_read(const struct survey *s, const char *text, size_t len,
					 struct error *err);
void survey_import_free(struct survey_import *im, const struct survey *s);

#endif
