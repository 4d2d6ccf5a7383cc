/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_ics_when.h"
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

/* Whether the property NAME of C has a TZID that libical could not find. */
static int tzid_unknown(icalcomponent *c, icalproperty_kind kind, struct icaltimetype t)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);

	return p != NULL && t.zone == NULL && !t.is_date &&
	       icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) != NULL;
}

/* T as wall time in zone TZ: days as they are, instants converted, floating as written. */
static int wall_of(struct icaltimetype t, const char *tz, struct wall *w)
{
	struct tz_local l;

	memset(w, 0, sizeof *w);
	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
		return -1;
	w->year = t.year;
	w->month = t.month;
	w->day = t.day;
	if (t.is_date) {
		w->date = 1;
		return 0;
	}
	if (t.zone != NULL || icaltime_is_utc(t)) {
		icaltimezone *z =
			t.zone != NULL ? (icaltimezone *)t.zone : icaltimezone_get_utc_timezone();
		time_t u = icaltime_as_timet_with_zone(t, z);
		if (tz_from_utc(tz, (int64_t)u, &l) == -1)
			return -1;
		w->year = l.year;
		w->month = l.month;
		w->day = l.day;
		w->hour = l.hour;
		w->minute = l.minute;
		w->second = l.second;
		return 0;
	}
	w->hour = t.hour;
	w->minute = t.minute;
	w->second = t.second;
	return 0;
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
static int event_when(icalcomponent *c, const char *tz, char *buf, size_t size, const char **why)
{
	struct icaltimetype st = icalcomponent_get_dtstart(c), en = icalcomponent_get_dtend(c);
	struct wall s, e;

	if (wall_of(st, tz, &s) == -1) {
		*why = "it has no start (DTSTART) that can be read";
		return -1;
	}
	put_point(buf, size, &s, 1);
	if (icaltime_is_null_time(en) || en.is_date != st.is_date || icaltime_compare(en, st) <= 0)
		return 0;
	if (st.is_date) {
		icaltime_adjust(&en, -1, 0, 0, 0); /* DTEND of days is the day after */
		if (icaltime_compare_date_only(en, st) <= 0 || wall_of(en, tz, &e) == -1)
			return 0;
		strncat(buf, " - ", size - strlen(buf) - 1);
		put_point(buf, size, &e, 1);
		return 0;
	}
	if (wall_of(en, tz, &e) == -1)
		return 0;
	strncat(buf, same_day(&s, &e) ? "-" : " - ", size - strlen(buf) - 1);
	put_point(buf, size, &e, !same_day(&s, &e));
	return 0;
}

/* A deadline: "до 24.11.2017" or "до 24.11.2017 18:00", from DUE (or a start). */
static int due_when(struct icaltimetype due, const char *tz, char *buf, size_t size,
		    const char **why)
{
	struct wall d;

	if (wall_of(due, tz, &d) == -1) {
		*why = "it has no due date (DUE) that can be read";
		return -1;
	}
	snprintf(buf, size, "до ");
	put_point(buf, size, &d, 1);
	return 0;
}

int import_ics_when(icalcomponent *c, enum ics_shape shape, const char *tz, char **out,
		    const char **why, int *zone_unknown)
{
	struct icaltimetype t;
	char buf[96] = "";
	int rc;

	*out = NULL;
	switch (shape) {
	case ICS_EVENT:
		t = icalcomponent_get_dtstart(c);
		rc = event_when(c, tz, buf, sizeof buf, why);
		break;
	case ICS_DUE_EVENT:
		t = icalcomponent_get_dtstart(c);
		rc = due_when(t, tz, buf, sizeof buf, why);
		break;
	case ICS_TODO:
	default:
		t = icalcomponent_get_due(c);
		if (icaltime_is_null_time(t))
			t = icalcomponent_get_dtstart(c);
		rc = due_when(t, tz, buf, sizeof buf, why);
		break;
	}
	*zone_unknown =
		tzid_unknown(c, ICAL_DTSTART_PROPERTY, icalcomponent_get_dtstart(c)) ||
		(shape == ICS_TODO && tzid_unknown(c, ICAL_DUE_PROPERTY, icalcomponent_get_due(c)));
	if (rc == -1)
		return -1;
	if ((*out = strdup(buf)) == NULL) {
		*why = "out of memory";
		return -1;
	}
	return 0;
}
