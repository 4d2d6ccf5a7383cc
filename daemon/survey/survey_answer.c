/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey/survey_answer.h"
#include "utf8.h"

static enum survey_problem survey_problem_at(struct survey_check *c, enum survey_problem p,
					     int question, const char *what)
{
	c->problem = p;
	c->question = question;
	snprintf(c->what, sizeof c->what, "%s", what != NULL ? what : "");
	return p;
}

/* "q12" -> 11 (the index), or -1. */
static int survey_field_index(const struct survey *s, const char *name)
{
	char *end;
	long v;

	if (name[0] != 'q' || name[1] < '1' || name[1] > '9')
		return -1;
	v = strtol(name + 1, &end, 10);
	return *end == '\0' && v >= 1 && (size_t)v <= s->nq ? (int)v - 1 : -1;
}

static int survey_ignored(const char *ignore, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = ignore; p != NULL && *p != '\0'; p += strcspn(p, "|"), p += *p == '|')
		if (strncmp(p, name, n) == 0 && (p[n] == '|' || p[n] == '\0'))
			return 1;
	return 0;
}

/* The text VALUE cleaned (CRLF as LF, trimmed) into *OUT, NULL when empty. */
static enum survey_problem survey_text(const char *value, char **out)
{
	size_t len = strlen(value), n = 0, start;
	char *t;

	*out = NULL;
	if (!utf8_valid(value, len))
		return SURVEY_NOT_TEXT;
	if (utf8_length(value) > SURVEY_MAX_TEXT)
		return SURVEY_TOO_LONG;
	if ((t = malloc(len + 1)) == NULL)
		return SURVEY_NOT_TEXT;
	for (const char *p = value; *p != '\0'; p++) {
		if (*p == '\r')
			continue;
		if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') {
			free(t);
			return SURVEY_NOT_TEXT;
		}
		t[n++] = *p;
	}
	while (n > 0 && strchr(" \n\t", t[n - 1]) != NULL)
		n--;
	t[n] = '\0';
	start = strspn(t, " \n\t");
	memmove(t, t + start, n + 1 - start);
	if (*t == '\0')
		free(t);
	else
		*out = t;
	return SURVEY_OK;
}

/* A number as typed ("12", "3,5", "-1"): "3.5" into *OUT. */
static enum survey_problem survey_number(const char *value, char **out)
{
	char *t, *end;

	if (survey_text(value, &t) != SURVEY_OK || t == NULL) {
		*out = NULL;
		return t == NULL && *value != '\0' ? SURVEY_NOT_NUMBER : SURVEY_OK;
	}
	for (char *p = t; *p != '\0'; p++)
		if (*p == ',')
			*p = '.';
	(void)strtod(t, &end);
	if (*end != '\0' || strlen(t) > 15 || strchr(t, 'x') || strchr(t, 'X') ||
	    strpbrk(t, "iInN") != NULL) {
		free(t);
		return SURVEY_NOT_NUMBER;
	}
	*out = t;
	return SURVEY_OK;
}

/* Option VALUE ("1"-based) of question Q into G. */
static enum survey_problem survey_choice(const struct survey_question *q, const char *value,
					 struct survey_given *g)
{
	char *end;
	long v;

	if (*value == '\0')
		return SURVEY_OK; /* an option left empty: no answer */
	v = strtol(value, &end, 10);
	if (*end != '\0' || value[0] < '1' || value[0] > '9' || v < 1 || (size_t)v > q->noptions)
		return SURVEY_UNKNOWN_OPTION;
	if (q->kind != SURVEY_MULTIPLE && g->mask != 0 && g->mask != ((int64_t)1 << (v - 1)))
		return SURVEY_TWO_ANSWERS;
	g->mask |= (int64_t)1 << (v - 1);
	g->answered = 1;
	return SURVEY_OK;
}

static enum survey_problem survey_one(const struct survey_question *q, const char *value,
				      struct survey_given *g)
{
	enum survey_problem p;
	char *v = NULL;

	if (q->noptions > 0)
		return survey_choice(q, value, g);
	if (g->value != NULL)
		return SURVEY_TWO_ANSWERS;
	p = q->kind == SURVEY_NUMBER ? survey_number(value, &v) : survey_text(value, &v);
	g->value = v;
	g->answered = v != NULL;
	return p;
}

enum survey_problem survey_answer_read(const struct survey *s, const struct survey_field *f,
				       size_t n, const char *ignore, struct survey_given *out,
				       struct survey_check *check)
{
	enum survey_problem p;
	int any = 0, i;

	for (size_t k = 0; k < n; k++) {
		if ((i = survey_field_index(s, f[k].name)) == -1) {
			if (survey_ignored(ignore, f[k].name))
				continue;
			return survey_problem_at(check, SURVEY_UNKNOWN_FIELD, -1, f[k].name);
		}
		if ((p = survey_one(&s->q[i], f[k].value, &out[i])) != SURVEY_OK)
			return survey_problem_at(check, p, i, f[k].value);
	}
	for (size_t q = 0; q < s->nq; q++) {
		any |= out[q].answered;
		if (s->q[q].required && !out[q].answered)
			return survey_problem_at(check, SURVEY_REQUIRED, (int)q, "");
	}
	if (!any)
		return survey_problem_at(check, SURVEY_NOTHING, -1, "");
	return survey_problem_at(check, SURVEY_OK, -1, "");
}

void survey_given_free(struct survey_given *g, size_t n)
{
	for (size_t i = 0; g != NULL && i < n; i++)
		free(g[i].value);
}

void survey_check_text(const struct survey *s, const struct survey_check *c, char *buf, size_t len)
{
	static const char *const why[] = {
		[SURVEY_UNKNOWN_FIELD] = "is no question of the questionnaire",
		[SURVEY_UNKNOWN_OPTION] = "is not one of its options",
		[SURVEY_TWO_ANSWERS] = "is a second answer to a question of one answer",
		[SURVEY_REQUIRED] = "must be answered",
		[SURVEY_NOT_NUMBER] = "is not a number",
		[SURVEY_TOO_LONG] = "is longer than 1000 characters",
		[SURVEY_NOT_TEXT] = "is not text (control characters, or not UTF-8)",
		[SURVEY_NOTHING] = "no question is answered",
	};
	const char *w =
		c->problem > SURVEY_OK && c->problem <= SURVEY_NOTHING ? why[c->problem] : "?";

	if (c->question < 0)
		snprintf(buf, len, c->problem == SURVEY_NOTHING ? "%s%s" : "«%s» %s", c->what, w);
	else if (c->problem == SURVEY_REQUIRED)
		snprintf(buf, len, "question %s («%.60s») %s", s->q[c->question].id,
			 s->q[c->question].text, w);
	else
		snprintf(buf, len, "question %s («%.60s»): «%s» %s", s->q[c->question].id,
			 s->q[c->question].text, c->what, w);
}
