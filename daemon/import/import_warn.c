/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_warn.h"

/*
 * A plan table is typed by hand, often from last year's: «10.11.2016» in a 2017 plan,
 * «декабрь 2016» for a follow-up in December 2017. Such dates are kept as written (the file
 * is the person's), and said, with what was probably meant, so that the file gets fixed.
 */

#define DAY_SEC 86400

/* How far [FIRST, LAST] is from [BEGIN, END): 0 when they meet; <0 before, >0 after. */
static int64_t distance(int64_t first, int64_t last, int64_t begin, int64_t end)
{
	if (last < begin)
		return last - begin;
	if (first >= end)
		return first - end + 1;
	return 0;
}

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

static int first_year(const struct when *w)
{
	return w->kind == WHEN_DEADLINE ? w->due.year : w->start.year;
}

static void shift_point(struct when_point *p, int years)
{
	if (p->prec != WHEN_PREC_NONE)
		p->year += years;
}

char *import_warn_replace_year(const char *text, int from, int to)
{
	char find[16], put[16], *out, *o;
	const char *s = text;
	size_t n;
	int found = 0;

	snprintf(find, sizeof find, "%04d", from);
	snprintf(put, sizeof put, "%04d", to);
	n = strlen(find);
	if (strlen(put) != n || (out = malloc(strlen(text) + 1)) == NULL)
		return NULL;
	for (o = out; *s != '\0';) {
		if (strncmp(s, find, n) == 0 && (s == text || s[-1] < '0' || s[-1] > '9') &&
		    (s[n] < '0' || s[n] > '9')) {
			memcpy(o, put, n);
			o += n;
			s += n;
			found = 1;
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	if (!found) {
		free(out);
		return NULL;
	}
	return out;
}

/* "12 days" or "10 months". */
static void say_distance(int64_t secs, char *buf, size_t len)
{
	int64_t days = (abs64(secs) + DAY_SEC - 1) / DAY_SEC;

	if (days < 62)
		snprintf(buf, len, "%lld days", (long long)days);
	else
		snprintf(buf, len, "%lld months", (long long)((days + 15) / 30));
}

/* The same WHEN moved to year TO; its distance from the plan in *DIST. 0 or -1. */
static int shifted(const struct when *w, int to, const struct plan *p, int64_t begin, int64_t end,
		   int64_t *dist)
{
	struct when w2 = *w;
	struct moment m2;
	struct error err = ERROR_INIT;
	int years = to - first_year(w);

	shift_point(&w2.start, years);
	shift_point(&w2.end, years);
	shift_point(&w2.due, years);
	if (moment_from_when(&w2, p->tz, &m2, &err) == -1) {
		error_clear(&err);
		return -1;
	}
	*dist = distance(m2.first, m2.last, begin, end);
	return 0;
}

/* «10.11.2016» in a 2017 plan: says it, and what was probably meant; 1 if it did. */
static int warn_year(struct import_row *r, const struct plan *p, const struct when *w,
		     const char *text, int64_t dist, int64_t begin, int64_t end)
{
	int y = first_year(w), py1 = atoi(p->first_day), py2 = atoi(p->last_day);
	int to = y < py1 ? py1 : py2;
	int64_t d2;
	char *probably;

	if (y >= py1 && y <= py2)
		return 0;
	if (shifted(w, to, p, begin, end, &d2) == -1 || abs64(d2) > IMPORT_NEAR_SEC ||
	    abs64(d2) >= abs64(dist))
		return 0;
	probably = import_warn_replace_year(text, y, to);
	if (probably != NULL)
		import_row_warn(r, "«%s» is in %d, but the plan is in %d: probably «%s»", text, y,
				to, probably);
	else
		import_row_warn(r,
				"«%s» is in %d, but the plan is in %d: probably a typo for "
				"%d",
				text, y, to, to);
	free(probably);
	return 1;
}

void import_warn_date(struct import_row *r, const struct plan *p, const struct when *w,
		      const struct moment *m, const char *text)
{
	int64_t begin, end, b2, e2, dist;
	char from[16], to[16], far[32];

	if (moment_day_bounds(p->first_day, p->tz, &begin, &e2) == -1 ||
	    moment_day_bounds(p->last_day, p->tz, &b2, &end) == -1)
		return;
	dist = distance(m->first, m->last, begin, end);
	if (dist == 0 || warn_year(r, p, w, text, dist, begin, end) ||
	    abs64(dist) <= IMPORT_NEAR_SEC)
		return;
	moment_human_day(p->first_day, from, sizeof from);
	moment_human_day(p->last_day, to, sizeof to);
	say_distance(dist, far, sizeof far);
	import_row_warn(r, "«%s» is %s %s the plan's days (%s–%s): is the date right?", text, far,
			dist < 0 ? "before" : "after", from, to);
}
