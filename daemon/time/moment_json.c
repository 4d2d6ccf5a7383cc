/* SPDX-License-Identifier: MIT */
#include "time/moment.h"
#include "time/moment_json.h"

/* One writer per kind of time, so that an item reads the same in every reply that shows it. */

void moment_json_stored(struct jsonw *w, const char *key, const char *stored, const char *tz)
{
	char buf[40];

	jsonw_key(w, key);
	if (*stored == '\0') {
		jsonw_null(w);
		return;
	}
	moment_iso(stored, tz, buf, sizeof buf);
	jsonw_string(w, buf);
}

void moment_json_instant(struct jsonw *w, const char *key, int64_t t, const char *tz)
{
	char buf[40];

	jsonw_key(w, key);
	if (t == 0) {
		jsonw_null(w);
		return;
	}
	moment_iso_instant(t, tz, buf, sizeof buf);
	jsonw_string(w, buf);
}
