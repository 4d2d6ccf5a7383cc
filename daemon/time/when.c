/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tr.h"
#include "time/civil.h"
#include "time/when.h"
#include "time/when_lex.h"

/*
 * The WHEN parser: a tokenizer (when_lex.c), then a small grammar (here).
 *
 *	when	:= [deadline-word] [from-word] part [range-sep part] ["."]
 *	part	:= [filler] date [[connector] time [offset]]  |  time
 *	date	:= YYYY-MM[-DD] | D.M[.[Y]] | D month [Y] | month [D[,]] [Y] | D (before range-sep)
 *	time	:= H:MM[:SS] | H.MM | H [am|pm]
 *
 * Parsing stays within MAXTOK tokens (the rest is garbage by definition) and never recurses.
 * A range end that is only a time takes the start's day; a year written on one end of a range
 * gives the other end its year; a day without any year takes the year nearest the plan.
 */

#define YEAR_MIN 1900
#define YEAR_MAX 2200

enum date_kind { D_NONE, D_BARE, D_MONTH, D_DAY };

/* One end of a WHEN as parsed, before the year is settled. */
struct part {
	enum date_kind date;
	int year, month, day, hour, minute, second, offset;
	int has_year, has_time, has_off;
	int iso;	   /* written as ISO 8601 (an offset may follow the time) */
	int dotted;	   /* "10.11" alone: after a start with a time, it is 10:11 */
	int first, last;   /* its tokens */
	int tfirst, tlast; /* its time's tokens */
};

static const char *const month_en[] = { "January",   "February", "March",    "April",
					"May",	     "June",	 "July",     "August",
					"September", "October",	 "November", "December" };

#define W_DEADLINE                                                                              \
	"не позднее|не позже|не пізніше|no later than|not later than|" \
	"by the end of|by end of|до конца|до кінця|до|by|until|till|due"
#define W_FROM	 "с|со|з|із|зі|від|from"
#define W_RANGE	 "до|по|to|till|until|through|thru"
#define W_FILLER "в|во|у|on|in|на"
#define W_AT	 "в|во|у|о|об|at|с|со|з|із|зі|from"
#define W_HOURS	 "ч|час|часа|часов|год|години|h"
#define W_YEAR	 "года|году|год|г|року|рік|р|рр|year"

/* Errors. */

/* Quotes tokens FIRST to LAST. */
static char *quote_toks(struct parser *p, int first, int last, char *buf, size_t size)
{
	if (last < first)
		last = first;
	return when_lex_quote(p, p->t[first].off, p->t[last].end, buf, size);
}

static char *quote_all(struct parser *p, char *buf, size_t size)
{
	return when_lex_quote(p, 0, strlen(p->text), buf, size);
}

static int fail(struct parser *p, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	size_t len;

	if (p->cause != NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, tr_req(fmt), ap); /* in the language of the request */
	va_end(ap);
	len = strlen(buf);
	if ((p->cause = malloc(len + 1)) != NULL)
		memcpy(p->cause, buf, len + 1);
	return -1;
}

static int fail_unknown(struct parser *p)
{
	char q[128], ex[4][48];

	/* TRANSLATORS: the examples are in the plan's language and year: "14.11.2017 15:00",
	 * "08.11-15.11.2017", "до 24.11.2017", "декабрь 2017". */
	when_examples(p->ctx, ex);
	return fail(p, "did not understand «%s»: write a date such as %s, %s, %s or %s",
		    quote_all(p, q, sizeof q), ex[0], ex[1], ex[2], ex[3]);
}

/* Garbage from the parser's position to the end of the text. */
static int fail_rest(struct parser *p)
{
	char q[128], all[128];

	if (p->i >= p->n && p->t[p->n].kind == T_END)
		return fail_unknown(p);
	return fail(p, "did not understand «%s» in «%s»",
		    when_lex_quote(p, p->t[p->i].off, strlen(p->text), q, sizeof q),
		    quote_all(p, all, sizeof all));
}

/* Token access. */

static struct tok *at(struct parser *p, int k)
{
	int j = p->i + k;

	return &p->t[j < p->n ? j : p->n];
}

