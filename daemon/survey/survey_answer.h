/* SPDX-License-Identifier: MIT */
/*
 * One response as sent (the form's fields, or a row of an imported table) checked against the
 * questionnaire: every answer one of the question's options, or a number, or text within its
 * limit; every required question answered. Nothing is stored from a response with a problem.
 */
#ifndef QWEEK_SURVEY_ANSWER_H
#define QWEEK_SURVEY_ANSWER_H

#include <stddef.h>
#include <stdint.h>

#include "survey/survey.h"

/* A form field: "q3" = "2" (question 3's option 2), "q8" = "text". */
struct survey_field {
	const char *name, *value;
};

/* The answer to one question: options chosen (bit 0: the first), or the value typed. */
struct survey_given {
	int answered;
	int64_t mask;
	char *value; /* malloc'd: the text or number, NULL for a choice */
};

enum survey_problem {
	SURVEY_OK,
	SURVEY_UNKNOWN_FIELD,  /* a field that is no question of the form */
	SURVEY_UNKNOWN_OPTION, /* not one of the question's options */
	SURVEY_TWO_ANSWERS,    /* two answers to a question of one answer */
	SURVEY_REQUIRED,       /* a required question left unanswered */
	SURVEY_NOT_NUMBER,
	SURVEY_TOO_LONG,
	SURVEY_NOT_TEXT, /* control characters, or not UTF-8 */
	SURVEY_NOTHING,	 /* no question answered at all */
};

/* What is wrong and where: the question's index (-1: none) and what was sent (cut short). */
struct survey_check {
	enum survey_problem problem;
	int question;
	char what[120];
};

/*
 * Reads the N fields F (names "q1"... by the questions' order; IGNORE: other names allowed,
 * "t|paper") into OUT (S->nq entries, zeroed by the caller; free with survey_given_free).
 * SURVEY_OK, or the first problem with CHECK filled.
 */
enum survey_problem survey_answer_read(const struct survey *s, const struct survey_field *f,
				       size_t n, const char *ignore, struct survey_given *out,
				       struct survey_check *check);
void survey_given_free(struct survey_given *g, size_t n);

/* The problem in English, for the API and the command line: "question 3: «7» is not ...". */
void survey_check_text(const struct survey *s, const struct survey_check *c, char *buf, size_t len);

#endif
