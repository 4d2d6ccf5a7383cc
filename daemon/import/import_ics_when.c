/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_ics_when.h"
#include "import/import_ics_zone.h"
#include "time/tz.h"

/*
 * An event's or to-do's times, in whatever zone the file has them, written as a WHEN in the
 * plan's zone: then they go through the same parser as what people type, and the item shows
 * a WHEN that people can read and edit.
 */

struct wall {
	int year, month, day, hour, minute, second;
	int date; /* a whole day */
};

/* A time of the file as written: its date and time, and in which zone. */
struct point {
	struct icaltimetype t; /* zone not used: libical's would expand the file's VTIMEZONE */
	int utc;	       /* "Z" */
	const char *tzid;      /* its TZID, or NULL (floating, or UTC) */
};

/* What the times' zones were, for the caller's warnings. */
struct zones {
	icalcomponent *cal; /* the calendar, where the VTIMEZONEs are */
	const char *tz;	    /* the plan's zone */
	struct import_ics_zone_note *note;
};

/* The property KIND of C as a point; 0, or -1 if C has none. */
static int point_of(icalcomponent *c, icalproperty_kind kind, struct point *pt)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);
	icalparameter *z;

	memset(pt, 0, sizeof *pt);
	if (p == NULL)
		return -1;
	pt->t = icalvalue_get_datetime(icalproperty_get_value(p));
	pt->utc = icaltime_is_utc(pt->t);
	pt->t.zone = NULL;
	if (!pt->utc && !pt->t.is_date &&
	    (z = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER)) != NULL)
		pt->tzid = icalparameter_get_tzid(z);
	return icaltime_is_null_time(pt->t) || !icaltime_is_valid_time(pt->t) ? -1 : 0;
}

/*
 * An event's end: DTEND, or DTSTART and DURATION (added as written: "P1D" is the next day at
 * the same hour, as RFC 5545 has it for days). Not libical's icalcomponent_get_dtend: its
 * icaltime_add counts the days of a DURATION month by month, and P99999999D is a lot.
 */
static int end_of(icalcomponent *c, const struct point *start, struct point *end)
{
	icalproperty *p = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY);
	struct icaldurationtype d;
	int64_t secs;

	if (icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY) != NULL)
		return point_of(c, ICAL_DTEND_PROPERTY, end);
	if (p == NULL)
		return -1;
	d = icalproperty_get_duration(p);
	secs = (((int64_t)d.weeks * 7 + d.days) * 24 + d.hours) * 3600 + (int64_t)d.minutes * 60 +
	       d.seconds;
	*end = *start;
	import_ics_zone_fields(import_ics_zone_seconds(start->t.year, start->t.month, start->t.day,
						       start->t.hour, start->t.minute,
						       start->t.second) +
				       (d.is_neg ? -secs : secs),
			       &end->t);
	return 0;
}

/* Notes that PT's zone was not used, and why, for the first time that had one. */
static void note_zone(struct zones *z, const struct point *pt, enum ics_zone how, const char *why)
{
	if (z->note->how != ICS_ZONE_OK)
		return;
	z->note->how = how;
	z->note->why = why;
	snprintf(z->note->tzid, sizeof z->note->tzid, "%s", pt->tzid);
}

/* PT as wall time in the plan's zone: days as they are, instants converted, floating as
 * written (and a time of a zone that cannot be read, with a note). */
static int wall_of(const struct point *pt, struct zones *z, struct wall *w)
{
	struct icaltimetype t = pt->t;
	struct tz_local l;
	const char *why = NULL;
	enum ics_zone how = ICS_ZONE_OK;
	int64_t u;

	memset(w, 0, sizeof *w);
	w->year = t.year;
	w->month = t.month;
	w->day = t.day;
	if (t.is_date) {
		w->date = 1;
		return 0;
	}
	if (pt->utc)
		u = import_ics_zone_seconds(t.year, t.month, t.day, t.hour, t.minute, t.second);
	else if (pt->tzid != NULL)
		how = import_ics_zone_utc(z->cal, pt->tzid, t, &u, &why);
	if (how != ICS_ZONE_OK)
		note_zone(z, pt, how, why);
	if ((pt->utc || pt->tzid != NULL) && how == ICS_ZONE_OK) {
		if (tz_from_utc(z->tz, u, &l) == -1)
			return -1;
		*w = (struct wall){ l.year, l.month, l.day, l.hour, l.minute, l.second, 0 };
		return 0;
	}
	w->hour = t.hour;
	w->minute = t.minute;
	w->second = t.second;
	return 0;
}

