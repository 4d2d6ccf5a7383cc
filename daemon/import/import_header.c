/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "import/import_header.h"
#include "utf8.h"

/*
 * Headers are recognised by the words in them, in Russian, Ukrainian and English, checked in
 * the order of this table: "Ответственный за выполнение" names people before it could name a
 * state, "Дата проведения мероприятия" a date before a title. "word*" matches a word that
 * starts so, "word" only the whole word.
 */
static const struct {
	int col;
	const char *words;
} header_words[] = {
	{ IMPORT_COL_LABEL, "n|no|nr|num|number|номер|пункт|пп|зп" },
	{ IMPORT_COL_WHO, "ответствен*|відповідальн*|исполнител*|виконавц*|виконавец*|"
			  "responsib*|owner*|who|assignee*|кто|хто" },
	{ IMPORT_COL_WHEN, "срок*|термін*|дата|дати|даты|date*|when|время|час|период|період|"
			   "deadline*|due|когда|коли|time" },
	{ IMPORT_COL_PLACE, "мест*|місц*|place|where|location|venue|где" },
	{ IMPORT_COL_DESC, "примечани*|примітк*|описани*|опис|description|notes|note|"
			   "комментари*|коментар*|details" },
	{ IMPORT_COL_STATE, "состояни*|стан|state|status|статус|выполнен*|виконан*|отметк*|"
			    "відмітк*" },
	{ IMPORT_COL_TITLE, "наименовани*|найменуванн*|назва|название|мероприяти*|заход*|"
			    "title|activity|activities|event*|содержани*|зміст|task*|subject|"
			    "item|what|что|що" },
};

#define HEADER_MAX_CHARS 80
#define GUESS_RECORDS	 200

const char *import_col_name(int col)
{
	static const char *const names[] = { "№",     "title",	     "when", "responsible",
					     "place", "description", "state" };

	return col >= 0 && col < IMPORT_NCOLS ? names[col] : "?";
}

static int is_word_char(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 0x400 && c <= 0x4ff) ||
	       (c >= 0xdf && c <= 0xff);
}

/* Does the word W (LEN bytes) match an entry of the '|'-separated LIST? */
static int word_in(const char *w, size_t len, const char *list)
{
	while (*list != '\0') {
		size_t n = strcspn(list, "|");
		int prefix = n > 0 && list[n - 1] == '*';
		size_t stem = prefix ? n - 1 : n;
		if (prefix ? len >= stem && memcmp(w, list, stem) == 0 :
			     len == stem && memcmp(w, list, stem) == 0)
			return 1;
		list += n;
		if (*list == '|')
			list++;
	}
	return 0;
}

/* Is one of the words of the folded text KEY in LIST? */
static int has_word(const char *key, const char *list)
{
	const char *s = key;

	while (*s != '\0') {
		const char *start = s, *end = s, *p = s;
		uint32_t c;
		while ((c = utf8_next(&p)) != 0 && is_word_char(c))
			end = p;
		if (end == start) {
			s = p; /* one character that is not a letter */
			continue;
		}
		if (word_in(start, (size_t)(end - start), list))
			return 1;
		s = end;
	}
	return 0;
}

/* The first column of the table whose words are in the folded text KEY. */
static int match_words(const char *key)
{
	for (size_t i = 0; i < sizeof header_words / sizeof header_words[0]; i++)
		if (has_word(key, header_words[i].words))
			return header_words[i].col;
	return IMPORT_COL_NONE;
}

int import_header_cell(const char *cell)
{
	char *key;
	int col;

	if (utf8_length(cell) > HEADER_MAX_CHARS || (key = utf8_fold_str(cell)) == NULL)
		return IMPORT_COL_NONE;
	if (strstr(key, "№") != NULL || strchr(key, '#') != NULL || strstr(key, "п/п") != NULL ||
	    strstr(key, "з/п") != NULL)
		col = IMPORT_COL_LABEL;
	else
		col = match_words(key);
	free(key);
	return col;
}

