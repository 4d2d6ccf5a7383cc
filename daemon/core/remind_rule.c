/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/remind_rule.h"
#include "core/rules.h"
#include "utf8.h"

/* Reminder rules: parsed from what people type, written back in one canonical form. */

static const struct {
	const char *word;
	enum remind_type type;
	int64_t unit;
} remind_units[] = {
	{ "m", REMIND_BEFORE_SEC, 60 },	    { "min", REMIND_BEFORE_SEC, 60 },
	{ "мин", REMIND_BEFORE_SEC, 60 },   { "хв", REMIND_BEFORE_SEC, 60 },
	{ "h", REMIND_BEFORE_SEC, 3600 },   { "ч", REMIND_BEFORE_SEC, 3600 },
	{ "год", REMIND_BEFORE_SEC, 3600 }, { "d", REMIND_BEFORE_DAYS, 1 },
	{ "д", REMIND_BEFORE_DAYS, 1 },	    { "дн", REMIND_BEFORE_DAYS, 1 },
	{ "w", REMIND_BEFORE_DAYS, 7 },	    { "нед", REMIND_BEFORE_DAYS, 7 },
	{ "тиж", REMIND_BEFORE_DAYS, 7 },
};

static const struct {
	const char *word;
	enum remind_section sec;
} remind_sections[] = {
	{ "events", REMIND_SEC_EVENTS },       { "event", REMIND_SEC_EVENTS },
	{ "события", REMIND_SEC_EVENTS },      { "події", REMIND_SEC_EVENTS },
	{ "deadlines", REMIND_SEC_DEADLINES }, { "deadline", REMIND_SEC_DEADLINES },
	{ "сроки", REMIND_SEC_DEADLINES },     { "терміни", REMIND_SEC_DEADLINES },
	{ "overdue", REMIND_SEC_OVERDUE },     { "просрочено", REMIND_SEC_OVERDUE },
	{ "прострочено", REMIND_SEC_OVERDUE }, { "default", REMIND_SEC_DEFAULT },
};

static const char *const remind_director_words[] = { "director", "директор", "директорка" };

void remind_rules_default(struct remind_rules *out)
{
	memset(out, 0, sizeof *out);
	for (const struct rule *r = rules_default; r->name != NULL; r++) {
		struct remind_list *l = r->kind == RULE_DEADLINE ? &out->deadlines : &out->events;
		struct remind_rule *x;

		if (l->n == REMIND_LIST_MAX)
			continue;
		x = &l->r[l->n++];
		if (r->at_local >= 0) {
			x->type = REMIND_ON_DAY;
			x->amount = r->at_local;
		} else if (r->before_sec % 86400 == 0) {
			x->type = REMIND_BEFORE_DAYS;
			x->amount = r->before_sec / 86400;
		} else {
			x->type = REMIND_BEFORE_SEC;
			x->amount = r->before_sec;
		}
	}
	out->overdue_at = REMIND_MORNING;
}

void remind_rule_name(const struct remind_rule *r, char buf[REMIND_NAME_LEN])
{
	int a = (int)r->amount; /* parsing keeps it within days of seconds */

	switch (r->type) {
	case REMIND_BEFORE_SEC:
		if (a % 3600 == 0)
			snprintf(buf, REMIND_NAME_LEN, "%dh", a / 3600);
		else
			snprintf(buf, REMIND_NAME_LEN, "%dm", a / 60);
		break;
	case REMIND_BEFORE_DAYS:
		if (a % 7 == 0)
			snprintf(buf, REMIND_NAME_LEN, "%dw", a / 7);
		else
			snprintf(buf, REMIND_NAME_LEN, "%dd", a);
		break;
	case REMIND_ON_DAY:
		snprintf(buf, REMIND_NAME_LEN, "%02d:%02d", a / 3600 % 24, a / 60 % 60);
		break;
	}
}

/* "09:00", "9:00", "9.00": seconds after midnight, or -1. */
static int parse_clock(const char *w)
{
	int h, m, n = 0;

	if (sscanf(w, "%2d%*[:.]%2d%n", &h, &m, &n) != 2 || w[n] != '\0' || n < 4)
		return -1;
	if (h < 0 || h > 23 || m < 0 || m > 59 || !isdigit((unsigned char)w[n - 1]))
		return -1;
	return h * 3600 + m * 60;
}

