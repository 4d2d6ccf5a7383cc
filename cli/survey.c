/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jscan.h"
#include "mem.h"
#include "nls.h"
#include "survey.h"
#include "util.h"

enum cmd_retval survey_file_read(const char *file, char **data, size_t *len)
{
	FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
	char *buf;
	size_t n;

	if (f == NULL)
		return ctx_fail(_("cannot open %s: %s"), file, strerror(errno));
	if ((buf = malloc(SURVEY_FILE_MAX + 2)) == NULL) {
		if (f != stdin)
			fclose(f);
		return ctx_fail(_("out of memory"));
	}
	n = fread(buf, 1, SURVEY_FILE_MAX + 1, f);
	if (ferror(f) || n > SURVEY_FILE_MAX) {
		int bad = ferror(f);
		if (f != stdin)
			fclose(f);
		free(buf);
		if (bad)
			return ctx_fail(_("cannot read %s: is it a file?"), file);
		return ctx_fail(_("%s is larger than %d KiB: is it the right file?"), file,
				SURVEY_FILE_MAX >> 10);
	}
	if (f != stdin)
		fclose(f);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return CMD_OK;
}

enum cmd_retval survey_page_print(struct cmd_ctx *ctx, const char *what)
{
	char *reply = NULL, *cause = NULL;
	size_t len = 0;
	char *tail = util_printf("/page?what=%s", what);
	char *path = tail != NULL ? ctx_path(ctx, "survey", NULL, tail) : NULL;
	int status = path != NULL ?
			     ctx_request_bytes(ctx, "GET", path, NULL, NULL, 0, &reply, &len) :
			     -1;
	struct jscan *j;
	const char *msg;

	free(tail);
	free(path);
	if (status == -1)
		return CMD_REFUSED;
	if (status == 200) {
		fwrite(reply, 1, len, stdout);
		mem_free(reply);
		return CMD_OK;
	}
	/* A refusal is JSON: {"error": {"message"}}; jscan takes the reply over. */
	j = jscan_parse(reply, len, &cause);
	msg = j != NULL ? jscan_get_string(j, jscan_get(j, 0, "error"), "message") : NULL;
	if (msg != NULL)
		ctx_fail("%s", msg);
	else
		ctx_fail(_("qweekd refused the request (HTTP status %d)"), status);
	jscan_free(j);
	free(cause);
	return CMD_REFUSED;
}
