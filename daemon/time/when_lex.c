/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <string.h>

#include "utf8.h"
#include "time/when_lex.h"

/*
 * The WHEN parser's tokens: numbers, words folded to lower case, and punctuation, each with the
 * bytes it came from and whether a space came before it (the grammar tells "14.11" from
 * "14. 11" by it). Russian, Ukrainian and English month names are words the lexer knows.
 */

#define QUOTEMAX 60

/* Month names: a stem and the endings it takes ("" for the bare stem), in every case used. */
static const struct month_name {
	const char *stem, *ends;
	int month;
} month_names[] = {
	{ "январ", "ь|я|е|ю|ём|ем", 1 },
	{ "янв", "", 1 },
	{ "феврал", "ь|я|е|ю|ём|ем", 2 },
	{ "фев", "|р", 2 },
	{ "март", "|а|е|у|ом", 3 },
	{ "мар", "", 3 },
	{ "апрел", "ь|я|е|ю|ем", 4 },
	{ "апр", "", 4 },
	{ "ма", "й|я|е|ю|ем", 5 },
	{ "июн", "|ь|я|е|ю|ем", 6 },
	{ "июл", "|ь|я|е|ю|ем", 7 },
	{ "август", "|а|е|у|ом", 8 },
	{ "авг", "", 8 },
	{ "сентябр", "ь|я|е|ю|ём|ем", 9 },
	{ "сен", "|т", 9 },
	{ "октябр", "ь|я|е|ю|ём|ем", 10 },
	{ "окт", "", 10 },
	{ "ноябр", "ь|я|е|ю|ём|ем", 11 },
	{ "ноя", "|б", 11 },
	{ "декабр", "ь|я|е|ю|ём|ем", 12 },
	{ "дек", "", 12 },
	{ "січ", "|ень|ня|ні|ню|нем", 1 },
	{ "лют", "|ий|ого|ому|им", 2 },
	{ "бер", "|ез|езень|езня|езні|езню|езнем", 3 },
	{ "квіт", "|ень|ня|ні|ню|нем", 4 },
	{ "трав", "|ень|ня|ні|ню|нем", 5 },
	{ "черв", "|ень|ня|ні|ню|нем", 6 },
	{ "лип", "|ень|ня|ні|ню|нем", 7 },
	{ "серп", "|ень|ня|ні|ню|нем", 8 },
	{ "вер", "|ес|есень|есня|есні|есню|еснем", 9 },
	{ "жовт", "|ень|ня|ні|ню|нем", 10 },
	{ "лис", "|т|топад|топада|топаді|топаду|топадом", 11 },
	{ "груд", "|ень|ня|ні|ню|нем", 12 },
	{ "jan", "|uary", 1 },
	{ "feb", "|ruary", 2 },
	{ "mar", "|ch", 3 },
	{ "apr", "|il", 4 },
	{ "may", "", 5 },
	{ "jun", "|e", 6 },
	{ "jul", "|y", 7 },
	{ "aug", "|ust", 8 },
	{ "sep", "|t|tember", 9 },
	{ "oct", "|ober", 10 },
	{ "nov", "|ember", 11 },
	{ "dec", "|ember", 12 },
};

int when_lex_in_list(const char *w, size_t len, const char *list)
{
	for (;;) {
		size_t n = strcspn(list, "|");

		if (n == len && memcmp(list, w, n) == 0)
			return 1;
		if (list[n] == '\0')
			return 0;
		list += n + 1;
	}
}

int when_lex_month(const char *w)
{
	size_t i, n;

	for (i = 0; i < sizeof month_names / sizeof month_names[0]; i++) {
		n = strlen(month_names[i].stem);
		if (strncmp(w, month_names[i].stem, n) == 0 &&
		    when_lex_in_list(w + n, strlen(w + n), month_names[i].ends))
			return month_names[i].month;
	}
	return 0;
}

static int is_space(uint32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200b) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
	       c == 0x205f || c == 0x3000 || c == 0xfeff;
}

static int is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) || (c >= 0x400 && c <= 0x52f);
}

static void lex_number(struct tok *t, const char **s)
{
	t->kind = T_NUM;
	while (**s >= '0' && **s <= '9') {
		if (t->num < 100000)
			t->num = t->num * 10 + (**s - '0');
		else
			t->num = 999999;
		if (t->ndig < 99)
			t->ndig++;
		(*s)++;
	}
}

static void lex_word(struct tok *t, const char **s)
{
	const char *q = *s;
	size_t len = 0, too_long = 0;
	uint32_t c;

	t->kind = T_WORD;
	while ((c = utf8_next(&q)) != 0 && is_letter(c)) {
		if (len + 5 > sizeof t->word)
			too_long = 1;
		else
			len += utf8_put(t->word + len, utf8_fold(c));
		*s = q;
	}
	t->word[too_long ? 0 : len] = '\0';
}

static enum tok_kind punct_kind(uint32_t c)
{
	switch (c) {
	case '.':
		return T_DOT;
	case ':':
		return T_COLON;
	case '/':
		return T_SLASH;
	case ',':
		return T_COMMA;
	case '+':
		return T_PLUS;
	case '-':
		return T_DASH;
	case 0x2212:
		return T_DASH; /* minus sign */
	default:
		return c >= 0x2010 && c <= 0x2015 ? T_DASH : T_OTHER; /* dashes */
	}
}

void when_lex(struct parser *p)
{
	const char *s = p->text, *q;
	struct tok *t;
	uint32_t c;
	int sp = 0;

	for (;;) {
		q = s;
		if ((c = utf8_next(&q)) != 0 && is_space(c)) {
			s = q, sp = 1;
			continue;
		}
		t = &p->t[p->n];
		memset(t, 0, sizeof *t);
		t->sp = sp, sp = 0;
		t->off = (size_t)(s - p->text);
		if (c == 0 || p->n == MAXTOK) {
			t->kind = c == 0 ? T_END : T_OTHER;
			t->end = t->off;
			return;
		}
		if (c >= '0' && c <= '9')
			lex_number(t, &s);
		else if (is_letter(c))
			lex_word(t, &s);
		else
			t->kind = punct_kind(c), s = q;
		t->end = (size_t)(s - p->text);
		p->n++;
	}
}

char *when_lex_quote(const struct parser *p, size_t off, size_t end, char *buf, size_t size)
{
	const char *s = p->text + off;
	size_t len = 0;
	uint32_t c;
	int gap = 0;

	while (s < p->text + end && (c = utf8_next(&s)) != 0) {
		if (is_space(c)) {
			gap = len > 0;
			continue;
		}
		if (len > QUOTEMAX || len + 6 + sizeof "…" > size) {
			memcpy(buf + len, "…", sizeof "…");
			return buf;
		}
		if (gap)
			buf[len++] = ' ', gap = 0;
		if (c < 0x20 || (c >= 0x7f && c < 0xa0))
			c = '?';
		len += utf8_put(buf + len, c);
	}
	buf[len] = '\0';
	return buf;
}
