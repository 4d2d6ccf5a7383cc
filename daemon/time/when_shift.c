/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/civil.h"
#include "time/when_format.h"
#include "time/when_lex.h"
#include "time/when_shift.h"

/*
 * Next year's WHEN. The dates are moved as numbers (civil days), then the person's own text is
 * rewritten date by date with the WHEN lexer's tokens: what is not a date (times, words, spaces)
 * is copied as it was. Whatever is rewritten is read back and must give the moved WHEN; if it
 * does not, qweek's own form is written instead, so that what people read matches the instants.
 */

static void point_shift(struct when_point *p, int days)
{
	int64_t d;

	if (p->prec == WHEN_PREC_NONE)
		return;
	if (p->prec == WHEN_PREC_MONTH) {
		d = civil_days(p->year, p->month, 15) + days;
		civil_from_days(d, &p->year, &p->month, &p->day);
		p->day = 0;
		return;
	}
	d = civil_days(p->year, p->month, p->day) + days;
	civil_from_days(d, &p->year, &p->month, &p->day);
}

void when_shift(struct when *w, int days)
{
	point_shift(&w->start, days);
	point_shift(&w->end, days);
	point_shift(&w->due, days);
}

static int point_same(const struct when_point *a, const struct when_point *b)
{
	return a->prec == b->prec && (a->prec == WHEN_PREC_NONE || when_point_cmp(a, b) == 0) &&
	       (a->prec != WHEN_PREC_INSTANT || a->offset_sec == b->offset_sec);
}

int when_same(const struct when *a, const struct when *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == WHEN_DEADLINE)
		return point_same(&a->due, &b->due);
	return point_same(&a->start, &b->start) && point_same(&a->end, &b->end);
}

/* ---- rewriting the text ------------------------------------------------------------------- */

/* The text being rewritten: the output so far, and the points not yet found in the text. */
struct rewrite {
	struct parser p;
	char *out;
	size_t len, cap, copied; /* bytes of the text copied or replaced so far */
	const struct when_point *old[2], *new[2];
	int npts, next; /* the points, and the first not yet met */
	int year_delta; /* of the last point met: for a year written apart */
	int failed;
};

static void put(struct rewrite *r, const char *s, size_t n)
{
	char *grown;

	if (r->len + n + 1 > r->cap) {
		r->cap = (r->len + n + 1) * 2;
		if ((grown = realloc(r->out, r->cap)) == NULL) {
			r->failed = 1;
			return;
		}
		r->out = grown;
	}
	memcpy(r->out + r->len, s, n);
	r->len += n;
	r->out[r->len] = '\0';
}

/* Replaces the bytes of tokens [A, B] by TEXT (copying what came before them as it was). */
static void replace(struct rewrite *r, int a, int b, const char *text)
{
	const struct tok *t = r->p.t;

	put(r, r->p.text + r->copied, t[a].off - r->copied);
	put(r, text, strlen(text));
	r->copied = t[b].end;
}

/*
 * V as the number at token T was written: two digits if it had two (in "10.11.2017" a day is
 * written in two), else as it comes; with LOOSE only a leading zero ("08 ноября") makes two.
 */
static void number(const struct rewrite *r, const struct tok *t, int v, int loose, char *buf,
		   size_t len)
{
	int pad = t->ndig == 2 && (!loose || r->p.text[t->off] == '0' || v >= 100);

	snprintf(buf, len, "%0*d", pad ? 2 : 1, t->ndig == 2 ? v % 100 : v);
}

/* Which point a date DAY.MONTH[.YEAR] (YEAR 0: none) is: its index among those not met, or -1. */
static int match_point(struct rewrite *r, int day, int month, int year)
{
	for (int i = r->next; i < r->npts; i++) {
		const struct when_point *o = r->old[i];

		if (o->day == day && o->month == month &&
		    (year == 0 || year == o->year || year == o->year % 100)) {
			r->next = i + 1;
			r->year_delta = r->new[i]->year - o->year;
			return i;
		}
	}
	return -1;
}

