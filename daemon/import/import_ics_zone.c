/* SPDX-License-Identifier: MIT */
#include <string.h>
#include <strings.h>

#include "import/import_ics_zone.h"
#include "time/tz.h"

/*
 * libical converts a time of a zone that the file defines by expanding the VTIMEZONE's rules
 * from their first year to the time asked (icaltimezone_expand_changes, cached in the zone):
 * RRULE:FREQ=SECONDLY from 2017 in a 300-byte file held qweekd's only thread for good, and a
 * DAILY rule from 1601 cost 0.43 s a zone. So no time of an imported file is converted by
 * libical: an IANA name goes to time/tz.c, and anything else is read here, a constant amount
 * of work per time, from at most ZONE_MAX_PARTS observances of at most ZONE_MAX_PROPS
 * properties each, following only the yearly rules that zones are written with.
 */

#define ZONE_MAX_PARTS 32
#define ZONE_MAX_PROPS 64
#define ZONE_MAX_TZID  256 /* longer is no zone name, with or without a prefix */
#define DAY_SEC	       86400

/* One observance (STANDARD or DAYLIGHT) as far as time T needs it. */
struct part {
	int from, to;  /* TZOFFSETFROM, TZOFFSETTO, in seconds */
	int64_t first; /* DTSTART, as written (the wall time before the change) */
	int64_t onset; /* the latest onset that applies at T, as written; if found */
	int found;     /* an onset applies at T */
	int rule_ok;   /* no RRULE, or one that is followed */
	struct icaltimetype dtstart;
	int has_rule;
	struct {		   /* its RRULE, when followed */
		short by_day;	   /* encoded as libical does, or ICAL_RECURRENCE_ARRAY_MAX */
		short by_monthday; /* or ICAL_RECURRENCE_ARRAY_MAX */
		short month;	   /* BYMONTH, or 0 for DTSTART's */
		int interval, count;
		struct icaltimetype until;
	} rule;
};

/* Days from 1970-01-01 to Y-M-D (proleptic Gregorian calendar). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int64_t import_ics_zone_seconds(int y, int mo, int d, int h, int mi, int s)
{
	return days_from_civil(y, mo, d) * DAY_SEC + (int64_t)h * 3600 + mi * 60 + s;
}

void import_ics_zone_fields(int64_t at, struct icaltimetype *t)
{
	int64_t days = at >= 0 ? at / DAY_SEC : -((-at + DAY_SEC - 1) / DAY_SEC);
	int64_t secs = at - days * DAY_SEC, z = days + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	t->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	t->year = (int)(yoe + era * 400 + (t->month <= 2));
	t->hour = (int)(secs / 3600);
	t->minute = (int)(secs / 60 % 60);
	t->second = (int)(secs % 60);
}

static int64_t seconds_of(struct icaltimetype t)
{
	return import_ics_zone_seconds(t.year, t.month, t.day, t.is_date ? 0 : t.hour,
				       t.is_date ? 0 : t.minute, t.is_date ? 0 : t.second);
}

/*
 * The IANA zone that TZID names, or NULL. Calendars that write a zone's path after a prefix
 * of their own ("/freeassociation.sourceforge.net/Tzfile/Europe/Kyiv") name it by its last
 * parts: up to three are tried ("America/Argentina/Buenos_Aires").
 */
static const char *iana_name(const char *tzid)
{
	const char *s;
	int tries = 0;

	if (strnlen(tzid, ZONE_MAX_TZID + 1) > ZONE_MAX_TZID)
		return NULL;
	if (tz_valid(tzid))
		return tzid;
	if (tzid[0] != '/')
		return NULL;
	for (s = tzid + strlen(tzid); s > tzid + 1 && tries < 3; s--)
		if (s[-1] == '/' && (tries++, tz_valid(s)))
			return s;
	return NULL;
}

static int list_len(const short *list, int max)
{
	int n = 0;

	while (n < max && list[n] != ICAL_RECURRENCE_ARRAY_MAX)
		n++;
	return n;
}

/* A rule zones are written with: yearly, in one month, on one weekday of it or one day. */
static int rule_followed(const struct icalrecurrencetype *r)
{
	int days = list_len(r->by_day, ICAL_BY_DAY_SIZE);

	return r->freq == ICAL_YEARLY_RECURRENCE && r->interval >= 1 &&
	       (r->rscale == NULL || strcasecmp(r->rscale, "GREGORIAN") == 0) &&
	       list_len(r->by_second, ICAL_BY_SECOND_SIZE) == 0 &&
	       list_len(r->by_minute, ICAL_BY_MINUTE_SIZE) == 0 &&
	       list_len(r->by_hour, ICAL_BY_HOUR_SIZE) == 0 &&
	       list_len(r->by_year_day, ICAL_BY_YEARDAY_SIZE) == 0 &&
	       list_len(r->by_week_no, ICAL_BY_WEEKNO_SIZE) == 0 &&
	       list_len(r->by_set_pos, ICAL_BY_SETPOS_SIZE) == 0 &&
	       list_len(r->by_month, ICAL_BY_MONTH_SIZE) <= 1 &&
	       (r->by_month[0] == ICAL_RECURRENCE_ARRAY_MAX ||
		!icalrecurrencetype_month_is_leap(r->by_month[0])) &&
	       days + list_len(r->by_month_day, ICAL_BY_MONTHDAY_SIZE) <= 1 &&
	       (days == 0 || icalrecurrencetype_day_position(r->by_day[0]) != 0);
}

