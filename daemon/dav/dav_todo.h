/* SPDX-License-Identifier: MIT */
/* What a task app's PUT of a VTODO means for the item (dav_todo.c). */
#ifndef QWEEK_DAV_TODO_H
#define QWEEK_DAV_TODO_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

/* What the client says of the task. */
struct dav_todo {
	int done;	   /* ticked: STATUS:COMPLETED, a COMPLETED time, or PERCENT-COMPLETE:100 */
	int64_t completed; /* its COMPLETED, or 0 */
	char changed[32];  /* out, on a refusal: the property it changed ("SUMMARY") */
};

/*
 * Reads the iCalendar text PUT (LEN bytes) against CURRENT, the item as qweek renders it now
 * (feed_dav.h): 0 with OUT, or -1 with ERR: 400 when it is not a VCALENDAR with one VTODO of
 * the same UID, 403 (ERR_FORBIDDEN, OUT->changed named) when it changes what the item is (its
 * summary, description, location, start, due, recurrence, parent). What a client changes by
 * itself when a task is ticked (SEQUENCE, DTSTAMP, LAST-MODIFIED, X- properties, alarms and
 * their acknowledgements, categories) is not looked at.
 */
int dav_todo_read(const char *put, size_t len, const char *current, struct dav_todo *out,
		  struct error *err);

#endif