/* One word: "2h", "1d", "09:00". 0, or -1. */
static int parse_word(const char *w, struct remind_rule *r)
{
	char *end;
	long n;
	int at;

	if ((at = parse_clock(w)) >= 0) {
		r->type = REMIND_ON_DAY;
		r->amount = at;
		return 0;
	}
	if (!isdigit((unsigned char)*w))
		return -1;
	n = strtol(w, &end, 10);
	if (n <= 0 || n > 100000)
		return -1;
	for (size_t i = 0; i < sizeof remind_units / sizeof remind_units[0]; i++) {
		if (strcmp(end, remind_units[i].word) != 0)
			continue;
		r->type = remind_units[i].type;
		r->amount = n * remind_units[i].unit;
		if (r->type == REMIND_BEFORE_DAYS ? r->amount > REMIND_MAX_DAYS :
						    r->amount > REMIND_MAX_DAYS * 86400LL)
			return -1;
		return 0;
	}
	return -1;
}

/* How far ahead a rule fires, roughly: to sort lists, earliest reminder first. */
static int64_t ahead(const struct remind_rule *r)
{
	switch (r->type) {
	case REMIND_BEFORE_SEC:
		return r->amount;
	case REMIND_BEFORE_DAYS:
		return r->amount * 86400;
	case REMIND_ON_DAY:
		return -r->amount;
	}
	return 0;
}

static int by_ahead(const void *a, const void *b)
{
	int64_t x = ahead(a), y = ahead(b);
	const struct remind_rule *ra = a, *rb = b;

	if (x != y)
		return x > y ? -1 : 1;
	return (int)ra->type - (int)rb->type;
}

static int same_rule(const struct remind_rule *a, const struct remind_rule *b)
{
	return a->type == b->type && a->amount == b->amount;
}

static int add_rule(struct remind_list *l, const struct remind_rule *r, struct error *err)
{
	for (int i = 0; i < l->n; i++)
		if (same_rule(&l->r[i], r))
			return 0;
	if (l->n == REMIND_LIST_MAX)
		return error_set(err, ERR_INVALID, "at most %d reminders for one kind of item",
				 REMIND_LIST_MAX);
	l->r[l->n++] = *r;
	return 0;
}

int remind_list_parse(const char *text, struct remind_list *out, struct error *err)
{
	char *copy = strdup(text), *save = NULL, *w;
	struct remind_rule r;
	int none = 0, rc = 0;

	memset(out, 0, sizeof *out);
	if (copy == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	for (w = strtok_r(copy, ", \t", &save); w != NULL && rc == 0;
	     w = strtok_r(NULL, ", \t", &save)) {
		if (strcmp(w, "none") == 0 || strcmp(w, "нет") == 0 || strcmp(w, "немає") == 0)
			none = 1;
		else if (parse_word(w, &r) == 0)
			rc = add_rule(out, &r, err);
		else
			rc = error_set(err, ERR_INVALID,
				       "«%s» is not a reminder: write how long "
				       "before (30m, 2h, 1d, 1w; up to %dd), a time on the day "
				       "(09:00), or none",
				       w, REMIND_MAX_DAYS);
	}
	free(copy);
	if (rc == 0 && none && out->n > 0)
		rc = error_set(err, ERR_INVALID, "«none» cannot go with other reminders");
	if (rc == 0 && !none && out->n == 0)
		rc = error_set(err, ERR_INVALID, "no reminders given: write e.g. 1d, 1h, or none");
	if (rc == 0)
		qsort(out->r, (size_t)out->n, sizeof out->r[0], by_ahead);
	return rc;
}

void remind_list_format(const struct remind_list *l, char *buf, size_t len)
{
	char name[REMIND_NAME_LEN];
	size_t used = 0;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (l->n == 0) {
		snprintf(buf, len, "none");
		return;
	}
	for (int i = 0; i < l->n && used < len; i++) {
		remind_rule_name(&l->r[i], name);
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", name);
	}
}

int remind_list_sub_day(const struct remind_list *l, char *buf, size_t len)
{
	struct remind_list timed = { 0 };

	for (int i = 0; i < l->n; i++)
		if (l->r[i].type == REMIND_BEFORE_SEC)
			timed.r[timed.n++] = l->r[i];
	if (timed.n > 0)
		remind_list_format(&timed, buf, len);
	else if (len > 0)
		buf[0] = '\0';
	return timed.n;
}

/* Length of S without the spaces at its end. */
static int trimmed_len(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && strchr(" \t", s[n - 1]) != NULL)
		n--;
	return (int)n;
}

