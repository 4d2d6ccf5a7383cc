/* SPDX-License-Identifier: MIT */
/* A time of an iCalendar file in the zone its TZID names, as UTC, with bounded work. */
#ifndef QWEEK_IMPORT_ICS_ZONE_H
#define QWEEK_IMPORT_ICS_ZONE_H

#include <libical/ical.h>
#include <stdint.h>

/* How a TZID was read. */
enum ics_zone {
	ICS_ZONE_OK,	     /* *UTC is set */
	ICS_ZONE_UNKNOWN,    /* neither a zone the daemon knows nor one the file defines */
	ICS_ZONE_UNREADABLE, /* the file defines it, by rules not followed: *WHY says which */
};

/*
 * The UTC instant (*UTC) of wall time T (its date and time as written, its zone ignored) in
 * the zone TZID of calendar CAL (the VCALENDAR, or NULL). A TZID that names an IANA zone
 * ("Asia/Krasnoyarsk", also after a prefix such as "/freeassociation.sourceforge.net/") is
 * read with the daemon's zones (time/tz.h), whatever the file says of it. Another is read
 * from the file's VTIMEZONE of that name, without libical's expansion of it (which starts in
 * the zone's first year and follows any rule, FREQ=SECONDLY included: a few hundred bytes of
 * file could hold the daemon for hours): from the latest onset of its observances before T,
 * an onset being an observance's DTSTART, an RDATE, or its RRULE in T's year or the one
 * before when that rule is yearly, in one month, on one weekday of it ("-1SU") or one day.
 * A zone whose observances all have the same TZOFFSETTO needs no rule. The work is bounded
 * by a constant, however large the VTIMEZONE: more observances or properties than that, or
 * another rule, make the zone unreadable (*WHY, a static phrase).
 */
enum ics_zone import_ics_zone_utc(icalcomponent *cal, const char *tzid, struct icaltimetype t,
				  int64_t *utc, const char **why);

/* Seconds since the epoch of the date and time Y-MO-D H:MI:S read as UTC (no zone). */
int64_t import_ics_zone_seconds(int y, int mo, int d, int h, int mi, int s);

/* The date and time of AT (seconds as import_ics_zone_seconds counts them) into T's fields. */
void import_ics_zone_fields(int64_t at, struct icaltimetype *t);

#endif
