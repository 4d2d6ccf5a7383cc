/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "time/moment.h"
#include "time/tz.h"

/* The bridge between what people wrote (wall time in the plan's zone) and UTC instants. */

static int64_t instant_of_fields(const struct when_point *p)
{
	struct tm tm = { 0 };

	tm.tm_year = p->year - 1900;
	tm.tm_mon = p->month - 1;
	tm.tm_mday = p->day;
	tm.tm_hour = p->hour;
	tm.tm_min = p->minute;
	tm.tm_sec = p->second;
	return (int64_t)timegm(&tm) - p->offset_sec;
}

static int64_t local_instant(const char *tz, int y, int mo, int d, int h, int mi, int s, int fold)
{
	int64_t t = 0;

	/* Months and days past their end roll over, as mktime() would: 13.2017 is 01.2018. */
	if (mo > 12) {
		y += (mo - 1) / 12;
		mo = (mo - 1) % 12 + 1;
	}
	tz_to_utc_fold(tz, y, mo, d, h, mi, s, fold == WHEN_FOLD_WINTER, &t);
	return t;
}

/* The instant P begins at (a day: its midnight; a month: its first midnight). */
static int64_t point_begin(const struct when_point *p, const char *tz)
{
	switch (p->prec) {
	case WHEN_PREC_INSTANT:
		return instant_of_fields(p);
	case WHEN_PREC_TIME:
		return local_instant(tz, p->year, p->month, p->day, p->hour, p->minute, p->second,
				     p->fold);
	case WHEN_PREC_DATE:
		return local_instant(tz, p->year, p->month, p->day, 0, 0, 0, 0);
	case WHEN_PREC_MONTH:
		return local_instant(tz, p->year, p->month, 1, 0, 0, 0, 0);
	case WHEN_PREC_NONE:
		break;
	}
	return 0;
}

/* The instant P is over: the next midnight for a day, the next month for a month. */
static int64_t point_end(const struct when_point *p, const char *tz)
{
	struct tm tm = { 0 };

	switch (p->prec) {
	case WHEN_PREC_DATE:
		tm.tm_year = p->year - 1900;
		tm.tm_mon = p->month - 1;
		tm.tm_mday = p->day + 1;
		timegm(&tm); /* normalises 31.12 + 1 */
		return local_instant(tz, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, 0, 0, 0, 0);
	case WHEN_PREC_MONTH:
		return local_instant(tz, p->year, p->month + 1, 1, 0, 0, 0, 0);
	default:
		return point_begin(p, tz);
	}
}

static void point_store(const struct when_point *p, const char *tz, char buf[24])
{
	time_t t;
	struct tm tm;

	switch (p->prec) {
	case WHEN_PREC_INSTANT:
	case WHEN_PREC_TIME:
		t = (time_t)point_begin(p, tz);
		gmtime_r(&t, &tm);
		strftime(buf, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
		break;
	case WHEN_PREC_DATE:
		snprintf(buf, 24, "%04d-%02d-%02d", p->year, p->month, p->day);
		break;
	case WHEN_PREC_MONTH:
		snprintf(buf, 24, "%04d-%02d", p->year, p->month);
		break;
	case WHEN_PREC_NONE:
		buf[0] = '\0';
		break;
	}
}

/* Events with no end are late once their day is over, not the minute they start. */
static int64_t event_late_after(const struct when *w, const char *tz)
{
	struct when_point day;

	if (w->end.prec != WHEN_PREC_NONE)
		return point_end(&w->end, tz);
	if (w->start.prec == WHEN_PREC_TIME) {
		day = w->start;
		day.prec = WHEN_PREC_DATE;
		return point_end(&day, tz);
	}
	return point_end(&w->start, tz);
}

int moment_from_when(const struct when *w, const char *tz, struct moment *m, struct error *err)
{
	memset(m, 0, sizeof *m);
	switch (w->kind) {
	case WHEN_EVENT:
	case WHEN_SPAN:
		m->kind = w->kind == WHEN_EVENT ? "event" : "span";
		point_store(&w->start, tz, m->start);
		point_store(&w->end, tz, m->end);
		m->at = m->first = point_begin(&w->start, tz);
		m->late_after = event_late_after(w, tz);
		m->last = w->end.prec != WHEN_PREC_NONE ? point_end(&w->end, tz) :
							  point_end(&w->start, tz);
		if (w->end.prec != WHEN_PREC_NONE && m->last < m->first)
			return error_set(err, ERR_INVALID, "the end comes before the start");
		break;
	case WHEN_DEADLINE:
		m->kind = "deadline";
		point_store(&w->due, tz, m->due);
		m->at = m->late_after = m->last = point_end(&w->due, tz);
		m->first = point_begin(&w->due, tz);
		break;
	}
	return 0;
}

static char *put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + width;
}

