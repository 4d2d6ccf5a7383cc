/* SPDX-License-Identifier: MIT */
#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "store/changes.h"

/* The daemon itself: is it up (/healthz), and the clock of the tests (PUT /api/v1/clock). */

int api_healthz(struct request *r, struct error *err)
{
	r->reply =
		json_pack("{s:s, s:b}", "status", "ok", "read_only", db_read_only(r->daemon->db));
	return 0;
}

int api_clock_set(struct request *r, struct error *err)
{
	static const struct field fields[] = { { "now", FIELD_LINE, 64 }, { NULL, 0, 0 } };
	const char *now;
	int64_t t;

	if (!clock_is_fixed())
		return error_set(err, ERR_NOT_FOUND, "there is nothing at /api/v1/clock");
	if (json_in_check(r->body, fields, err) == -1)
		return -1;
	now = json_in_str(r->body, "now");
	if (now == NULL || clock_parse_utc(now, &t) == -1)
		return error_set(err, ERR_INVALID,
				 "«now» must be an instant such as "
				 "2017-11-14T03:00:00Z");
	clock_set(t);
	changes_notify(0); /* plan 0: time moved; the reminders look at what is due */
	r->reply = json_pack("{s:s}", "now", now);
	return 0;
}