static int is(struct parser *p, int k, enum tok_kind kind)
{
	return at(p, k)->kind == kind;
}

/* Token K is of KIND and touches the one before it. */
static int glued(struct parser *p, int k, enum tok_kind kind)
{
	return at(p, k)->kind == kind && !at(p, k)->sp;
}

/* Tokens from the position that spell one of PHRASES ("не позднее|до"); 0 if none. */
static int phrase(struct parser *p, const char *phrases)
{
	const char *s = phrases;
	size_t n;
	int k, ok;

	while (*s != '\0') {
		for (k = 0, ok = 1; *s != '\0' && *s != '|'; k++) {
			n = strcspn(s, " |");
			if (!is(p, k, T_WORD) || !when_lex_in_list(s, n, at(p, k)->word))
				ok = 0;
			s += n + (s[n] == ' ');
		}
		if (ok && k > 0)
			return k;
		s += *s == '|';
	}
	return 0;
}

static int accept(struct parser *p, const char *phrases)
{
	int k = phrase(p, phrases);

	p->i += k;
	return k > 0;
}

/* Takes "-", "–", "до", "по", "to" between a range's ends; "/" only after ISO 8601. */
static int range_sep(struct parser *p, int iso)
{
	if (is(p, 0, T_DASH) || (iso && is(p, 0, T_SLASH))) {
		p->i++;
		return 1;
	}
	return accept(p, W_RANGE);
}

/* Dates. */

/* A year: four digits, or any digits right after a date's dot ("14.11.17"); then "года", "р.". */
static int year(struct parser *p, struct part *pt, int after_dot)
{
	struct tok *t = at(p, 0);

	if (t->kind != T_NUM || (t->ndig != 4 && !(after_dot && !t->sp)))
		return 0;
	if (is(p, 1, T_COLON) || (glued(p, 1, T_DOT) && glued(p, 2, T_NUM)))
		return 0; /* a time: "14.11 15.00" */
	pt->year = t->ndig == 2 ? 2000 + t->num : t->num;
	pt->has_year = 1;
	p->i++;
	if (accept(p, W_YEAR) && glued(p, 0, T_DOT) && !glued(p, 1, T_NUM))
		p->i++;
	return 1;
}

/* "2017-11-14", "2017-12". */
static int iso_date(struct parser *p, struct part *pt)
{
	struct tok *y = at(p, 0), *m = at(p, 2), *d = at(p, 4);

	if (y->kind != T_NUM || y->ndig != 4 || !glued(p, 1, T_DASH) || !glued(p, 2, T_NUM) ||
	    m->ndig != 2)
		return 0;
	pt->year = y->num, pt->month = m->num, pt->has_year = 1;
	pt->iso = 1, pt->date = D_MONTH;
	if (glued(p, 3, T_DASH) && glued(p, 4, T_NUM) && d->ndig == 2) {
		pt->day = d->num, pt->date = D_DAY;
		p->i += 2;
	}
	p->i += 3;
	return 1;
}

/* "14.11", "14.11.", "14.11.2017", "14.11.17", "08.11. 2017", "14.11 2017". */
static int dotted_date(struct parser *p, struct part *pt)
{
	struct tok *d = at(p, 0), *m = at(p, 2);

	if (d->kind != T_NUM || !glued(p, 1, T_DOT) || !glued(p, 2, T_NUM) || d->ndig > 2 ||
	    m->ndig > 2)
		return 0;
	if (m->ndig == 2 && (m->num == 0 || (m->num > 12 && m->num < 60 && d->num < 24)) &&
	    !(glued(p, 3, T_DOT) && glued(p, 4, T_NUM)))
		return 0; /* a time: "9.00", "9.30" */
	pt->day = d->num, pt->month = m->num, pt->date = D_DAY;
	p->i += 3;
	if (glued(p, 0, T_DOT)) {
		p->i++;
		year(p, pt, 1);
	} else if (!year(p, pt, 0))
		pt->dotted = m->ndig == 2;
	return 1;
}

