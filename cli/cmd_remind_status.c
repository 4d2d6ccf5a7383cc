/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "ctx.h"
#include "output.h"
#include "remind.h"
#include "nls.h"

/* qweek remind status: the reminders' channels, queue and rules. */

/* The instant ISO ("2017-11-14T05:00:00Z", as the API gives it) in the local time of this
 * machine (TZ): "14.11.2017 12:00 (UTC+07:00)"; "" when it is not such an instant. */
static const char *cmd_remind_status_local(const char *iso, char *buf, size_t len)
{
	struct tm t = { 0 };
	time_t at;
	long off;

	buf[0] = '\0';
	if (iso == NULL || sscanf(iso, "%d-%d-%dT%d:%d:%d", &t.tm_year, &t.tm_mon, &t.tm_mday,
				  &t.tm_hour, &t.tm_min, &t.tm_sec) != 6)
		return buf;
	t.tm_year -= 1900;
	t.tm_mon -= 1;
	at = timegm(&t);
	if (localtime_r(&at, &t) == NULL)
		return buf;
	off = t.tm_gmtoff / 60;
	snprintf(buf, len, "%02d.%02d.%04d %02d:%02d (UTC%c%02ld:%02ld)", t.tm_mday, t.tm_mon + 1,
		 t.tm_year + 1900, t.tm_hour, t.tm_min, off < 0 ? '-' : '+', labs(off) / 60,
		 labs(off) % 60);
	return buf;
}

static enum cmd_retval cmd_remind_status_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *reply;
	enum cmd_retval rv = ctx_request(ctx, "GET", "/api/v1/reminders", NULL, &reply);
	char due[64];

	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx)) {
		ctx_print_reply(reply);
		jscan_free(reply);
		return CMD_OK;
	}
	output_kv(stdout, _("email"), jscan_get_bool(reply, 0, "email") ? _("configured") : _("no"),
		  10);
	output_kv(stdout, _("hook"), jscan_get_bool(reply, 0, "hook") ? _("configured") : _("no"),
		  10);
	cmd_remind_status_local(jscan_get_string(reply, 0, "next_due"), due, sizeof due);
	output_kv(stdout, _("next due"), *due != '\0' ? due : _("nothing to come"), 10);
	printf(_("%-10s%lld queued, %lld sending, %lld failed (retrying), %lld expired\n"),
	       _("queue:"), jscan_get_int(reply, 0, "queued", 0),
	       jscan_get_int(reply, 0, "sending", 0), jscan_get_int(reply, 0, "failed", 0),
	       jscan_get_int(reply, 0, "expired", 0));
	jscan_free(reply);
	return remind_rules(ctx, NULL);
}

const struct cmd_entry cmd_remind_status_entry = {
	.name = "remind status",
	.usage = "",
	.summary = N_("Show the reminders' channels, queue and rules"),
	.help = N_(
		"Prints whether email and the notify hook are configured, when the next reminder\n"
		"is due, how many are queued, being sent, or failing, and the plan's rules.\n"
		"The daemon's queue is the administrator's: this needs qweekd's socket, not a token.\n"
		"\n"
		"example:\n"
		"  qweek remind status\n"),
	.lower = 0,
	.upper = 0,
	.exec = cmd_remind_status_exec,
};
