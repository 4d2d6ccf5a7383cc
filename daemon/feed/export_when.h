/* SPDX-License-Identifier: MIT */
/* An item's WHEN as an export writes it: as typed when that reads back as the same time. */
#ifndef QWEEK_EXPORT_WHEN_H
#define QWEEK_EXPORT_WHEN_H

#include <stddef.h>

#include "store/store.h"
#include "time/when.h"

/* What writing a WHEN needs to know of the plan. */
struct export_when {
	struct when_ctx ctx; /* the plan's days: how a WHEN without a year reads */
	const char *tz;
	const char *deadline_word; /* "до", "by" */
	const char *const *months; /* the twelve names in the plan's language */
};

/* Sets W up for plan P (W points into P). */
void export_when_init(struct export_when *w, const struct plan *p);

/*
 * The WHEN to write for IT so that the import (when_parse in the plan's days and zone) gives it
 * back with the same kind, start, end and due: its WHEN as typed when that does ("14.11 в
 * 15.00", "декабрь 2017"), else one written from the stored time into BUF: a deadline given
 * with --due as "17.11" becomes "до 17.11.2017"; a time that the plan's local time cannot
 * name (the hour the clocks go back twice) keeps its UTC offset.
 */
const char *export_when_text(const struct export_when *w, const struct item *it, char *buf,
			     size_t len);

#endif
