/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "ctx.h"
#include "mem.h"
#include "util.h"
#include "nls.h"

/* qweek export: the plan as CSV (a table that imports back) or as an iCalendar file. */

static const struct args_option cmd_export_options[] = { { "format", ARGS_VALUE },
							 { "output", ARGS_VALUE },
							 { NULL, 0 } };

/* "csv" or "ics": --format, else the output file's extension; NULL (usage said) if neither. */
static const char *cmd_export_format(struct cmd_ctx *ctx, struct args *args)
{
	const char *f = args_get(args, "format"), *out = args_get(args, "output");
	const char *dot = out != NULL ? strrchr(out, '.') : NULL;

	if (f == NULL && dot != NULL)
		f = dot + 1;
	if (f != NULL && strcasecmp(f, "csv") == 0)
		return "csv";
	if (f != NULL && strcasecmp(f, "ics") == 0)
		return "ics";
	if (f != NULL && args_has(args, "format"))
		ctx_usage(ctx, _("--format %s: use csv or ics"), f);
	else
		ctx_usage(ctx, _("say which format: --format csv or --format ics"));
	return NULL;
}

/* Why qweekd refused (its JSON error), on stderr. */
static enum cmd_retval cmd_export_refused(char *reply, size_t len, int status)
{
	char *why = NULL;
	struct jscan *j = reply != NULL ? jscan_parse(reply, len, &why) : NULL;
	const char *msg =
		j != NULL ? jscan_get_string(j, jscan_get(j, 0, "error"), "message") : NULL;

	free(why);
	if (msg != NULL)
		ctx_fail("%s", msg);
	else
		ctx_fail(_("qweekd refused the export (HTTP status %d)"), status);
	jscan_free(j);
	return CMD_REFUSED;
}

/* Writes the LEN bytes at DATA to OUT (NULL: stdout); CMD_OK or refused with why. */
static enum cmd_retval cmd_export_write(const char *out, const char *data, size_t len)
{
	FILE *f = out != NULL && strcmp(out, "-") != 0 ? fopen(out, "wb") : stdout;

	if (f == NULL)
		return ctx_fail(_("cannot write %s: %s"), out, strerror(errno));
	if (fwrite(data, 1, len, f) != len || (f != stdout && fclose(f) == EOF)) {
		int e = errno;
		if (f != stdout)
			remove(out);
		return ctx_fail(_("cannot write %s: %s"), f != stdout ? out : "the output",
				strerror(e));
	}
	if (f != stdout)
		fprintf(stderr, _("qweek: wrote %s (%zu bytes)\n"), out, len);
	return CMD_OK;
}

static enum cmd_retval cmd_export_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *format = cmd_export_format(ctx, args);
	char *path, *reply = NULL, what[16];
	size_t len = 0;
	enum cmd_retval rv;
	int status;

	if (format == NULL)
		return CMD_USAGE;
	snprintf(what, sizeof what, "export.%s", format);
	if ((path = ctx_path(ctx, what, NULL, NULL)) == NULL)
		return CMD_REFUSED;
	status = ctx_request_bytes(ctx, "GET", path, NULL, NULL, 0, &reply, &len);
	free(path);
	if (status == -1)
		return CMD_REFUSED;
	if (status < 200 || status > 299)
		return cmd_export_refused(reply, len, status);
	rv = cmd_export_write(args_get(args, "output"), reply != NULL ? reply : "", len);
	mem_free(reply);
	return rv;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "--format csv|ics [--output FILE]",
	.summary = N_("Write the plan out as CSV or iCalendar"),
	.help = N_(
		"Writes the plan's items to FILE (or to standard output): --format csv gives a\n"
		"table for Excel or LibreOffice (UTF-8, separated by \";\") with the dates as they\n"
		"were typed, which qweek import reads back into the same items; --format ics gives\n"
		"a calendar file. The format may also come from FILE's extension.\n"
		"\n"
		"example:\n"
		"  qweek export --format csv --output plan-2017.csv\n"
		"  qweek export --output plan-2017.ics\n"),
	.options = cmd_export_options,
	.lower = 0,
	.upper = 0,
	.exec = cmd_export_exec,
};
