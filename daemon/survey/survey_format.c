/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "survey/survey.h"
#include "utf8.h"

/*
 * The questionnaire format, line by line (docs/survey-format.md):
 *   # a comment              title: ...   intro: ...
 *   ## A section
 *   7. The question [kind] *  (kind: single, multiple, scale, number, text or their ru/uk
 *                              words; "*": an answer is required)
 *   - an option              (under a question of choice)
 * A question without a kind is a single choice when options follow, else free text.
 */

struct parse {
	struct survey *s;
	const char *lang;
	int line;
	struct error *err;
};

static const struct {
	const char *word;
	enum survey_kind kind;
} survey_kind_words[] = {
	{ "single", SURVEY_SINGLE },	  { "один", SURVEY_SINGLE },
	{ "одна", SURVEY_SINGLE },	  { "multiple", SURVEY_MULTIPLE },
	{ "несколько", SURVEY_MULTIPLE }, { "кілька", SURVEY_MULTIPLE },
	{ "scale", SURVEY_SCALE },	  { "шкала", SURVEY_SCALE },
	{ "number", SURVEY_NUMBER },	  { "число", SURVEY_NUMBER },
	{ "text", SURVEY_TEXT },	  { "текст", SURVEY_TEXT },
};

const char *survey_kind_name(enum survey_kind k)
{
	static const char *const names[] = { "single", "multiple", "scale", "number", "text" };

	return names[k];
}

static int survey_fail(struct parse *p, const char *what, const char *text)
{
	return error_set(p->err, ERR_INVALID, "line %d of the questionnaire («%.80s»): %s", p->line,
			 text, what);
}

