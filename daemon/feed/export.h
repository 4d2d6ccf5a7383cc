/* SPDX-License-Identifier: MIT */
/* Writing a plan out as CSV, the way the import reads it back. */
#ifndef QWEEK_EXPORT_H
#define QWEEK_EXPORT_H

#include <stddef.h>

#include "store/db.h"
#include "core/error.h"
#include "store/store.h"

/*
 * Plan P's items in plan order as CSV: UTF-8 with a byte order mark (so that Excel reads the
 * Cyrillic), CRLF, every cell quoted, separated by DELIM (';' is what Excel expects on a
 * Russian or Ukrainian Windows), a header in the plan's language (№, title, when, responsible
 * people one per line, place, description, state). The WHEN is as typed when that reads back
 * as the same time, else written out so that it does (export_when.h). Sets *OUT (malloc'd)
 * and *LEN; returns 0, or -1 with ERR.
 */
int export_csv(struct db *db, const struct plan *p, char delim, char **out, size_t *len,
	       struct error *err);

#endif