/* The day of month of the rule's onset in Y-M (by weekday or day), or 0 if it has none. */
static int rule_day(const struct part *p, int y, int m)
{
	int len = icaltime_days_in_month(m, y), d;

	if (p->rule.by_day != ICAL_RECURRENCE_ARRAY_MAX) {
		int pos = icalrecurrencetype_day_position(p->rule.by_day);
		int want = (int)icalrecurrencetype_day_day_of_week(p->rule.by_day) - 1; /* 0 Sun */
		int first = (int)((days_from_civil(y, m, 1) % 7 + 11) % 7);		/* 0 Sun */
		d = 1 + (want - first + 7) % 7;
		if (pos > 0)
			d += 7 * (pos - 1);
		else
			for (d += 28; d > len; d -= 7)
				;
		if (pos < -1)
			d -= 7 * (-pos - 1);
	} else if (p->rule.by_monthday != ICAL_RECURRENCE_ARRAY_MAX) {
		d = p->rule.by_monthday;
		d = d > 0 ? d : len + 1 + d;
	} else {
		d = p->dtstart.day;
	}
	return d >= 1 && d <= len ? d : 0;
}

/* The rule's onset in year Y, as written, if it has one then; 0 or -1. */
static int rule_onset(const struct part *p, int y, int64_t *onset)
{
	int m = p->rule.month != 0 ? p->rule.month : p->dtstart.month;
	int d = m >= 1 && m <= 12 ? rule_day(p, y, m) : 0;

	if (d == 0)
		return -1;
	*onset = import_ics_zone_seconds(y, m, d, p->dtstart.hour, p->dtstart.minute,
					 p->dtstart.second);
	if (*onset < p->first)
		return -1;
	if (!icaltime_is_null_time(p->rule.until)) {
		int64_t until = seconds_of(p->rule.until);
		if ((icaltime_is_utc(p->rule.until) ? *onset - p->from : *onset) > until)
			return -1;
	}
	return 0;
}

/* Considers ONSET (as written) for P at AT. */
static void consider(struct part *p, int64_t onset, int64_t at)
{
	/* Past both readings of the change: a skipped time keeps the offset before it, and a
	 * time that occurs twice is taken at its first occurrence, as RFC 5545 says. */
	int64_t after = onset + (p->to > p->from ? p->to - p->from : 0);

	if (at >= after && (!p->found || onset > p->onset)) {
		p->onset = onset;
		p->found = 1;
	}
}

/* The onsets of P's rule in year YEAR (or the last year it has) and the one before, at AT. */
static void rule_latest(struct part *p, int64_t at, int year)
{
	int y0 = p->dtstart.year, y = year, step = p->rule.interval;
	int64_t onset;

	if (p->rule.count > 0 && (int64_t)y > y0 + (int64_t)(p->rule.count - 1) * step)
		y = (int)(y0 + (int64_t)(p->rule.count - 1) * step);
	if (!icaltime_is_null_time(p->rule.until) && y > p->rule.until.year)
		y = p->rule.until.year;
	if (y < y0)
		return;
	y -= (y - y0) % step;
	for (int tries = 0; tries < 2 && y >= y0; tries++, y -= step)
		if (rule_onset(p, y, &onset) == 0)
			consider(p, onset, at);
}

/* Keeps PROP's rule in P if it is one that is followed; 1 if so, else 0. */
static int read_rule(struct part *p, icalproperty *prop)
{
	struct icalrecurrencetype r = icalproperty_get_rrule(prop);

	if (!rule_followed(&r))
		return 0;
	p->rule.by_day = r.by_day[0];
	p->rule.by_monthday = r.by_month_day[0];
	p->rule.month = r.by_month[0] != ICAL_RECURRENCE_ARRAY_MAX ?
				(short)icalrecurrencetype_month_month(r.by_month[0]) :
				0;
	p->rule.interval = r.interval;
	p->rule.count = r.count;
	p->rule.until = r.until;
	return 1;
}

static struct icaltimetype rdate_of(icalproperty *prop)
{
	struct icaldatetimeperiodtype v = icalproperty_get_rdate(prop);