/* "10 ноября", "10 листопада 2017 р.", "10 November 2017". */
static int day_month(struct parser *p, struct part *pt)
{
	struct tok *d = at(p, 0), *w = at(p, 1);
	int m;

	if (d->kind != T_NUM || d->ndig > 2 || w->kind != T_WORD ||
	    (m = when_lex_month(w->word)) == 0)
		return 0;
	pt->day = d->num, pt->month = m, pt->date = D_DAY;
	p->i += 2;
	if (glued(p, 0, T_DOT))
		p->i++; /* "10 нояб." */
	year(p, pt, 0);
	return 1;
}

/* "November 10, 2017", "декабрь 2017", "Dec 2017", "декабрь". */
static int month_first(struct parser *p, struct part *pt)
{
	struct tok *w = at(p, 0), *d;
	int m, save;

	if (w->kind != T_WORD || (m = when_lex_month(w->word)) == 0)
		return 0;
	pt->month = m, pt->date = D_MONTH;
	p->i++;
	if (glued(p, 0, T_DOT))
		p->i++; /* "Dec. 2017" */
	d = at(p, 0);
	if (d->kind == T_NUM && d->ndig <= 2 && !is(p, 1, T_COLON) && !is(p, 1, T_DOT)) {
		pt->day = d->num, pt->date = D_DAY;
		save = ++p->i;
		if (is(p, 0, T_COMMA))
			p->i++;
		if (!year(p, pt, 0))
			p->i = save;
	} else
		year(p, pt, 0);
	return 1;
}

/* "8" of "8-15 ноября" or "с 8 по 15 ноября": a day whose month comes after. */
static int bare_day(struct parser *p, struct part *pt)
{
	struct tok *d = at(p, 0);

	if (d->kind != T_NUM || d->ndig > 2)
		return 0;
	p->i++;
	if (!is(p, 0, T_DASH) && !phrase(p, W_RANGE)) {
		p->i--;
		return 0;
	}
	pt->day = d->num, pt->date = D_BARE;
	return 1;
}

static int date(struct parser *p, struct part *pt)
{
	return iso_date(p, pt) || dotted_date(p, pt) || day_month(p, pt) || month_first(p, pt) ||
	       bare_day(p, pt);
}

/* Times. */

static int fail_time(struct parser *p, struct part *pt, const char *why)
{
	char q[128];

	return fail(p, "«%s» is not a time of day (%s)",
		    quote_toks(p, pt->tfirst, pt->tlast, q, sizeof q), tr_req(why));
}

/* "3 pm", "3:30 pm": changes PT's hour; -1 if it is not 1 to 12. */
static int am_pm(struct parser *p, struct part *pt)
{
	int pm;

	if (!is(p, 0, T_WORD) || !when_lex_in_list(at(p, 0)->word, strlen(at(p, 0)->word), "am|pm"))
		return 0;
	pm = at(p, 0)->word[0] == 'p';
	pt->tlast = p->i++;
	if (pt->hour < 1 || pt->hour > 12)
		return fail_time(p, pt, "hours go from 1 to 12 with am and pm");
	pt->hour = pt->hour % 12 + (pm ? 12 : 0);
	return 1;
}

/* "15:00", "9.00", "15:00:00", "3 pm"; checks the ranges. */
static int time_of_day(struct parser *p, struct part *pt)
{
	struct tok *h = at(p, 0), *m = at(p, 2), *s = at(p, 4);
	int k = 1;

	if (h->kind != T_NUM || h->ndig > 2)
		return 0;
	if ((glued(p, 1, T_COLON) || glued(p, 1, T_DOT)) && glued(p, 2, T_NUM) && m->ndig == 2) {
		pt->minute = m->num, k = 3;
		if (glued(p, 3, T_COLON) && glued(p, 4, T_NUM) && s->ndig == 2)
			pt->second = s->num, k = 5;
	} else if (!is(p, 1, T_WORD) ||
		   !when_lex_in_list(at(p, 1)->word, strlen(at(p, 1)->word), "am|pm"))
		return 0;
	pt->hour = h->num, pt->has_time = 1;
	pt->tfirst = p->i, pt->tlast = p->i + k - 1;
	p->i += k;
	if (am_pm(p, pt) < 0)
		return -1;
	if (pt->hour > 23)
		return fail_time(p, pt, "hours go from 0 to 23");
	if (pt->minute > 59)
		return fail_time(p, pt, "minutes go from 0 to 59");
	if (pt->second > 59)
		return fail_time(p, pt, "seconds go from 0 to 59");
	if (accept(p, W_HOURS) && glued(p, 0, T_DOT))
		p->i++; /* "15.00 ч." */
	return 1;
}

