/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libical/ical.h>

#include "feed/feed_vtimezone.h"
#include "core/log.h"
#include "time/tz.h"
#include "grow.h"

/*
 * The VTIMEZONE of a feed, built from the zone's real transitions. libical 3.0's own component
 * for a zone is not usable as it is: its TZID is "/freeassociation.sourceforge.net/NAME" (which
 * python-icalendar, khal and node-ical do not take), it starts with an LMT offset in seconds,
 * ends with a spurious observance in 2038, and its rules are wrong for some zones (see tz.c).
 * So the transitions come from glibc's reading of the tzfile, as tz.c does for the rest of
 * the daemon, and libical assembles and writes the component: one observance per yearly rule
 * (an RRULE as Outlook and Google write them, open-ended when the rule still holds two years
 * after the last year asked for), from the change in force on 1 January of the first year to
 * the end of the last year. Local times in the feed are computed from the same table, so what
 * is written and what the VTIMEZONE says can never disagree.
 */

#define DAY	 86400
#define YEAR_MIN 1971
#define YEAR_MAX 2200
#define SPAN_MAX 60 /* years in one VTIMEZONE */

#define ABBR_MAX 8

struct trans {
	int64_t at;	     /* the instant of the change */
	int from, to;	     /* offsets before and after */
	int dst;	     /* the observance after it is daylight saving time */
	char abbr[ABBR_MAX]; /* its abbreviation ("EEST"), for TZNAME */
};

struct feed_zone {
	char *name;
	int first, last;
	int initial; /* the offset before the first transition */
	char initial_abbr[ABBR_MAX];
	struct trans *t; /* sorted; t[0] is the change in force on 1 January of FIRST */
	size_t n;
	char *text;
	size_t len;
	struct feed_zone *next;
};

static struct feed_zone *zones;

/* The zone abbreviation at T in the zone glibc has entered (zone_enter), into ABBR. */
static void tz_abbr(int64_t t, char abbr[ABBR_MAX])
{
	time_t tt = (time_t)t;
	struct tm tm;

	memset(abbr, 0, ABBR_MAX);
	if (localtime_r(&tt, &tm) != NULL && tm.tm_zone != NULL)
		snprintf(abbr, ABBR_MAX, "%s", tm.tm_zone);
}

/* ---- offsets ------------------------------------------------------------------------------ */

static int offset_of(const struct feed_zone *z, int64_t t)
{
	size_t lo = 0, hi = z->n;

	if (z->n == 0 || t < z->t[0].at)
		return z->n > 0 ? z->t[0].from : z->initial;
	while (hi - lo > 1) { /* the last transition at or before T */
		size_t mid = lo + (hi - lo) / 2;
		if (z->t[mid].at <= t)
			lo = mid;
		else
			hi = mid;
	}
	return z->t[lo].to;
}

void feed_zone_wall(const struct feed_zone *z, int64_t t, struct civil_time *w)
{
	civil_from_secs(t + offset_of(z, t), w);
}

int feed_zone_ambiguous(const struct feed_zone *z, int64_t t)
{
	int off = offset_of(z, t), near[2] = { offset_of(z, t - DAY), offset_of(z, t + DAY) };

	for (int i = 0; i < 2; i++)
		if (near[i] != off && offset_of(z, t + off - near[i]) == near[i])
			return 1;
	return 0;
}

int64_t feed_zone_instant(const struct feed_zone *z, int y, int mo, int d, int h, int mi, int s)
{
	int64_t wall = civil_secs(y, mo, d, h, mi, s);
	int before = offset_of(z, wall - DAY), after = offset_of(z, wall + DAY);
	int first = offset_of(z, wall - before) == before;
	int second = offset_of(z, wall - after) == after;

	if (first && second)
		return wall - (before > after ? before : after);
	if (second)
		return wall - after;
	return wall - before;
}

/* ---- finding the transitions -------------------------------------------------------------- */