	return icaltime_is_null_time(v.time) ? v.period.start : v.time;
}

/* Reads observance C into P for time AT; 0, or -1 with *WHY. */
static int read_part(icalcomponent *c, struct part *p, int64_t at, const char **why)
{
	int props = 0, offsets = 0;

	memset(p, 0, sizeof *p);
	p->rule_ok = 1;
	for (icalproperty *prop = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY);
	     prop != NULL; prop = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY)) {
		if (++props > ZONE_MAX_PROPS) {
			*why = "a part of it has too many properties";
			return -1;
		}
		switch (icalproperty_isa(prop)) {
		case ICAL_DTSTART_PROPERTY:
			p->dtstart = icalproperty_get_dtstart(prop);
			break;
		case ICAL_TZOFFSETFROM_PROPERTY:
			p->from = icalproperty_get_tzoffsetfrom(prop);
			offsets |= 1;
			break;
		case ICAL_TZOFFSETTO_PROPERTY:
			p->to = icalproperty_get_tzoffsetto(prop);
			offsets |= 2;
			break;
		case ICAL_RRULE_PROPERTY:
			p->rule_ok = !p->has_rule && read_rule(p, prop);
			p->has_rule = 1;
			break;
		default:
			break;
		}
	}
	if (offsets != 3 || icaltime_is_null_time(p->dtstart) ||
	    !icaltime_is_valid_time(p->dtstart)) {
		*why = "a part of it lacks its DTSTART, TZOFFSETFROM or TZOFFSETTO";
		return -1;
	}
	p->first = seconds_of(p->dtstart);
	consider(p, p->first, at);
	for (icalproperty *prop = icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY);
	     prop != NULL; prop = icalcomponent_get_next_property(c, ICAL_RDATE_PROPERTY)) {
		struct icaltimetype r = rdate_of(prop);
		if (!icaltime_is_null_time(r) && icaltime_is_valid_time(r))
			consider(p, seconds_of(r), at);
	}
	return 0;
}

/* The offset of the VTIMEZONE Z at AT; 0, or -1 with *WHY. */
static int zone_offset(icalcomponent *z, int64_t at, int year, int *offset, const char **why)
{
	struct part parts[ZONE_MAX_PARTS], *best = NULL, *earliest = NULL;
	int n = 0, seen = 0, rules_ok = 1, one_offset = 1;

	for (icalcomponent *c = icalcomponent_get_first_component(z, ICAL_ANY_COMPONENT); c != NULL;
	     c = icalcomponent_get_next_component(z, ICAL_ANY_COMPONENT)) {
		icalcomponent_kind k = icalcomponent_isa(c);
		if (++seen > ZONE_MAX_PARTS) {
			*why = "it has too many parts (STANDARD, DAYLIGHT)";
			return -1;
		}
		if (k != ICAL_XSTANDARD_COMPONENT && k != ICAL_XDAYLIGHT_COMPONENT)
			continue;
		if (read_part(c, &parts[n], at, why) == -1)
			return -1;
		rules_ok &= parts[n].rule_ok;
		one_offset &= parts[n].to == parts[0].to;
		n++;
	}
	if (n == 0) {
		*why = "it has no STANDARD or DAYLIGHT part";
		return -1;
	}
	if (!rules_ok && !one_offset) {
		*why = "it changes by a rule that is not yearly in one month";
		return -1;
	}
	for (int i = 0; i < n; i++) {
		struct part *p = &parts[i];
		if (p->has_rule && rules_ok)
			rule_latest(p, at, year);
		if (earliest == NULL || p->first < earliest->first)
			earliest = p;
		if (p->found && (best == NULL || p->onset - p->from > best->onset - best->from))
			best = p;
	}
	*offset = best != NULL ? best->to : earliest->from;
	return 0;
}

enum ics_zone import_ics_zone_utc(icalcomponent *cal, const char *tzid, struct icaltimetype t,
				  int64_t *utc, const char **why)
{
	const char *name = iana_name(tzid);
	int64_t at = seconds_of(t);
	icaltimezone *z;
	int offset;

	if (name != NULL) {
		if (tz_to_utc(name, t.year, t.month, t.day, t.hour, t.minute, t.second, utc) == 0)
			return ICS_ZONE_OK;
		return ICS_ZONE_UNKNOWN;
	}
	z = cal != NULL ? icalcomponent_get_timezone(cal, tzid) : NULL;
	if (z == NULL || icaltimezone_get_component(z) == NULL)
		return ICS_ZONE_UNKNOWN;
	if (zone_offset(icaltimezone_get_component(z), at, t.year, &offset, why) == -1)
		return ICS_ZONE_UNREADABLE;
	*utc = at - offset;
	return ICS_ZONE_OK;
}