static int is_tok(const struct tok *t, enum tok_kind k, int sp_ok)
{
	return t->kind == k && (sp_ok || !t->sp);
}

/* The word for month NEW in the form the word at token T was written in; 0, or -1 if unknown. */
static int month_word(struct rewrite *r, const struct tok *t, int new, char *buf, size_t len)
{
	const char *was = r->p.text + t->off;
	size_t n = t->end - t->off;
	int lang, genitive;

	if (when_lex_month(t->word) == new) {
		snprintf(buf, len, "%.*s", (int)n, was);
		return 0;
	}
	if (!when_month_word_find(t->word, &lang, &genitive))
		return -1;
	if (lang != 2 && (n != strlen(t->word) || memcmp(was, t->word, n) != 0))
		return -1; /* "Ноябрь": a capital we cannot write for another month here */
	snprintf(buf, len, "%s", when_month_word_at(lang, genitive, new));
	return 0;
}

/* "2017-11-14": five tokens, the year first. */
static int scan_iso(struct rewrite *r, int i)
{
	const struct tok *t = r->p.t + i;
	const struct when_point *n;
	char buf[16];
	int k;

	if (i + 4 >= r->p.n || t[0].ndig != 4 || !is_tok(&t[1], T_DASH, 0) ||
	    !is_tok(&t[2], T_NUM, 0) || !is_tok(&t[3], T_DASH, 0) || !is_tok(&t[4], T_NUM, 0) ||
	    (k = match_point(r, t[4].num, t[2].num, t[0].num)) < 0)
		return 0;
	n = r->new[k];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", n->year, n->month, n->day);
	replace(r, i, i + 4, buf);
	return 5;
}

/* "14.11", "14.11.2017", "8/11/17": the separators and the digits as written. */
static int scan_dotted(struct rewrite *r, int i)
{
	const struct tok *t = r->p.t + i;
	const struct when_point *n;
	int k, year = 0, has_year;
	char d[8], m[8], y[8];

	if (i + 2 >= r->p.n || t[0].ndig > 2 || (t[1].kind != T_DOT && t[1].kind != T_SLASH) ||
	    t[1].sp || !is_tok(&t[2], T_NUM, 0) || t[2].ndig > 2 || t[2].num < 1 || t[2].num > 12 ||
	    t[0].num < 1 || t[0].num > 31)
		return 0;
	has_year = i + 4 < r->p.n && t[3].kind == t[1].kind && !t[3].sp &&
		   is_tok(&t[4], T_NUM, 0) && (t[4].ndig == 2 || t[4].ndig == 4);
	if (has_year)
		year = t[4].num;
	if ((k = match_point(r, t[0].num, t[2].num, year)) < 0)
		return 0;
	n = r->new[k];
	number(r, &t[0], n->day, 0, d, sizeof d);
	number(r, &t[2], n->month, 0, m, sizeof m);
	replace(r, i, i, d);
	replace(r, i + 2, i + 2, m);
	if (!has_year)
		return 3;
	number(r, &t[4], n->year, 0, y, sizeof y);
	replace(r, i + 4, i + 4, y);
	return 5;
}

/* "14 ноября [2017]": a day, the month's word, perhaps the year. */
static int scan_day_word(struct rewrite *r, int i)
{
	const struct tok *t = r->p.t + i;
	int k, month, has_year;
	char d[8], w[WORDLEN + 8], y[8];

	if (i + 1 >= r->p.n || t[0].ndig > 2 || t[1].kind != T_WORD ||
	    (month = when_lex_month(t[1].word)) == 0)
		return 0;
	has_year = i + 2 < r->p.n && t[2].kind == T_NUM && t[2].ndig == 4;
	if ((k = match_point(r, t[0].num, month, has_year ? t[2].num : 0)) < 0)
		return 0;
	number(r, &t[0], r->new[k]->day, 1, d, sizeof d);
	if (month_word(r, &t[1], r->new[k]->month, w, sizeof w) == -1)
		r->failed = 1;
	replace(r, i, i, d);
	replace(r, i + 1, i + 1, w);
	if (!has_year)
		return 2;
	snprintf(y, sizeof y, "%d", r->new[k]->year);
	replace(r, i + 2, i + 2, y);
	return 3;
}

