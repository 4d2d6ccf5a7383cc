/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "import/import_names.h"
#include "utf8.h"

/*
 * A plan's "responsible" cell holds one or more names, one per line or separated by commas or
 * semicolons: "Директор\nЗаместитель директора". A comma inside brackets or quotes belongs to
 * the name: "Специалисты (психолог, логопед)".
 */

#define NEAR_SHORT 4 /* names shorter than this must match exactly */

/* Bullets that lists in cells start with. */
static const char *const bullets[] = { "-", "–", "—", "•", "·", "*", "●", "▪", "○", NULL };

/* Drops a bullet or "1." / "2)" and the space after it from the start of *S. */
static void skip_marker(const char **s)
{
	const char *p = *s;

	for (const char *const *b = bullets; *b != NULL; b++) {
		size_t n = strlen(*b);
		if (strncmp(p, *b, n) == 0 && (p[n] == ' ' || p[n] == '\t')) {
			*s = p + n;
			return;
		}
	}
	while (*p >= '0' && *p <= '9')
		p++;
	if (p != *s && p - *s <= 2 && (*p == '.' || *p == ')') && (p[1] == ' ' || p[1] == '\t'))
		*s = p + 1;
}

/* A final '.' after a word that is not an initial: "Директор." (but not "Иванова А.П."). */
static void drop_final_dot(char *name)
{
	size_t n = strlen(name);
	const char *word;
	const char *p;
	uint32_t c, last = 0;
	size_t letters = 0;

	if (n < 2 || name[n - 1] != '.')
		return;
	word = name;
	for (size_t i = 0; i + 1 < n; i++)
		if (name[i] == ' ' || name[i] == '.')
			word = name + i + 1;
	for (p = word; p < name + n - 1 && (c = utf8_next(&p)) != 0;) {
		letters++;
		last = c;
	}
	if (letters > 2 && utf8_fold(last) == last)
		name[n - 1] = '\0';
}

/* The names found so far, and each folded, to find repeats. */
struct found {
	char **names, **keys;
	int n;
};

/* Adds NAME (taken over) to F unless it is there; 0 or -1. */
static int append(struct found *f, char *name)
{
	char **grown, *key = utf8_fold_str(name);

	if (key == NULL) {
		free(name);
		return -1;
	}
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->keys[i], key) == 0) {
			free(key);
			free(name);
			return 0;
		}
	if ((grown = realloc(f->keys, (size_t)(f->n + 1) * sizeof *grown)) != NULL)
		f->keys = grown;
	if (grown == NULL ||
	    (grown = realloc(f->names, (size_t)(f->n + 1) * sizeof *grown)) == NULL) {
		free(key);
		free(name);
		return -1;
	}
	f->names = grown;
	f->keys[f->n] = key;
	f->names[f->n++] = name;
	return 0;
}

/* Adds the name in the LEN bytes at S (if any is left once cleaned); 0 or -1. */
static int add_piece(const char *s, size_t len, struct found *f)
{
	char *raw = strndup(s, len), *name;
	const char *start;

	if (raw == NULL)
		return -1;
	start = raw + strspn(raw, " \t\r");
	skip_marker(&start);
	name = import_clean_line(start, strlen(start));
	free(raw);
	if (name == NULL)
		return 0;
	drop_final_dot(name);
	return append(f, name);
}

int import_names_split(const char *cell, char ***out)
{
	const char *s = cell, *start = cell;
	int depth = 0, quoted = 0;
	struct found f = { 0 };

	*out = NULL;
	for (;; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '(' || c == '[')
			depth++;
		else if ((c == ')' || c == ']') && depth > 0)
			depth--;
		else if (c == '"')
			quoted = !quoted;
		else if (strncmp(s, "«", 2) == 0)
			depth++;
		else if (strncmp(s, "»", 2) == 0 && depth > 0)
			depth--;
		else if (c == '\n')
			depth = quoted = 0; /* a line break always ends a name */
		if (c != '\0' && (c != '\n' && ((c != ',' && c != ';') || depth > 0 || quoted)))
			continue;
		if (add_piece(start, (size_t)(s - start), &f) == -1) {
			import_names_free(f.names, f.n);
			import_names_free(f.keys, f.n);
			return -1;
		}
		/* One more than a row may have is enough to refuse it; the rest is not read. */
		if (c == '\0' || f.n > IMPORT_MAX_NAMES)
			break;
		start = s + 1;
	}
	import_names_free(f.keys, f.n);
	*out = f.names;
	return f.n;
}

void import_names_free(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* "А." or "А.П.": a capital letter then a dot, at a word's start. */
static int has_initials(const char *name)
{
	const char *p = name;
	uint32_t c, prev = ' ';

	while ((c = utf8_next(&p)) != 0) {
		if (*p == '.' && utf8_fold(c) != c && (prev == ' ' || prev == '.'))
			return 1;
		prev = c;
	}
	return 0;
}

/* Does the folded word W (LEN bytes) end in the folded SUFFIX? */
static int ends_with(const char *w, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len > n && memcmp(w + len - n, suffix, n) == 0;
}

static int word_is(const char *w, size_t len, const char *list)
{
	while (*list != '\0') {
		size_t n = strcspn(list, "|");
		if ((n == len || (list[n - 1] == '*' && len >= n - 1)) &&
		    memcmp(w, list, list[n - 1] == '*' ? n - 1 : n) == 0)
			return 1;
		list += n + (list[n] == '|');
	}
	return 0;
}

int import_name_is_group(const char *name)
{
	static const char units[] = "все|всі|весь|вся|all|коллектив*|колектив*|отдел*|відділ*|"
				    "служб*|команд*|комисси*|комісі*|управлени*|управлінн*|"
				    "team|staff|department|committee|personnel|персонал";
	static const char *const plural[] = { "ие", "ые", "ы", "и", "і", "ї", "ння", NULL };
	char *key;
	size_t len;
	int group = 0;

	if (has_initials(name) || (key = utf8_fold_str(name)) == NULL)
		return 0;
	len = strcspn(key, " ,.;:-()\"");
	if (word_is(key, len, units))
		group = 1;
	else if (utf8_length(key) >= NEAR_SHORT && len > 0)
		for (const char *const *e = plural; *e != NULL && !group; e++)
			group = ends_with(key, len, *e);
	if (!group && len > 3 && key[len - 1] == 's' && key[len - 2] != 's' &&
	    (unsigned char)key[0] < 0x80)
		group = 1;
	free(key);
	return group;
}

int import_names_near(const char *a, const char *b)
{
	size_t la = utf8_length(a), lb = utf8_length(b), m = la < lb ? la : lb;
	size_t allowed = m < NEAR_SHORT ? 0 : m < 12 ? 1 : m / 6;
	size_t diff = la > lb ? la - lb : lb - la;
	int d;

	if (allowed == 0 || diff > allowed)
		return 0;
	d = utf8_distance(a, b);
	return d > 0 && (size_t)d <= allowed;
}
