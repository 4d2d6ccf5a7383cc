/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "report/status_page.h"

/* The week as a timeline: one block per day of the plan, each item on the day it falls on. */

/* Item indices ordered by when they happen, plan order among equals (qsort_r on the report). */
static int by_time(const void *a, const void *b, void *arg)
{
	const struct report *r = arg;
	const struct report_item *x = &r->items[*(const size_t *)a];
	const struct report_item *y = &r->items[*(const size_t *)b];

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* The day after DAY ("YYYY-MM-DD") into NEXT; 0 or -1. */
static int next_day(const char *day, char next[11])
{
	int y, m, d;
	struct tm tm = { 0 };
	time_t t;

	if (sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + 1;
	tm.tm_hour = 12;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	snprintf(next, 11, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u,
		 (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
	return 0;
}

static int weekday(const char *day)
{
	int y, m, d;
	struct tm tm = { 0 };
	time_t t;

	if (sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	return tm.tm_wday;
}

/*
 * The items ORDER[*POS...] of DAY (NULL: all that are left), under HEADING; advances *POS.
 * A day without items says so; with DAY NULL and nothing left, nothing is written.
 */
static void day_block(struct buf *b, const struct report *r, const size_t *order, size_t *pos,
		      const char *day, const char *heading)
{
	const char *l = r->plan->lang;
	size_t start = *pos;

	while (*pos < r->nitems && (day == NULL || strcmp(r->items[order[*pos]].day, day) == 0))
		(*pos)++;
	if (day == NULL && start == *pos)
		return;
	buf_printf(b, "<div class=\"day\"%s%s%s>\n<h3>", day ? " data-day=\"" : "", day ? day : "",
		   day ? "\"" : "");
	rbuf_html(b, heading);
	buf_add_str(b, "</h3>\n<ul class=\"items\">\n");
	if (start == *pos)
		buf_printf(b, "<li class=\"none\">%s</li>\n", i18n(l, W_NOTHING));
	for (size_t i = start; i < *pos; i++)
		status_page_item(b, r, &r->items[order[i]]);
	buf_add_str(b, "</ul>\n</div>\n");
}

static void week_days(struct buf *b, const struct report *r, const size_t *order, size_t *pos)
{
	const struct plan *p = r->plan;
	char day[11], human[16], heading[64];
	int guard = 0;

	snprintf(day, sizeof day, "%s", p->first_day);
	while (strcmp(day, p->last_day) <= 0 && guard++ < 400) {
		moment_human_day(day, human, sizeof human);
		snprintf(heading, sizeof heading, "%s, %s", i18n_weekday(p->lang, weekday(day)),
			 human);
		/* Items of this day; those before it (outside the week) were taken already. */
		day_block(b, r, order, pos, day, heading);
		if (next_day(day, day) == -1)
			break;
	}
}

void status_page_week(struct buf *b, const struct report *r)
{
	const char *l = r->plan->lang;
	size_t *order = malloc((r->nitems + 1) * sizeof *order), pos = 0, first = 0;

	if (order == NULL) {
		b->failed = 1;
		return;
	}
	for (size_t i = 0; i < r->nitems; i++)
		order[i] = i;
	qsort_r(order, r->nitems, sizeof *order, by_time, (void *)r);
	buf_printf(b, "<section id=\"week\">\n<h2>%s</h2>\n", i18n(l, W_WEEK));
	while (first < r->nitems && strcmp(r->items[order[first]].day, r->plan->first_day) < 0)
		first++;
	if (first > 0) {
		size_t n = 0;
		buf_printf(b, "<div class=\"day before\">\n<h3>%s</h3>\n<ul class=\"items\">\n",
			   i18n(l, W_BEFORE_WEEK));
		for (; n < first; n++)
			status_page_item(b, r, &r->items[order[n]]);
		buf_add_str(b, "</ul>\n</div>\n");
		pos = first;
	}
	week_days(b, r, order, &pos);
	if (pos < r->nitems)
		day_block(b, r, order, &pos, NULL, i18n(l, W_AFTER_WEEK));
	buf_add_str(b, "</section>\n");
	free(order);
}