int remind_clock_parse(const char *text, int *out, const char **extra)
{
	char word[32];
	size_t n;

	*extra = NULL;
	text += strspn(text, " \t");
	n = strcspn(text, " \t");
	if (n == 0 || n >= sizeof word)
		return -1;
	memcpy(word, text, n);
	word[n] = '\0';
	if (strcmp(word, "none") == 0 || strcmp(word, "нет") == 0 || strcmp(word, "немає") == 0)
		*out = -1;
	else if ((*out = parse_clock(word)) < 0)
		return -1;
	text += n;
	text += strspn(text, " \t");
	if (*text == '\0')
		return 0;
	*extra = text;
	return 1;
}

int remind_overdue_parse(const char *text, int *out, struct error *err)
{
	const char *extra;
	int rc = remind_clock_parse(text, out, &extra);

	if (rc == 0)
		return 0;
	if (text[strspn(text, " \t")] == '\0')
		return error_set(err, ERR_INVALID, "say when overdue notices go: 09:00, or none");
	if (rc == 1)
		return error_set(err, ERR_INVALID,
				 "«%.*s» is not understood in overdue «%.*s»: write the time "
				 "they go on working days (09:00), or none",
				 trimmed_len(extra), extra, trimmed_len(text), text);
	return error_set(err, ERR_INVALID,
			 "overdue «%s»: write the time they go on working days (09:00), or none",
			 text);
}

void remind_overdue_format(int at, char *buf, size_t len)
{
	if (at < 0)
		snprintf(buf, len, "none");
	else
		snprintf(buf, len, "%02d:%02d", at / 3600, at / 60 % 60);
}

int remind_section_split(const char *text, enum remind_section *sec, const char **rest,
			 struct error *err)
{
	size_t n;
	char word[64], *key;
	int found = -1;

	text += strspn(text, " \t");
	n = strcspn(text, " \t:");
	if (n == 0 || n >= sizeof word)
		return error_set(err, ERR_INVALID,
				 "«%s»: start with events, deadlines, overdue or "
				 "default (\"events 1d, 1h\")",
				 text);
	memcpy(word, text, n);
	word[n] = '\0';
	if ((key = utf8_fold_str(word)) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	for (size_t i = 0; i < sizeof remind_sections / sizeof remind_sections[0]; i++)
		if (strcmp(key, remind_sections[i].word) == 0)
			found = (int)i;
	free(key);
	if (found < 0)
		return error_set(err, ERR_INVALID,
				 "«%s»: say which reminders: events, deadlines, "
				 "overdue, or default (\"deadlines 3d, 1d, 09:00\")",
				 word);
	*sec = remind_sections[found].sec;
	text += n;
	text += strspn(text, " \t:");
	*rest = text;
	if (*sec == REMIND_SEC_DEFAULT && *text != '\0')
		return error_set(err, ERR_INVALID, "«default» takes nothing after it");
	if (*sec != REMIND_SEC_DEFAULT && *text == '\0')
		return error_set(err, ERR_INVALID, "«%s» needs its reminders (or none) after it",
				 word);
	return 0;
}

int remind_is_director(const char *role)
{
	char *key = utf8_fold_str(role != NULL ? role : "");
	const char *s = key;
	int yes = 0;

	if (key == NULL)
		return 0;
	s += strspn(s, " \t");
	for (size_t i = 0; i < sizeof remind_director_words / sizeof remind_director_words[0];
	     i++) {
		size_t n = strlen(remind_director_words[i]);
		unsigned char next;

		if (strncmp(s, remind_director_words[i], n) != 0)
			continue;
		next = (unsigned char)s[n];
		if (next == '\0' || (next < 0x80 && !isalnum(next)))
			yes = 1;
	}
	free(key);
	return yes;
}
