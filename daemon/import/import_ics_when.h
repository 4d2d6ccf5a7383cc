/* SPDX-License-Identifier: MIT */
/* An iCalendar component's times as a WHEN in the plan's zone. */
#ifndef QWEEK_IMPORT_ICS_WHEN_H
#define QWEEK_IMPORT_ICS_WHEN_H

#include <libical/ical.h>

#include "import/import_ics_zone.h"

/* What the component is to the plan. */
enum ics_shape {
	ICS_EVENT,     /* a VEVENT: a moment, a time range, a day or days */
	ICS_TODO,      /* a VTODO: a deadline at its DUE (or its start) */
	ICS_DUE_EVENT, /* qweek's calendar copy of a deadline (a VEVENT): due at its start */
};

/* A TZID whose times were taken as the plan's wall time, the first one: for a warning. */
struct import_ics_zone_note {
	enum ics_zone how; /* ICS_ZONE_OK: every zone was read */
	const char *why;   /* ICS_ZONE_UNREADABLE: why (a static phrase) */
	char tzid[64];	   /* the TZID (cut) */
};

/*
 * The WHEN of C (a component of a VCALENDAR) as SHAPE, written in zone TZ: sets *OUT
 * (malloc'd) and returns 0, or returns -1 with *WHY (a static sentence). *NOTE says of a TZID
 * that was neither a zone the daemon knows nor one the file defines in a way it can read
 * (import_ics_zone.h): its times were taken as the plan's wall time.
 */
int import_ics_when(icalcomponent *c, enum ics_shape shape, const char *tz, char **out,
		    const char **why, struct import_ics_zone_note *note);

#endif
