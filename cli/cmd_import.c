/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "ctx.h"
#include "mem.h"
#include "table.h"
#include "util.h"
#include "nls.h"

/*
 * qweek import FILE: sends the file as it is (qweekd reads CSV or iCalendar, and refuses what
 * it cannot read) and prints what became of every row.
 */

/* qweekd's limit on a file (IMPORT_MAX_BYTES). */
#define CMD_IMPORT_MAX (256 * 1024)

static const struct args_option cmd_import_options[] = { { "dry-run", 0 },
							 { "skip-bad", 0 },
							 { "encoding", ARGS_VALUE },
							 { "format", ARGS_VALUE },
							 { NULL, 0 } };

/* The LEN bytes of FILE ("-": stdin) in *DATA (malloc'd); CMD_OK or refused with why. */
static enum cmd_retval cmd_import_slurp(const char *file, char **data, size_t *len)
{
	int fd = strcmp(file, "-") == 0 ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC);
	size_t cap = 65536;
	struct stat st;
	ssize_t n;
	char *buf;

	if (fd == -1)
		return ctx_fail(_("cannot open %s: %s"), file, strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return ctx_fail(_("%s is a directory, not a file"), file);
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > CMD_IMPORT_MAX) {
		close(fd);
		return ctx_fail(_("%s is %.1f MB, and qweekd takes files of up to %d KiB (a plan "
				  "saved as CSV is rarely over 100 KB): is it the right file?"),
				file, (double)st.st_size / 1e6, CMD_IMPORT_MAX >> 10);
	}
	*len = 0;
	if ((buf = malloc(cap + 1)) == NULL)
		return ctx_fail(_("out of memory"));
	while ((n = read(fd, buf + *len, cap - *len)) > 0) {
		*len += (size_t)n;
		if (*len > CMD_IMPORT_MAX)
			break;
		if (*len == cap) {
			char *grown = realloc(buf, cap * 2 + 1);
			if (grown == NULL)
				break;
			buf = grown;
			cap *= 2;
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (n == -1 || *len > CMD_IMPORT_MAX) {
		free(buf);
		if (n == -1)
			return ctx_fail(_("cannot read %s: %s"), file, strerror(errno));
		return ctx_fail(_("%s is larger than %d KiB, the most qweekd takes: is it the "
				  "right file?"),
				file, CMD_IMPORT_MAX >> 10);
	}
	*data = buf;
	return CMD_OK;
}

/* "csv" or "ics": from --format, else the file's name, else its first bytes. */
static const char *cmd_import_format(struct cmd_ctx *ctx, struct args *args, const char *file,
				     const char *data, size_t len)
{
	const char *f = args_get(args, "format"), *dot = strrchr(file, '.');
	size_t skip = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	if (f != NULL) {
		if (strcasecmp(f, "csv") == 0 || strcasecmp(f, "ics") == 0)
			return strcasecmp(f, "csv") == 0 ? "csv" : "ics";
		ctx_usage(ctx, _("--format %s: use csv or ics"), f);
		return NULL;
	}
	if (dot != NULL && (strcasecmp(dot, ".ics") == 0 || strcasecmp(dot, ".ical") == 0 ||
			    strcasecmp(dot, ".ifb") == 0))
		return "ics";
	if (dot != NULL && (strcasecmp(dot, ".csv") == 0 || strcasecmp(dot, ".txt") == 0 ||
			    strcasecmp(dot, ".tsv") == 0))
		return "csv";
	while (skip < len && strchr(" \t\r\n", data[skip]) != NULL)
		skip++;
	if (len - skip >= 15 && strncasecmp(data + skip, "BEGIN:VCALENDAR", 15) == 0)
		return "ics";
	return "csv";
}

/* "?format=csv&dry_run=1...": the query for ARGS; NULL (said why) on failure. */
static char *cmd_import_query(struct cmd_ctx *ctx, struct args *args, const char *format)
{
	const char *enc = args_get(args, "encoding");
	char *eenc = NULL, *q;

	if (enc != NULL && (eenc = ctx_escape(ctx, enc)) == NULL)
		return NULL;
	q = util_printf("?format=%s%s%s%s%s", format, args_has(args, "dry-run") ? "&dry_run=1" : "",
			args_has(args, "skip-bad") ? "&skip_bad=1" : "",
			eenc != NULL ? "&encoding=" : "", eenc != NULL ? eenc : "");
	free(eenc);
	if (q == NULL)
		ctx_fail(_("out of memory"));
	return q;
}

static void cmd_import_color(struct table *t, const char *action)
{
	if (strcmp(action, "create") == 0)
		table_set_color(t, 2, TABLE_GREEN);
	else if (strcmp(action, "update") == 0)
		table_set_color(t, 2, TABLE_YELLOW);
	else if (strcmp(action, "refused") == 0)
		table_set_color(t, 2, TABLE_RED);
	else
		table_set_color(t, 2, TABLE_DIM);
}

/* The rows as a table: ROW № ACTION WHEN TITLE. */
static void cmd_import_table(struct cmd_ctx *ctx, struct jscan *j)
{
	static const char *const head[] = { N_("ROW"), "№", N_("ACTION"), N_("WHEN"), N_("TITLE") };
	int rows = jscan_get(j, 0, "rows");
	struct table *t = table_new(5);

	if (t == NULL || table_add_row(t, head) == -1) {
		table_free(t);
		return;
	}
	table_align_right(t, 0);
	table_keep(t, 1);
	for (int r = jscan_first(j, rows); r != -1; r = jscan_next(j, rows, r)) {
		const char *cells[5];
		cells[0] = jscan_get_string(j, r, "row");
		cells[1] = jscan_get_string(j, r, "label");
		cells[2] = jscan_get_string(j, r, "action");
		cells[3] = jscan_get_string(j, r, "when");
		cells[4] = jscan_get_string(j, r, "title");
		if (table_add_row(t, cells) == -1)
			break;
		cmd_import_color(t, cells[2] != NULL ? cells[2] : "");
	}
	table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
	table_free(t);
}

/* "row 5: why" for each row whose action is ACTION, under HEAD. */
static void cmd_import_reasons(struct jscan *j, const char *action, const char *head)
{
	int rows = jscan_get(j, 0, "rows"), shown = 0;

	for (int r = jscan_first(j, rows); r != -1; r = jscan_next(j, rows, r)) {
		const char *a = jscan_get_string(j, r, "action");
		if (a == NULL || strcmp(a, action) != 0)
			continue;
		if (shown++ == 0)
			printf("%s\n", head);
		printf(_("  row %s: %s\n"), jscan_get_string(j, r, "row"),
		       jscan_get_string(j, r, "reason"));
	}
}

static void cmd_import_list(struct jscan *j, const char *key, const char *head)
{
	int arr = jscan_get(j, 0, key), n = 0;

	for (int i = jscan_first(j, arr); i != -1; i = jscan_next(j, arr, i))
		printf("%s%s", n++ == 0 ? head : ", ", jscan_string(j, i));
	if (n > 0)
		putchar('\n');
}

static void cmd_import_warnings(struct jscan *j)
{
	int arr = jscan_get(j, 0, "warnings"), n = 0;

	for (int i = jscan_first(j, arr); i != -1; i = jscan_next(j, arr, i))
		printf("%s  %s\n", n++ == 0 ? _("warnings:\n") : "", jscan_string(j, i));
}

/* "UTF-8, separated by ",", header in row 1". */
static void cmd_import_file(struct jscan *j, const char *file)
{
	int info = jscan_get(j, 0, "file");
	const char *enc = jscan_get_string(j, info, "encoding");
	const char *delim = jscan_get_string(j, info, "delimiter");
	const char *header = jscan_get_string(j, info, "header_row");

	printf("%s: %s", file, enc != NULL ? enc : "?");
	if (delim != NULL)
		printf(_(", separated by %s%s%s"), strcmp(delim, "tab") ? "\"" : "", delim,
		       strcmp(delim, "tab") ? "\"" : "");
	if (header != NULL)
		printf(_(", header in row %s"), header);
	else if (delim != NULL)
		printf(_(", no header"));
	putchar('\n');
}

/* "14 rows: 12 created, 2 updated."; of a REFUSED import, only what was refused or skipped. */
static void cmd_import_counts(struct jscan *j, int refused)
{
	static const char *const keys[] = { "created", "updated", "unchanged", "refused",
					    "skipped" };
	/* TRANSLATORS: after a number of rows: "3 created". */
	static const char *const done[] = { N_("created"), N_("updated"), N_("unchanged"),
					    N_("refused"), N_("skipped") };
	static const char *const would[] = { N_("would be created"), N_("would be updated") };
	int dry = jscan_get_bool(j, 0, "dry_run"), rows = jscan_get(j, 0, "rows"), n = 0;
	long long blank = jscan_get_int(j, 0, "blank", 0);

	if (dry)
		fputs(_("dry run, nothing changed: "), stdout);
	printf(ngettext("%zu row", "%zu rows", jscan_size(j, rows)), jscan_size(j, rows));
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		long long v = jscan_get_int(j, 0, keys[k], 0);
		if (v == 0 || (refused && k < 3)) /* nothing was created, updated: do not say so */
			continue;
		printf("%s %lld %s", n++ == 0 ? ":" : ",", v,
		       dry && k < 2 ? _(would[k]) : _(done[k]));
	}
	if (blank > 0)
		printf(ngettext(" (and %lld empty row)", " (and %lld empty rows)", blank), blank);
	printf(".\n");
}