/* "декабрь 2016": a month's word and its year. */
static int scan_month(struct rewrite *r, int i)
{
	const struct tok *t = r->p.t + i;
	int k, month;
	char w[WORDLEN + 8], y[8];

	if (i + 1 >= r->p.n || (month = when_lex_month(t[0].word)) == 0 || t[1].kind != T_NUM ||
	    t[1].ndig != 4 || (k = match_point(r, 0, month, t[1].num)) < 0)
		return 0;
	if (month_word(r, &t[0], r->new[k]->month, w, sizeof w) == -1)
		r->failed = 1;
	snprintf(y, sizeof y, "%d", r->new[k]->year);
	replace(r, i, i, w);
	replace(r, i + 1, i + 1, y);
	return 2;
}

/* A year on its own ("08.11. - 15.11. 2017") moves as the date before it did. */
static int scan_year(struct rewrite *r, int i)
{
	const struct tok *t = r->p.t + i;
	char y[8];

	if (t->ndig != 4 || t->num < 1900 || t->num > 2199)
		return 0;
	snprintf(y, sizeof y, "%d", t->num + r->year_delta);
	replace(r, i, i, y);
	return 1;
}

static int scan(struct rewrite *r, int i)
{
	const struct tok *t = r->p.t + i;
	int n = 0;

	if (t->kind == T_NUM && (n = scan_iso(r, i)) == 0 && (n = scan_dotted(r, i)) == 0 &&
	    (n = scan_day_word(r, i)) == 0)
		n = scan_year(r, i);
	else if (t->kind == T_WORD)
		n = scan_month(r, i);
	return n > 0 ? n : 1;
}

static void points(struct rewrite *r, const struct when *old, const struct when *new)
{
	if (old->kind == WHEN_DEADLINE) {
		r->old[0] = &old->due, r->new[0] = &new->due, r->npts = 1;
	} else {
		r->old[0] = &old->start, r->new[0] = &new->start, r->npts = 1;
		if (old->end.prec != WHEN_PREC_NONE)
			r->old[1] = &old->end, r->new[1] = &new->end, r->npts = 2;
	}
	r->year_delta = r->new[0]->year - r->old[0]->year;
}

char *when_shift_text(const char *text, const struct when *old, const struct when *new)
{
	struct rewrite r;

	memset(&r, 0, sizeof r);
	r.p.text = text;
	when_lex(&r.p);
	points(&r, old, new);
	for (int i = 0; i < r.p.n && !r.failed;)
		i += scan(&r, i);
	put(&r, text + r.copied, strlen(text + r.copied));
	if (r.failed || r.next == 0) {
		free(r.out);
		return NULL;
	}
	return r.out;
}

/* TEXT read in CTX is WANT. */
static int reads_as(const char *text, const struct when_ctx *ctx, int as_deadline,
		    const struct when *want)
{
	struct when w;

	return when_parse(text, ctx, as_deadline, &w, NULL) == 0 && when_same(&w, want);
}

char *when_shift_rewrite(const char *text, const struct when_ctx *from, const struct when_ctx *to,
			 int as_deadline, int days, const char *lang, struct when *out,
			 int *own_form)
{
	struct when old;
	char *s, buf[160];

	if (when_parse(text, from, as_deadline, &old, NULL) == -1)
		return NULL;
	*out = old;
	when_shift(out, days);
	s = when_shift_text(text, &old, out);
	if (s != NULL && reads_as(s, to, as_deadline, out))
		return s;
	free(s);
	if (own_form != NULL)
		*own_form = 1;
	if (when_format(out, lang, buf, sizeof buf) == -1 || !reads_as(buf, to, as_deadline, out))
		return NULL;
	return strdup(buf);
}