/*
 * The zone's offsets come from glibc, as in tz.c, but with the zone entered once for the whole
 * scan: tz_from_utc() re-reads the tzfile at every call (~80 µs), and a scan asks thousands of
 * times. Zones renamed in tzdata are found under either name, as tz.c does.
 */
static const char *const renamed[][2] = {
	{ "Europe/Kyiv", "Europe/Kiev" },      { "Asia/Kolkata", "Asia/Calcutta" },
	{ "Asia/Ho_Chi_Minh", "Asia/Saigon" }, { "Asia/Yangon", "Asia/Rangoon" },
	{ "America/Nuuk", "America/Godthab" }, { "Pacific/Kanton", "Pacific/Enderbury" },
};

static int has_tzfile(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[512];

	snprintf(path, sizeof path, "%s/%s", dir != NULL && *dir ? dir : "/usr/share/zoneinfo",
		 name);
	return access(path, R_OK) == 0;
}

/* The spelling of NAME that this machine's tzdata has. */
static const char *tzfile_name(const char *name)
{
	if (has_tzfile(name))
		return name;
	for (size_t i = 0; i < sizeof renamed / sizeof renamed[0]; i++)
		for (int k = 0; k < 2; k++)
			if (strcmp(name, renamed[i][k]) == 0 && has_tzfile(renamed[i][!k]))
				return renamed[i][!k];
	return name;
}

/* Makes NAME glibc's zone; zone_leave puts TZ back (one thread: nobody else looks meanwhile). */
static int zone_enter(const char *name, char **saved)
{
	const char *old = getenv("TZ");
	char spec[256];

	*saved = NULL;
	if (old != NULL && (*saved = strdup(old)) == NULL)
		return -1;
	snprintf(spec, sizeof spec, ":%s", tzfile_name(name));
	if (setenv("TZ", spec, 1) != 0) {
		free(*saved);
		return -1;
	}
	tzset();
	return 0;
}