/* Everything between the file's line and the counts (no people "added" if REFUSED). */
static void cmd_import_body(struct cmd_ctx *ctx, struct jscan *j, int refused)
{
	int dry = jscan_get_bool(j, 0, "dry_run");

	cmd_import_table(ctx, j);
	cmd_import_reasons(j, "refused", _("refused:"));
	cmd_import_reasons(j, "skipped", _("skipped:"));
	cmd_import_warnings(j);
	if (refused)
		return;
	cmd_import_list(j, "people_created",
			dry ? _("people and groups to add: ") : _("people and groups added: "));
	cmd_import_list(j, "groups_created", _("  of them groups: "));
}

static void cmd_import_print(struct cmd_ctx *ctx, struct jscan *j, const char *file, int refused)
{
	cmd_import_file(j, file);
	cmd_import_body(ctx, j, refused);
	cmd_import_counts(j, refused);
}

/* Prints the reply (REPLY, STATUS) and returns the exit status. */
static enum cmd_retval cmd_import_reply(struct cmd_ctx *ctx, char *reply, size_t len, int status,
					const char *file)
{
	struct jscan *j;
	const char *msg;
	char *why = NULL;
	int err;

	if (reply == NULL)
		return ctx_fail(_("qweekd answered %d with nothing"), status);
	if ((j = jscan_parse(reply, len, &why)) == NULL) {
		ctx_fail(_("qweekd answered %d with a reply that is not JSON (%s)"), status,
			 why != NULL ? why : _("out of memory"));
		free(why);
		return CMD_REFUSED;
	}
	if (ctx_json(ctx)) {
		jscan_keep_raw(j);
		ctx_print_reply(j);
	} else if (jscan_get(j, 0, "rows") != -1)
		cmd_import_print(ctx, j, file, status < 200 || status > 299);
	err = jscan_get(j, 0, "error");
	msg = jscan_get_string(j, err, "message");
	if (status < 200 || status > 299)
		ctx_fail("%s", msg != NULL ? msg : _("qweekd refused the file"));
	jscan_free(j);
	return status >= 200 && status <= 299 ? CMD_OK : CMD_REFUSED;
}