int import_header_row(char *const *cells, size_t n, int map[IMPORT_NCOLS])
{
	int named = 0, nonempty = 0;

	for (int c = 0; c < IMPORT_NCOLS; c++)
		map[c] = -1;
	for (size_t i = 0; i < n; i++) {
		int col;
		if (cells[i][strspn(cells[i], " \t\r\n")] == '\0')
			continue;
		nonempty++;
		if ((col = import_header_cell(cells[i])) == IMPORT_COL_NONE || map[col] != -1)
			continue;
		map[col] = (int)i;
		named++;
	}
	if (named < 2 || named * 2 < nonempty ||
	    (map[IMPORT_COL_TITLE] == -1 && map[IMPORT_COL_WHEN] == -1)) {
		for (int c = 0; c < IMPORT_NCOLS; c++)
			map[c] = -1;
		return 0;
	}
	return named;
}

int import_looks_label(const char *cell)
{
	const char *s = cell + strspn(cell, " ");
	int groups = 0;

	for (;;) {
		int digits = 0;
		while (*s >= '0' && *s <= '9') {
			s++;
			digits++;
		}
		if (digits == 0 || digits > 3 || ++groups > 5)
			return 0;
		if (*s != '.' && *s != ')')
			break;
		s++;
		if (s[-1] == ')' || *s < '0' || *s > '9')
			break;
	}
	s += strspn(s, " ");
	return *s == '\0';
}

/* What a column's cells look like over the sampled records. */
struct col_stats {
	int nonempty, labels, whens;
	size_t chars;
};

static void sample_columns(const struct import_table *t, size_t first, const struct when_ctx *ctx,
			   struct col_stats *st, size_t ncols)
{
	for (size_t r = first; r < t->n && r < first + GUESS_RECORDS; r++) {
		const struct csv_record *rec = &t->recs[r];
		for (size_t c = 0; c < rec->ncells && c < ncols; c++) {
			const char *cell = rec->cells[c];
			struct when w;
			if (cell[strspn(cell, " \t\r\n")] == '\0')
				continue;
			st[c].nonempty++;
			st[c].chars += utf8_length(cell);
			st[c].labels += import_looks_label(cell);
			st[c].whens +=
				strlen(cell) < 200 && when_parse(cell, ctx, 0, &w, NULL) == 0;
		}
	}
}

/* The column not yet taken with the best SCORE (per mille), at least MIN; or -1. */
static int pick(const struct col_stats *st, size_t ncols, const int *taken, int what, int min)
{
	int best = -1;
	long best_score = min - 1;

	for (size_t c = 0; c < ncols; c++) {
		long score;
		if (taken[c] || st[c].nonempty == 0)
			continue;
		if (what == IMPORT_COL_LABEL)
			score = 1000L * st[c].labels / st[c].nonempty;
		else if (what == IMPORT_COL_WHEN)
			score = 1000L * st[c].whens / st[c].nonempty;
		else
			score = (long)(st[c].chars / (size_t)st[c].nonempty);
		if (score > best_score) {
			best_score = score;
			best = (int)c;
		}
	}
	return best;
}

int import_guess_columns(const struct import_table *t, size_t first, const struct when_ctx *ctx,
			 int map[IMPORT_NCOLS])
{
	size_t ncols = 0;
	struct col_stats *st;
	int *taken, rc = -1;

	for (int c = 0; c < IMPORT_NCOLS; c++)
		map[c] = -1;
	for (size_t r = first; r < t->n && r < first + GUESS_RECORDS; r++)
		if (t->recs[r].ncells > ncols)
			ncols = t->recs[r].ncells;
	st = calloc(ncols + 1, sizeof *st);
	taken = calloc(ncols + 1, sizeof *taken);
	if (st == NULL || taken == NULL)
		goto out;
	sample_columns(t, first, ctx, st, ncols);
	if ((map[IMPORT_COL_LABEL] = pick(st, ncols, taken, IMPORT_COL_LABEL, 800)) != -1)
		taken[map[IMPORT_COL_LABEL]] = 1;
	if ((map[IMPORT_COL_WHEN] = pick(st, ncols, taken, IMPORT_COL_WHEN, 500)) == -1)
		goto out;
	taken[map[IMPORT_COL_WHEN]] = 1;
	if ((map[IMPORT_COL_TITLE] = pick(st, ncols, taken, IMPORT_COL_TITLE, 1)) == -1)
		goto out;
	taken[map[IMPORT_COL_TITLE]] = 1;
	for (size_t c = (size_t)map[IMPORT_COL_WHEN] + 1; c < ncols && map[IMPORT_COL_WHO] == -1;
	     c++)
		if (!taken[c] && st[c].nonempty > 0)
			map[IMPORT_COL_WHO] = (int)c;
	rc = 0;
out:
	free(st);
	free(taken);
	return rc;
}
