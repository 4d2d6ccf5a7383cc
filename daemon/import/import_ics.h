/* SPDX-License-Identifier: MIT */
/* iCalendar files as rows of a plan: VEVENTs and VTODOs, read with libical. */
#ifndef QWEEK_IMPORT_ICS_H
#define QWEEK_IMPORT_ICS_H

#include <stddef.h>

#include "core/error.h"
#include "import/import.h"

/*
 * Reads the iCalendar TEXT (LEN bytes, NUL-terminated) into F: one row per VEVENT or VTODO,
 * numbered in file order, with a WHEN written in the plan's zone (O->tz) the way people write
 * it ("14.11.2017 15:00-16:30", "до 24.11.2017"), whatever zone the file uses. qweek's own
 * exports read back as they were: the label and people from the description, a deadline's
 * calendar copy ("Срок: …") folded into its to-do, X-QWEEK-WHEN when present. Returns 0, or -1
 * with ERR when the text is not a calendar or has no events or to-dos.
 */
int import_ics_read(const char *text, size_t len, const struct import_opts *o,
		    struct import_file *f, struct error *err);

#endif