/* "Z", "+07:00", "+0700", "-05" after an ISO time; a "-16:00" is left to be a range's end. */
static int utc_offset(struct parser *p, struct part *pt)
{
	struct tok *s = at(p, 0), *h = at(p, 1), *m = at(p, 3);
	int hh, mm = 0, k = 2;
	char q[128];

	if (s->sp)
		return 0;
	if (s->kind == T_WORD && strcmp(s->word, "z") == 0) {
		pt->has_off = 1, pt->offset = 0;
		p->i++;
		return 1;
	}
	if ((s->kind != T_PLUS && s->kind != T_DASH) || !glued(p, 1, T_NUM))
		return 0;
	if (h->ndig == 4)
		hh = h->num / 100, mm = h->num % 100;
	else if (h->ndig == 2) {
		hh = h->num;
		if (glued(p, 2, T_COLON) && glued(p, 3, T_NUM) && m->ndig == 2)
			mm = m->num, k = 4;
	} else
		return 0;
	if (mm > 59 || hh * 60 + mm > 14 * 60) {
		if (s->kind == T_DASH)
			return 0;
		return fail(p, "«%s» is not a UTC offset (they go from -14:00 to +14:00)",
			    quote_toks(p, p->i, p->i + k - 1, q, sizeof q));
	}
	pt->has_off = 1;
	pt->offset = (s->kind == T_PLUS ? 1 : -1) * (hh * 3600 + mm * 60);
	p->i += k;
	return 1;
}

/* The time of a part, if any: "14.11 в 15.00", "2017-11-14T15:00+07:00". */
static int part_time(struct parser *p, struct part *pt)
{
	int save = p->i, r;
	char q[128];

	if (pt->iso && pt->date == D_DAY && glued(p, 0, T_WORD) &&
	    strcmp(at(p, 0)->word, "t") == 0) {
		p->i++;
		if (!glued(p, 0, T_NUM) || (r = time_of_day(p, pt)) == 0) {
			quote_toks(p, pt->first, p->i, q, sizeof q);
			return fail(p,
				    "«%s»: a T must be followed by a time, "
				    "as in 2017-11-14T15:00",
				    q);
		}
	} else {
		if (is(p, 0, T_COMMA))
			p->i++;
		accept(p, W_AT);
		if ((r = time_of_day(p, pt)) == 0)
			p->i = save;
	}
	if (r <= 0)
		return r;
	if (pt->iso && utc_offset(p, pt) < 0)
		return -1;
	return 1;
}

/* One end of a WHEN: 1, 0 if there is none at the position, or -1 on an error. */
static int part(struct parser *p, struct part *pt)
{
	int save = p->i, r = 0;

	memset(pt, 0, sizeof *pt);
	accept(p, W_FILLER);
	pt->first = p->i;
	date(p, pt);
	if (pt->date == D_NONE || pt->date == D_DAY)
		r = part_time(p, pt);
	if (r < 0)
		return -1;
	if (pt->date == D_NONE && !pt->has_time) {
		p->i = save;
		return 0;
	}
	pt->last = p->i - 1;
	return 1;
}

/* Checking and completing the parts. */

static char *quote_part(struct parser *p, const struct part *pt, char *buf, size_t size)
{
	return quote_toks(p, pt->first, pt->last, buf, size);
}