/* S trimmed of spaces at both ends, in place. */
static char *survey_trim(char *s)
{
	size_t n;

	s += strspn(s, " \t");
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

static int survey_push(void *arr, size_t *n, size_t size, const void *elem)
{
	void **a = arr;
	char *grown = realloc(*a, (*n + 1) * size);

	if (grown == NULL)
		return -1;
	memcpy(grown + *n * size, elem, size);
	*a = grown;
	(*n)++;
	return 0;
}

/* "title: x" and "intro: x": 1 when LINE is one of them, -1 on error, 0 otherwise. */
static int survey_header(struct parse *p, char *line)
{
	char **field = strncmp(line, "title:", 6) == 0 ? &p->s->title :
		       strncmp(line, "intro:", 6) == 0 ? &p->s->intro :
							 NULL;

	if (field == NULL)
		return 0;
	free(*field);
	*field = strdup(survey_trim(line + 6));
	return *field != NULL ? 1 : survey_fail(p, "out of memory", line);
}

/* "[kind]" and "*" at the end of the question TEXT, taken off it. */
static int survey_suffix(struct parse *p, char *text, struct survey_question *q, int *kind_set)
{
	size_t n = strlen(text);
	char *open;

	if (n > 0 && text[n - 1] == '*') {
		q->required = 1;
		text[--n] = '\0';
		survey_trim(text);
		n = strlen(text);
	}
	if (n == 0 || text[n - 1] != ']' || (open = strrchr(text, '[')) == NULL)
		return 0;
	text[n - 1] = '\0';
	for (size_t i = 0; i < sizeof survey_kind_words / sizeof *survey_kind_words; i++) {
		if (strcmp(survey_trim(open + 1), survey_kind_words[i].word) == 0) {
			q->kind = survey_kind_words[i].kind;
			*kind_set = 1;
			*open = '\0';
			survey_trim(text);
			return 0;
		}
	}
	return survey_fail(p,
			   "the kind in brackets is none of single, multiple, scale, number, text "
			   "(один, несколько, шкала, число, текст)",
			   open);
}

/* The usual answers of a scale, in LANG. */
static const char *const *survey_scale_words(const char *lang)
{
	static const char *const ru[] = { "полностью", "частично", "затрудняюсь ответить", NULL };
	static const char *const uk[] = { "повністю", "частково", "важко відповісти", NULL };
	static const char *const en[] = { "fully", "partly", "hard to say", NULL };

	if (lang != NULL && strcmp(lang, "uk") == 0)
		return uk;
	return lang != NULL && strcmp(lang, "en") == 0 ? en : ru;
}

/* The last question, finished: its kind settled and its options checked. */
static int survey_close(struct parse *p, int kind_set)
{
	struct survey_question *q;

	if (p->s->nq == 0)
		return 0;
	q = &p->s->q[p->s->nq - 1];
	if (!kind_set)
		q->kind = q->noptions > 0 ? SURVEY_SINGLE : SURVEY_TEXT;
	if (q->kind == SURVEY_SCALE && q->noptions == 0) {
		for (const char *const *w = survey_scale_words(p->lang); *w != NULL; w++) {
			char *o = strdup(*w);
			if (o == NULL ||
			    survey_push(&q->options, &q->noptions, sizeof o, &o) == -1) {
				free(o);
				return survey_fail(p, "out of memory", q->text);
			}
		}
	}
	if ((q->kind == SURVEY_SINGLE || q->kind == SURVEY_MULTIPLE) && q->noptions < 2)
		return error_set(p->err, ERR_INVALID,
				 "question %s («%.80s») is a choice but has %zu option%s: write "
				 "each option on a line of its own after it, starting with «- »",
				 q->id, q->text, q->noptions, q->noptions == 1 ? "" : "s");
	if ((q->kind == SURVEY_NUMBER || q->kind == SURVEY_TEXT) && q->noptions > 0)
		return error_set(p->err, ERR_INVALID,
				 "question %s («%.80s») is answered with a %s, so it takes no "
				 "options (or write [single] or [multiple] after it)",
				 q->id, q->text, q->kind == SURVEY_NUMBER ? "number" : "text");
	return 0;
}

/* "12. text" or "12а) text": the length of the id, or 0 when LINE is no question. */
static size_t survey_qid(const char *line)
{
	size_t n = strspn(line, "0123456789");

	if (n == 0)
		return 0;
	while (line[n] != '\0' && line[n] != '.' && line[n] != ')' && line[n] != ' ' && n < 12)
		n++;
	return (line[n] == '.' || line[n] == ')') && (line[n + 1] == ' ' || line[n + 1] == '\t') ?
		       n :
		       0;
}

static int survey_question(struct parse *p, char *line, size_t idlen, int *kind_set)
{
	struct survey_question q = { .section = (int)p->s->nsections - 1 };
	char *text = survey_trim(line + idlen + 1);

	*kind_set = 0;
	if (p->s->nq >= SURVEY_MAX_QUESTIONS)
		return survey_fail(p, "more than 100 questions", line);
	line[idlen] = '\0';
	if (survey_find(p->s, line, NULL) != NULL)
		return survey_fail(p, "a question with this number is already above", line);
	if (survey_suffix(p, text, &q, kind_set) == -1)
		return -1;
	if (*text == '\0')
		return survey_fail(p, "the question has no text", line);
	if ((q.id = strdup(line)) == NULL || (q.text = strdup(text)) == NULL ||
	    survey_push(&p->s->q, &p->s->nq, sizeof q, &q) == -1) {
		free(q.id);
		free(q.text);
		return survey_fail(p, "out of memory", line);
	}
	return 0;
}

static int survey_option(struct parse *p, char *line)
{
	struct survey_question *q = p->s->nq > 0 ? &p->s->q[p->s->nq - 1] : NULL;
	char *o, *text = survey_trim(line + 1);

	if (q == NULL)
		return survey_fail(p, "an option before any question", line);
	if (q->noptions >= SURVEY_MAX_OPTIONS)
		return survey_fail(p, "more than 40 options to one question", line);
	if (*text == '\0')
		return survey_fail(p, "the option has no text", line);
	for (size_t i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i], text) == 0)
			return survey_fail(p, "this option is already given to the question", line);
	if ((o = strdup(text)) == NULL ||
	    survey_push(&q->options, &q->noptions, sizeof o, &o) == -1) {
		free(o);
		return survey_fail(p, "out of memory", line);
	}
	return 0;
}