/* "2017-11-14T15:00:00+07:00" without printf: this runs for every time of every listed item. */
static void format_iso(const struct tz_local *l, char *buf)
{
	int off = l->offset_sec < 0 ? -l->offset_sec : l->offset_sec;
	char *p = buf;

	p = put_digits(p, l->year, 4), *p++ = '-';
	p = put_digits(p, l->month, 2), *p++ = '-';
	p = put_digits(p, l->day, 2), *p++ = 'T';
	p = put_digits(p, l->hour, 2), *p++ = ':';
	p = put_digits(p, l->minute, 2), *p++ = ':';
	p = put_digits(p, l->second, 2);
	*p++ = l->offset_sec < 0 ? '-' : '+';
	p = put_digits(p, off / 3600, 2), *p++ = ':';
	p = put_digits(p, off / 60 % 60, 2);
	*p = '\0';
}

void moment_iso_instant(int64_t t, const char *tz, char *buf, size_t len)
{
	struct tz_local l;

	if (len < 26 || tz_from_utc(tz, t, &l) == -1 || l.year < 0 || l.year > 9999) {
		snprintf(buf, len, "?");
		return;
	}
	format_iso(&l, buf);
}

void moment_human_instant(int64_t t, const char *tz, char *buf, size_t len)
{
	struct tz_local l;

	if (tz_from_utc(tz, t, &l) == -1) {
		snprintf(buf, len, "?");
		return;
	}
	snprintf(buf, len, "%02d.%02d.%04d %02d:%02d", l.day, l.month, l.year, l.hour, l.minute);
}

static int digits_at(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Reads a stored "YYYY-MM-DDTHH:MM:SSZ" (fixed positions); 0 or -1. */
static int parse_stored_instant(const char *s, int64_t *t)
{
	struct tm tm = { 0 };

	if (strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || s[19] != 'Z')
		return -1;
	tm.tm_year = digits_at(s, 4) - 1900;
	tm.tm_mon = digits_at(s + 5, 2) - 1;
	tm.tm_mday = digits_at(s + 8, 2);
	tm.tm_hour = digits_at(s + 11, 2);
	tm.tm_min = digits_at(s + 14, 2);
	tm.tm_sec = digits_at(s + 17, 2);
	if (tm.tm_year < -1900 || tm.tm_mon < 0 || tm.tm_mday < 0 || tm.tm_hour < 0 ||
	    tm.tm_min < 0 || tm.tm_sec < 0)
		return -1;
	*t = (int64_t)timegm(&tm);
	return 0;
}

void moment_iso(const char *stored, const char *tz, char *buf, size_t len)
{
	int64_t t;

	if (parse_stored_instant(stored, &t) == 0)
		moment_iso_instant(t, tz, buf, len);
	else
		snprintf(buf, len, "%s", stored);
}

void moment_human_day(const char *iso_day, char *buf, size_t len)
{
	int y, m, d;

	if (sscanf(iso_day, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(buf, len, "%02d.%02d.%04d", d, m, y);
	else
		snprintf(buf, len, "%s", iso_day);
}

int moment_day_bounds(const char *iso_day, const char *tz, int64_t *begin, int64_t *end)
{
	struct when_point p = { .prec = WHEN_PREC_DATE };

	if (sscanf(iso_day, "%4d-%2d-%2d", &p.year, &p.month, &p.day) != 3)
		return -1;
	*begin = point_begin(&p, tz);
	*end = point_end(&p, tz);
	return 0;
}

int moment_day_from_text(const char *text, char out[11], struct error *err)
{
	struct when w;
	char *cause = NULL;

	if (when_parse(text, NULL, 0, &w, &cause) == -1) {
		error_set(err, ERR_INVALID, "%s", cause != NULL ? cause : "not a date");
		free(cause);
		return -1;
	}
	if (w.kind != WHEN_EVENT || w.start.prec != WHEN_PREC_DATE || w.end.prec != WHEN_PREC_NONE)
		return error_set(err, ERR_INVALID, "«%s» is not one day such as 08.11.2017", text);
	snprintf(out, 11, "%04d-%02d-%02d", w.start.year, w.start.month, w.start.day);
	return 0;
}