/* The month and day as written; the year once it is known. */
static int check_fields(struct parser *p, const struct part *pt)
{
	char q[128];

	if (pt->date == D_NONE)
		return 0;
	if (pt->date != D_BARE && (pt->month < 1 || pt->month > 12))
		return fail(p, "«%s»: there is no month %d", quote_part(p, pt, q, sizeof q),
			    pt->month);
	if (pt->date != D_MONTH && (pt->day < 1 || pt->day > 31))
		return fail(p, "«%s»: there is no day %d", quote_part(p, pt, q, sizeof q), pt->day);
	if (pt->has_year && (pt->year < YEAR_MIN || pt->year > YEAR_MAX))
		return fail(p, "«%s»: the year %d is out of range (%d to %d)",
			    quote_part(p, pt, q, sizeof q), pt->year, YEAR_MIN, YEAR_MAX);
	return 0;
}

static int check_days(struct parser *p, const struct part *pt)
{
	char q[128];
	int n;

	if (check_fields(p, pt) < 0)
		return -1;
	if (pt->date != D_DAY || pt->day <= (n = civil_days_in_month(pt->year, pt->month)))
		return 0;
	if (pt->month == 2)
		return fail(p, "«%s»: February %d has %d days", quote_part(p, pt, q, sizeof q),
			    pt->year, n);
	return fail(p, "«%s»: %s has %d days", quote_part(p, pt, q, sizeof q),
		    month_en[pt->month - 1], n);
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Of the plan's year and the ones around it, the one putting PT nearest the plan's days. */
static int infer_year(struct parser *p, struct part *pt)
{
	const struct when_ctx *c = p->ctx;
	static const int deltas[] = { 0, 1, -1 };
	int64_t lo, hi, s, e, dist, best = INT64_MAX;
	int y0, y, i;
	char q[128];

	if (c == NULL || c->from_year == 0)
		return fail(p, "no year in «%s» and no plan to take it from",
			    quote_part(p, pt, q, sizeof q));
	y0 = clamp(c->from_year, -100000, 100000);
	lo = civil_days(y0, clamp(c->from_month, 1, 12), clamp(c->from_day, 1, 31));
	hi = c->to_year == 0 ? lo :
			       civil_days(clamp(c->to_year, -100000, 100000),
					  clamp(c->to_month, 1, 12), clamp(c->to_day, 1, 31));
	if (hi < lo)
		hi = lo;
	for (i = 0; i < 3; i++) {
		y = y0 + deltas[i];
		s = civil_days(y, pt->month, pt->date == D_MONTH ? 1 : pt->day);
		e = pt->date == D_MONTH ? s + civil_days_in_month(y, pt->month) - 1 : s;
		dist = e < lo ? lo - e : s > hi ? s - hi : 0;
		if (dist < best)
			best = dist, pt->year = y;
	}
	/* A day the nearest year has not ("31.02") is refused in the plan's year, not another. */
	if (pt->date == D_DAY && pt->month >= 1 && pt->month <= 12 &&
	    pt->day > civil_days_in_month(pt->year, pt->month))
		pt->year = y0;
	pt->has_year = 1;
	return 0;
}

/* Does a range from A to B, A's year unknown, go over a new year ("28.12 - 05.01.2018")? */
static int over_new_year(const struct part *a, const struct part *b)
{
	return a->month > b->month + 5;
}

/* A range's ends lend each other what they lack: the day, the month, the year. */
static int share(struct parser *p, struct part *a, struct part *b)
{
	if (b->date == D_NONE) {
		b->date = a->date, b->day = a->day, b->month = a->month;
		b->year = a->year, b->has_year = a->has_year;
	}
	if (a->date == D_BARE)
		a->month = b->month, a->date = D_DAY;
	if (!a->has_year && b->has_year)
		a->year = b->year - over_new_year(a, b), a->has_year = 1;
	if (!a->has_year && infer_year(p, a) < 0)
		return -1;
	if (!b->has_year)
		b->year = a->year + over_new_year(a, b), b->has_year = 1;
	if (a->has_off && !b->has_off && b->has_time)
		b->has_off = 1, b->offset = a->offset;
	return 0;
}

static void to_point(const struct part *pt, struct when_point *w)
{
	memset(w, 0, sizeof *w);
	w->year = pt->year, w->month = pt->month, w->day = pt->day;
	if (pt->date == D_MONTH) {
		w->prec = WHEN_PREC_MONTH, w->day = 0;
		return;
	}
	w->prec = pt->has_time ? pt->has_off ? WHEN_PREC_INSTANT : WHEN_PREC_TIME : WHEN_PREC_DATE;
	if (pt->has_time)
		w->hour = pt->hour, w->minute = pt->minute, w->second = pt->second;
	if (pt->has_off)
		w->offset_sec = pt->offset;
}

/* "14.11 9.00-10.30": an end written like a day ("10.30") after a start with a time is a time. */
static int end_as_time(struct parser *p, struct part *a, struct part *b)
{
	if (!a->has_time || b->has_time || !b->dotted)
		return 0;
	b->hour = b->day, b->minute = b->month, b->has_time = 1, b->date = D_NONE;
	b->tfirst = b->first, b->tlast = b->last;
	if (b->hour > 23)
		return fail_time(p, b, "hours go from 0 to 23");
	if (b->minute > 59)
		return fail_time(p, b, "minutes go from 0 to 59");
	return 0;
}

static int check_range_shape(struct parser *p, struct part *a, struct part *b)
{
	char q[128];

	if (a->date == D_MONTH || b->date == D_MONTH || (a->date == D_BARE && b->date != D_DAY))
		return fail(p,
			    "«%s» is a range of months: write its first and last days, "
			    "as in 01.11-31.12.2017",
			    quote_all(p, q, sizeof q));
	if (a->date == D_NONE)
		return fail(p, "«%s» has no date: write the day too, as in 14.11 9:00-18:00",
			    quote_all(p, q, sizeof q));
	if (a->has_time != b->has_time)
		return fail(p, "give both ends of «%s» a time, or neither",
			    quote_all(p, q, sizeof q));
	return 0;
}

/* Completes and checks the range A-B into OUT. */
static int resolve_range(struct parser *p, struct part *a, struct part *b, struct when *out)
{
	char q1[128], q2[128];
	int time_only;

	if (end_as_time(p, a, b) < 0 || check_range_shape(p, a, b) < 0 || check_fields(p, a) < 0 ||
	    check_fields(p, b) < 0)
		return -1;
	time_only = b->date == D_NONE;
	if (share(p, a, b) < 0 || check_days(p, a) < 0 || check_days(p, b) < 0)
		return -1;
	if (a->has_off != b->has_off)
		return fail(p, "give both ends of «%s» a UTC offset, or neither",
			    quote_all(p, q1, sizeof q1));
	to_point(a, &out->start);
	to_point(b, &out->end);
	out->kind = a->has_time ? WHEN_EVENT : WHEN_SPAN;
	if (when_point_cmp(&out->end, &out->start) >= 0)
		return 0;
	if (time_only)
		return fail(p, "the end «%s» comes before the start «%s»",
			    quote_toks(p, b->tfirst, b->tlast, q1, sizeof q1),
			    quote_toks(p, a->tfirst, a->tlast, q2, sizeof q2));
	return fail(p, "the end «%s» comes before the start «%s»", quote_part(p, b, q1, sizeof q1),
		    quote_part(p, a, q2, sizeof q2));
}

/* Completes and checks the single point A into OUT. */
static int resolve_point(struct parser *p, struct part *a, int deadline, struct when *out)
{
	char q[128];

	if (a->date == D_BARE)
		return fail_unknown(p);
	if (a->date == D_NONE)
		return fail(p, "«%s» has no date: write the day too, as in 14.11 %s",
			    quote_part(p, a, q, sizeof q), quote_part(p, a, q, sizeof q));
	if (check_fields(p, a) < 0 || (!a->has_year && infer_year(p, a) < 0) ||
	    check_days(p, a) < 0)
		return -1;
	if (deadline || a->date == D_MONTH) {
		out->kind = WHEN_DEADLINE;
		to_point(a, &out->due);
	} else {
		out->kind = WHEN_EVENT;
		to_point(a, &out->start);
	}
	return 0;
}

/* The grammar's top: [deadline-word] [from-word] part [range-sep part] ["."]. */
static int parse(struct parser *p, int as_deadline, struct when *out)
{
	struct part a, b;
	int deadline, range, sep, r;
	char q[128];

	if (p->t[0].kind == T_END)
		return fail(p, "the date is empty");
	deadline = accept(p, W_DEADLINE);
	if (!deadline)
		accept(p, W_FROM);
	if ((r = part(p, &a)) <= 0)
		return r < 0 ? -1 : fail_unknown(p);
	sep = p->i;
	if ((range = range_sep(p, a.iso)) && (r = part(p, &b)) <= 0) {
		p->i = sep;
		return r < 0 ? -1 : fail_rest(p);
	}
	if (is(p, 0, T_DOT) && p->i + 1 == p->n && p->t[p->n].kind == T_END)
		p->i++; /* a sentence's full stop */
	if (p->i < p->n || p->t[p->n].kind != T_END)
		return fail_rest(p);
	if (range && (deadline || as_deadline))
		return fail(p, "a deadline is one moment, not a range: «%s»",
			    quote_all(p, q, sizeof q));
	if (range)
		return resolve_range(p, &a, &b, out);
	return resolve_point(p, &a, deadline || as_deadline, out);
}

void when_ctx_init(struct when_ctx *ctx, const char *first_day, const char *last_day)
{
	memset(ctx, 0, sizeof *ctx);
	sscanf(first_day, "%d-%d-%d", &ctx->from_year, &ctx->from_month, &ctx->from_day);
	sscanf(last_day, "%d-%d-%d", &ctx->to_year, &ctx->to_month, &ctx->to_day);
}

/* A season after the time ("(зимнее)") applies to its wall times. */
static void set_fold(struct when *w, int fold)
{
	struct when_point *pts[] = { &w->start, &w->end, &w->due };

	for (size_t i = 0; i < 3; i++)
		if (pts[i]->prec == WHEN_PREC_TIME)
			pts[i]->fold = fold;
}

int when_parse(const char *text, const struct when_ctx *ctx, int as_deadline, struct when *out,
	       char **cause)
{
	/*
	 * Not zeroed as a whole (4 KB, most of a short parse): lex() clears each token it makes,
	 * t[0] to t[n], and nothing reads a token past t[n] (at() stops there).
	 */
	struct parser parser, *p = &parser;
	size_t len = 0;
	int fold = when_fold_suffix(text, &len), r;
	char *bare = fold != WHEN_FOLD_NONE ? strndup(text, len) : NULL;

	memset(out, 0, sizeof *out);
	if (cause != NULL)
		*cause = NULL;
	p->text = bare != NULL ? bare : text != NULL ? text : "";
	p->ctx = ctx;
	p->n = p->i = 0;
	p->cause = NULL;
	when_lex(p);
	r = parse(p, as_deadline, out);
	free(bare);
	if (r >= 0 && bare != NULL)
		set_fold(out, fold);
	if (r < 0) {
		memset(out, 0, sizeof *out);
		if (cause != NULL)
			*cause = p->cause;
		else
			free(p->cause);
	}
	return r < 0 ? -1 : 0;
}

/* Seconds from the epoch to an instant's fields, less its offset. */
static int64_t instant_seconds(const struct when_point *w)
{
	int m = w->month >= 1 && w->month <= 12 ? w->month : 1;

	return civil_secs(w->year, m, w->day, w->hour, w->minute, w->second) - w->offset_sec;
}

/*
 * Two instants compare by the moment they name; anything else field by field, year first (so a
 * month, day 0, comes before its days, and a day before its times). Equal fields: lower precision
 * first.
 */
int when_point_cmp(const struct when_point *a, const struct when_point *b)
{
	const int fa[] = { a->year, a->month, a->day, a->hour, a->minute, a->second };
	const int fb[] = { b->year, b->month, b->day, b->hour, b->minute, b->second };
	int64_t x, y;
	size_t i;

	if (a->prec == WHEN_PREC_INSTANT && b->prec == WHEN_PREC_INSTANT) {
		x = instant_seconds(a);
		y = instant_seconds(b);
		if (x != y)
			return x < y ? -1 : 1;
	} else {
		for (i = 0; i < sizeof fa / sizeof fa[0]; i++)
			if (fa[i] != fb[i])
				return fa[i] < fb[i] ? -1 : 1;
	}
	return (a->prec > b->prec) - (a->prec < b->prec);
}