static int survey_section(struct parse *p, char *line, int *kind_set)
{
	char *s, *text = survey_trim(line + 2);

	if (survey_close(p, *kind_set) == -1)
		return -1;
	*kind_set = 1; /* nothing open any more */
	if (*text == '\0')
		return survey_fail(p, "the section has no heading", line);
	if ((s = strdup(text)) == NULL ||
	    survey_push(&p->s->sections, &p->s->nsections, sizeof s, &s) == -1) {
		free(s);
		return survey_fail(p, "out of memory", line);
	}
	return 0;
}

/* One line (trimmed, not empty); KIND_SET tells whether the open question has its kind. */
static int survey_line(struct parse *p, char *line, int *kind_set)
{
	size_t idlen;
	int rc;

	if (strncmp(line, "##", 2) == 0)
		return survey_section(p, line, kind_set);
	if (*line == '#')
		return 0;
	if ((rc = survey_header(p, line)) != 0)
		return rc == 1 ? 0 : -1;
	if (*line == '-' && (line[1] == ' ' || line[1] == '\t'))
		return survey_option(p, line);
	if ((idlen = survey_qid(line)) > 0) {
		if (survey_close(p, *kind_set) == -1)
			return -1;
		return survey_question(p, line, idlen, kind_set);
	}
	return survey_fail(p,
			   "not a question («7. Text [kind]»), an option («- text»), a section "
			   "(«## Heading»), a comment («# ...») or title:/intro:",
			   line);
}

static int survey_lines(struct parse *p, char *text)
{
	int kind_set = 1;

	for (char *next, *line = text; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		p->line++;
		line[strcspn(line, "\r")] = '\0';
		line = survey_trim(line);
		if (*line != '\0' && survey_line(p, line, &kind_set) == -1)
			return -1;
	}
	return survey_close(p, kind_set);
}

struct survey *survey_parse(const char *text, size_t len, const char *lang, struct error *err)
{
	struct parse p = { .lang = lang, .err = err };
	char *copy;

	if (len > SURVEY_MAX_SOURCE) {
		error_set(err, ERR_TOO_LARGE,
			  "the questionnaire is %zu KiB, more than the %d KiB "
			  "a questionnaire may take: is it the right file?",
			  len >> 10, SURVEY_MAX_SOURCE >> 10);
		return NULL;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!utf8_valid(text, len)) {
		error_set(err, ERR_INVALID,
			  "the questionnaire is not UTF-8 text (save it as UTF-8)");
		return NULL;
	}
	if ((p.s = calloc(1, sizeof *p.s)) == NULL || (copy = strndup(text, len)) == NULL) {
		free(p.s);
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	if (survey_lines(&p, copy) == 0 && p.s->nq == 0)
		error_set(err, ERR_INVALID,
			  "the questionnaire has no questions («1. Text [kind]»)");
	free(copy);
	if (err->kind != ERR_NONE) {
		survey_free(p.s);
		return NULL;
	}
	return p.s;
}

void survey_free(struct survey *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nq; i++) {
		for (size_t o = 0; o < s->q[i].noptions; o++)
			free(s->q[i].options[o]);
		free(s->q[i].options);
		free(s->q[i].id);
		free(s->q[i].text);
	}
	for (size_t i = 0; i < s->nsections; i++)
		free(s->sections[i]);
	free(s->sections);
	free(s->q);
	free(s->title);
	free(s->intro);
	free(s);
}

const struct survey_question *survey_find(const struct survey *s, const char *id, size_t *index)
{
	for (size_t i = 0; i < s->nq; i++) {
		if (strcmp(s->q[i].id, id) == 0) {
			if (index != NULL)
				*index = i;
			return &s->q[i];
		}
	}
	return NULL;
}
