/* SPDX-License-Identifier: MIT */
/* An iCalendar component's times as a WHEN in the plan's zone. */
#ifndef QWEEK_IMPORT_ICS_WHEN_H
#define QWEEK_IMPORT_ICS_WHEN_H

#include <libical/ical.h>

/* What the component is to the plan. */
enum ics_shape {
	ICS_EVENT,     /* a VEVENT: a moment, a time range, a day or days */
	ICS_TODO,      /* a VTODO: a deadline at its DUE (or its start) */
	ICS_DUE_EVENT, /* qweek's calendar copy of a deadline (a VEVENT): due at its start */
};

/*
 * The WHEN of C as SHAPE, written in zone TZ: sets *OUT (malloc'd) and returns 0, or returns
 * -1 with *WHY (a static sentence). *ZONE_UNKNOWN says that a TZID was not found in the file
 * nor among known zones: its times were taken as the plan's wall time.
 */
int import_ics_when(icalcomponent *c, enum ics_shape shape, const char *tz, char **out,
		    const char **why, int *zone_unknown);

#endif
