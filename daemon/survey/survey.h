/* SPDX-License-Identifier: MIT */
/*
 * A plan's questionnaire: the plain-text format a deputy director writes (docs/survey-format.md)
 * parsed into questions, and the built-in templates taken from the seeds.
 */
#ifndef QWEEK_SURVEY_H
#define QWEEK_SURVEY_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

#define SURVEY_MAX_QUESTIONS 100
#define SURVEY_MAX_OPTIONS   40	  /* a choice is a bit of an int64 mask */
#define SURVEY_MAX_TEXT	     1000 /* characters of a free answer, as the form's maxlength */
#define SURVEY_MAX_SOURCE    (64 * 1024)

enum survey_kind { SURVEY_SINGLE, SURVEY_MULTIPLE, SURVEY_SCALE, SURVEY_NUMBER, SURVEY_TEXT };

struct survey_question {
	char *id;   /* as numbered in the text: "1", "14а" */
	char *text; /* the question */
	enum survey_kind kind;
	int required;
	int section; /* index into sections, -1 before the first */
	char **options;
	size_t noptions;
};

struct survey {
	char *title, *intro;
	char **sections;
	size_t nsections;
	struct survey_question *q;
	size_t nq;
};

/*
 * Parses the questionnaire TEXT (LEN bytes, UTF-8); a scale without options gets the usual
 * three in LANG ("полностью / частично / затрудняюсь ответить"). NULL with ERR (422) naming the
 * line and what is wrong with it.
 */
struct survey *survey_parse(const char *text, size_t len, const char *lang, struct error *err);
void survey_free(struct survey *s);

/* The question whose id is ID ("7"), or NULL. */
const struct survey_question *survey_find(const struct survey *s, const char *id, size_t *index);

/* "single", "multiple", "scale", "number", "text". */
const char *survey_kind_name(enum survey_kind k);

/* survey_templates.c: the built-in template NAME's text, or NULL; and the list, NULL-ended. */
struct survey_template {
	const char *name, *lang, *summary, *text;
};
const struct survey_template *survey_template(const char *name);
const struct survey_template *survey_templates(void);

#endif