static void zone_leave(char *saved)
{
	if (saved != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

static int offset_at(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	return localtime_r(&tt, &tm) != NULL ? (int)tm.tm_gmtoff : 0;
}

/* The first instant in (LO, HI] whose offset is not FROM (LO has FROM, HI has not). */
static int64_t bisect(int64_t lo, int64_t hi, int from)
{
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		if (offset_at(mid) == from)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

static int add_trans(struct feed_zone *z, size_t *cap, int64_t at, int from, int to)
{
	if (grow(&z->t, cap, z->n + 1, sizeof *z->t) == -1)
		return -1;
	z->t[z->n] = (struct trans){ at, from, to, 0, "" };
	tz_abbr(at, z->t[z->n].abbr);
	z->n++;
	return 0;
}

/* The last change at or before START, searched a day at a time back to 1970. */
static int find_in_force(struct feed_zone *z, size_t *cap, int64_t start, int off0)
{
	for (int64_t t = start; t > 0; t -= DAY) {
		int64_t prev = t - DAY > 0 ? t - DAY : 0;
		int off = offset_at(prev);
		if (off != off0)
			return add_trans(z, cap, bisect(prev, t, off), off, off0);
	}
	z->initial = off0;
	return 0;
}

/* Every change in [START, END), looked for a day at a time. */
static int find_changes(struct feed_zone *z, size_t *cap, int64_t start, int64_t end, int off)
{
	for (int64_t t = start; t < end; t += DAY) {
		int next = offset_at(t + DAY);
		if (next == off)
			continue;
		if (add_trans(z, cap, bisect(t, t + DAY, off), off, next) == -1)
			return -1;
		off = next;
	}
	return 0;
}

/* Daylight saving time: a higher offset that gives way to a lower one within a year. */
static void classify(struct feed_zone *z)
{
	for (size_t i = 0; i < z->n; i++) {
		if (z->t[i].to <= z->t[i].from)
			continue;
		for (size_t j = i + 1; j < z->n && z->t[j].at - z->t[i].at < 366 * DAY; j++)
			if (z->t[j].to < z->t[i].to) {
				z->t[i].dst = 1;
				break;
			}
	}
}

static int find_transitions(struct feed_zone *z)
{
	int64_t start = civil_secs(z->first, 1, 1, 0, 0, 0) - DAY;
	int64_t end = civil_secs(z->last + 4, 1, 1, 0, 0, 0);
	size_t cap = 0;
	char *saved;
	int off0, rc;

	if (zone_enter(z->name, &saved) == -1)
		return -1;
	off0 = offset_at(start);
	tz_abbr(start, z->initial_abbr);
	rc = find_in_force(z, &cap, start, off0);
	if (rc == 0)
		rc = find_changes(z, &cap, start, end, off0);
	zone_leave(saved);
	classify(z);
	return rc;
}

/* ---- the VTIMEZONE ------------------------------------------------------------------------ */

/* A yearly rule: the same change on the same weekday of the same week of the same month. */
struct rule_key {
	int dst, from, to, month, wday, week, tod;
	char abbr[ABBR_MAX];
};

struct group {
	struct rule_key key;
	size_t first, count;
	int last_year;
	int64_t last_at;
};

static void key_of(const struct trans *t, struct rule_key *k, int *year)
{
	struct civil_time w;

	memset(k, 0, sizeof *k); /* compared with memcmp */
	civil_from_secs(t->at + t->from, &w);
	*year = w.year;
	k->dst = t->dst;
	k->from = t->from;
	k->to = t->to;
	k->month = w.month;
	k->wday = w.wday;
	k->week = w.day + 7 > civil_days_in_month(w.year, w.month) ? -1 : (w.day - 1) / 7 + 1;
	k->tod = w.hour * 3600 + w.minute * 60 + w.second;
	memcpy(k->abbr, t->abbr, ABBR_MAX);
}

static icalcomponent *observance(const struct feed_zone *z, const struct group *g)
{
	const struct trans *t = &z->t[g->first];
	icalcomponent *c =
		icalcomponent_new(g->key.dst ? ICAL_XDAYLIGHT_COMPONENT : ICAL_XSTANDARD_COMPONENT);
	static const char days[][3] = { "SU", "MO", "TU", "WE", "TH", "FR", "SA" };
	struct icaltimetype start = icaltime_null_time();
	struct icalrecurrencetype r;
	struct civil_time w;
	char rule[128];
	int n;

	civil_from_secs(t->at + t->from, &w);
	start.year = w.year, start.month = w.month, start.day = w.day;
	start.hour = w.hour, start.minute = w.minute, start.second = w.second;
	icalcomponent_add_property(c, icalproperty_new_dtstart(start));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetfrom(t->from));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetto(t->to));
	if (t->abbr[0] != '\0')
		icalcomponent_add_property(c, icalproperty_new_tzname(t->abbr));
	if (g->count < 2)
		return c;
	n = snprintf(rule, sizeof rule, "FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", g->key.month,
		     g->key.week, days[g->key.wday]);
	if (g->last_year < z->last + 2) { /* the rule ended: say when */
		civil_from_secs(g->last_at, &w);
		snprintf(rule + n, sizeof rule - (size_t)n, ";UNTIL=%04d%02d%02dT%02d%02d%02dZ",
			 w.year, w.month, w.day, w.hour, w.minute, w.second);
	}
	r = icalrecurrencetype_from_string(rule);
	icalcomponent_add_property(c, icalproperty_new_rrule(r));
	return c;
}

/* Groups the transitions into yearly rules (GROUPS has room for z->n). */
static size_t group_transitions(const struct feed_zone *z, struct group *groups)
{
	size_t ng = 0, i, g;
	struct rule_key k;
	int year;

	for (i = 0; i < z->n; i++) {
		key_of(&z->t[i], &k, &year);
		for (g = 0; g < ng; g++)
			if (memcmp(&groups[g].key, &k, sizeof k) == 0 &&
			    groups[g].last_year == year - 1)
				break;
		if (g == ng)
			groups[ng++] = (struct group){ k, i, 0, 0, 0 };
		groups[g].count++;
		groups[g].last_year = year;
		groups[g].last_at = z->t[i].at;
	}
	return ng;
}

static icalcomponent *initial_observance(const struct feed_zone *z)
{
	icalcomponent *c = icalcomponent_new(ICAL_XSTANDARD_COMPONENT);
	struct icaltimetype start = icaltime_null_time();

	start.year = 1970, start.month = 1, start.day = 1;
	icalcomponent_add_property(c, icalproperty_new_dtstart(start));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetfrom(z->initial));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetto(z->initial));
	if (z->initial_abbr[0] != '\0')
		icalcomponent_add_property(c, icalproperty_new_tzname(z->initial_abbr));
	return c;
}