static int64_t wall_seconds(const struct wall *w)
{
	return import_ics_zone_seconds(w->year, w->month, w->day, w->hour, w->minute, w->second);
}

/* Appends "14.11.2017" and, unless a whole day, " 15:00" (":30" for seconds). */
static void put_point(char *buf, size_t size, const struct wall *w, int with_day)
{
	size_t n = strlen(buf);

	if (with_day)
		n += (size_t)snprintf(buf + n, size - n, "%02d.%02d.%04d%s", w->day, w->month,
				      w->year, w->date ? "" : " ");
	if (w->date || n >= size)
		return;
	n += (size_t)snprintf(buf + n, size - n, "%02d:%02d", w->hour, w->minute);
	if (w->second != 0 && n < size)
		snprintf(buf + n, size - n, ":%02d", w->second);
}

static int same_day(const struct wall *a, const struct wall *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* An event: "14.11.2017", "08.11.2017 - 15.11.2017", "14.11.2017 15:00-16:30", ... */
static int event_when(icalcomponent *c, struct zones *z, char *buf, size_t size, const char **why)
{
	struct point st, en;
	struct wall s, e;

	if (point_of(c, ICAL_DTSTART_PROPERTY, &st) == -1 || wall_of(&st, z, &s) == -1) {
		*why = "it has no start (DTSTART) that can be read";
		return -1;
	}
	put_point(buf, size, &s, 1);
	if (end_of(c, &st, &en) == -1 || en.t.is_date != st.t.is_date || wall_of(&en, z, &e) == -1)
		return 0;
	if (st.t.is_date) {
		/* DTEND of days is the day after */
		int64_t last = wall_seconds(&e) - 86400;
		if (last <= wall_seconds(&s))
			return 0;
		import_ics_zone_fields(last, &en.t);
		e.year = en.t.year;
		e.month = en.t.month;
		e.day = en.t.day;
		strncat(buf, " - ", size - strlen(buf) - 1);
		put_point(buf, size, &e, 1);
		return 0;
	}
	if (wall_seconds(&e) <= wall_seconds(&s))
		return 0;
	strncat(buf, same_day(&s, &e) ? "-" : " - ", size - strlen(buf) - 1);
	put_point(buf, size, &e, !same_day(&s, &e));
	return 0;
}

/* A deadline: "до 24.11.2017" or "до 24.11.2017 18:00", from DUE (or a start). */
static int due_when(icalcomponent *c, icalproperty_kind kind, struct zones *z, char *buf,
		    size_t size, const char **why)
{
	struct point pt;
	struct wall d;

	if (point_of(c, kind, &pt) == -1 || wall_of(&pt, z, &d) == -1) {
		*why = "it has no due date (DUE) that can be read";
		return -1;
	}
	snprintf(buf, size, "до ");
	put_point(buf, size, &d, 1);
	return 0;
}

int import_ics_when(icalcomponent *c, enum ics_shape shape, const char *tz, char **out,
		    const char **why, struct import_ics_zone_note *note)
{
	struct zones z = { .cal = icalcomponent_get_parent(c), .tz = tz, .note = note };
	char buf[96] = "";
	int rc;

	*out = NULL;
	memset(note, 0, sizeof *note);
	switch (shape) {
	case ICS_EVENT:
		rc = event_when(c, &z, buf, sizeof buf, why);
		break;
	case ICS_DUE_EVENT:
		rc = due_when(c, ICAL_DTSTART_PROPERTY, &z, buf, sizeof buf, why);
		break;
	case ICS_TODO:
	default:
		rc = due_when(c,
			      icalcomponent_get_first_property(c, ICAL_DUE_PROPERTY) != NULL ?
				      ICAL_DUE_PROPERTY :
				      ICAL_DTSTART_PROPERTY,
			      &z, buf, sizeof buf, why);
		break;
	}
	if (rc == -1)
		return -1;
	if ((*out = strdup(buf)) == NULL) {
		*why = "out of memory";
		return -1;
	}
	return 0;
}
