/* SPDX-License-Identifier: MIT */
/* An iCalendar text's BEGIN and END lines, checked before libical parses it. */
#ifndef QWEEK_IMPORT_ICS_CHECK_H
#define QWEEK_IMPORT_ICS_CHECK_H

#include "core/error.h"

#define ICS_MAX_DEPTH 8 /* VCALENDAR > VEVENT > VALARM, and some room */

/*
 * Checks that the BEGIN and END lines of TEXT (folded lines unfolded, in any case, with or
 * without parameters, as libical reads them) pair up, that there is one calendar, not nested
 * deeper than ICS_MAX_DEPTH. libical takes anything and says what it does not like on stderr,
 * which is the daemon's log; this says it to the person instead. Returns 0, or -1 with ERR.
 */
int import_ics_check(const char *text, struct error *err);

#endif
