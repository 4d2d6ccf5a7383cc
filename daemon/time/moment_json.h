/* SPDX-License-Identifier: MIT */
/* Times as the API writes them in JSON replies (the items, the import's report). */
#ifndef QWEEK_MOMENT_JSON_H
#define QWEEK_MOMENT_JSON_H

#include <stdint.h>

#include "core/jsonw.h"

/* A member KEY: a stored time STORED as ISO 8601 in zone TZ (moment_iso), or null when "". */
void moment_json_stored(struct jsonw *w, const char *key, const char *stored, const char *tz);

/* A member KEY: instant T in zone TZ with its offset, or null when T is 0. */
void moment_json_instant(struct jsonw *w, const char *key, int64_t t, const char *tz);

#endif