static int make_text(struct feed_zone *z)
{
	int64_t start = civil_secs(z->first, 1, 1, 0, 0, 0) - DAY;
	int64_t end = civil_secs(z->last + 1, 1, 1, 0, 0, 0) + DAY;
	icalcomponent *vtz = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
	struct group *groups = calloc(z->n + 1, sizeof *groups);
	size_t ng;

	if (vtz == NULL || groups == NULL) {
		icalcomponent_free(vtz);
		free(groups);
		return -1;
	}
	icalcomponent_add_property(vtz, icalproperty_new_tzid(z->name));
	if (z->n == 0 || z->t[0].at > start)
		icalcomponent_add_component(vtz, initial_observance(z));
	ng = group_transitions(z, groups);
	for (size_t g = 0; g < ng; g++)
		if (z->t[groups[g].first].at <= end)
			icalcomponent_add_component(vtz, observance(z, &groups[g]));
	free(groups);
	z->text = icalcomponent_as_ical_string_r(vtz);
	icalcomponent_free(vtz);
	if (z->text == NULL)
		return -1;
	z->len = strlen(z->text);
	return 0;
}

/* ---- the cache ---------------------------------------------------------------------------- */

static void zone_free(struct feed_zone *z)
{
	if (z == NULL)
		return;
	free(z->name);
	free(z->t);
	free(z->text);
	free(z);
}

static struct feed_zone *zone_build(const char *name, int first, int last)
{
	struct feed_zone *z = calloc(1, sizeof *z);

	if (z == NULL || (z->name = strdup(name)) == NULL) {
		free(z);
		return NULL;
	}
	z->first = first;
	z->last = last;
	if (find_transitions(z) == -1 || make_text(z) == -1) {
		zone_free(z);
		return NULL;
	}
	return z;
}

const struct feed_zone *feed_zone_get(const char *name, int first, int last)
{
	struct feed_zone *z;

	if (!tz_valid(name))
		return NULL;
	first = first < YEAR_MIN ? YEAR_MIN : first > YEAR_MAX ? YEAR_MAX : first;
	last = last < first ? first : last > YEAR_MAX ? YEAR_MAX : last;
	if (last - first > SPAN_MAX)
		last = first + SPAN_MAX;
	for (z = zones; z != NULL; z = z->next)
		if (z->first == first && z->last == last && strcmp(z->name, name) == 0)
			return z;
	if ((z = zone_build(name, first, last)) == NULL) {
		log_error("feeds: cannot build the VTIMEZONE of %s", name);
		return NULL;
	}
	z->next = zones;
	zones = z;
	return z;
}

const char *feed_zone_text(const struct feed_zone *z, size_t *len)
{
	*len = z->len;
	return z->text;
}

void feed_zone_cache_free(void)
{
	while (zones != NULL) {
		struct feed_zone *next = zones->next;
		zone_free(zones);
		zones = next;
	}
}