static enum cmd_retval cmd_import_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *file = args_string(args, 0), *format;
	char *data = NULL, *query = NULL, *path = NULL, *reply = NULL;
	size_t len = 0, rlen = 0;
	enum cmd_retval rv;
	int status;

	if ((rv = cmd_import_slurp(file, &data, &len)) != CMD_OK)
		return rv;
	rv = CMD_REFUSED;
	if ((format = cmd_import_format(ctx, args, file, data, len)) == NULL)
		rv = CMD_USAGE;
	else if ((query = cmd_import_query(ctx, args, format)) != NULL &&
		 (path = ctx_path(ctx, "import", NULL, query)) != NULL) {
		status =
			ctx_request_bytes(ctx, "POST", path,
					  strcmp(format, "ics") == 0 ? "text/calendar" : "text/csv",
					  data, len, &reply, &rlen);
		if (status != -1)
			rv = cmd_import_reply(ctx, reply, rlen, status, file);
		else
			mem_free(reply);
	}
	free(path);
	free(query);
	free(data);
	return rv;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "FILE [--dry-run] [--skip-bad] [--encoding ENC] [--format csv|ics]",
	.summary = N_("Import a plan's table (CSV) or a calendar (iCalendar)"),
	.help = N_(
		"Reads FILE into the plan: a table as Excel or LibreOffice save it as CSV (comma or\n"
		"semicolon, UTF-8 or Windows-1251, with a header such as \"№ п/п, Наименование\n"
		"мероприятия, Срок исполнения, Ответственный исполнитель\"), or an .ics calendar.\n"
		"Each row becomes an item; its date is read like --when of qweek add; unknown people\n"
		"and groups are added. Importing the same file again updates the items. The import\n"
		"is all or nothing: a row that cannot be read is refused with its reason, and then\n"
		"nothing changes, unless --skip-bad imports the other rows. --dry-run shows what\n"
		"would be done and changes nothing. --encoding names the file's encoding (cp1251,\n"
		"utf-8) when the guess is wrong. FILE \"-\" is read from standard input.\n"
		"\n"
		"example:\n"
		"  qweek import --dry-run plan-2017.csv\n"
		"  qweek import plan-2017.csv\n"),
	.options = cmd_import_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_import_exec,
};
