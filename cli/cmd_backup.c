/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "ctx.h"
#include "mem.h"
#include "nls.h"

/*
 * qweek backup FILE: qweekd copies its database while it serves (POST /api/v1/backup), we wait
 * for the copy, fetch it into FILE and its link key into FILE.key. Both are written to a
 * temporary name first and renamed, so that FILE is never half a copy.
 */

/* Writes the LEN bytes at DATA to PATH (0600) through PATH.new; CMD_OK or refused. */
static enum cmd_retval cmd_backup_write(const char *path, const char *data, size_t len)
{
	char tmp[4096];
	int fd, ok;

	if (snprintf(tmp, sizeof tmp, "%s.new", path) >= (int)sizeof tmp)
		return ctx_fail(_("%s: the name is too long"), path);
	unlink(tmp);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) == -1)
		return ctx_fail(_("cannot write %s: %s"), tmp, strerror(errno));
	ok = write(fd, data, len) == (ssize_t)len && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) == -1) {
		int e = errno;
		unlink(tmp);
		return ctx_fail(_("cannot write %s: %s"), path, strerror(e));
	}
	return CMD_OK;
}

/* Waits until the copy is made; CMD_OK with KEY (64 hex digits) filled, or refused. */
static enum cmd_retval cmd_backup_wait(struct cmd_ctx *ctx, char key[80])
{
	const struct timespec pause = { 0, 20 * 1000 * 1000 };
	struct jscan *j;
	const char *state, *k;

	for (;;) {
		if (ctx_request(ctx, "GET", "/api/v1/backup", NULL, &j) != CMD_OK)
			return CMD_REFUSED;
		state = jscan_get_string(j, 0, "state");
		if (state == NULL || strcmp(state, "running") != 0)
			break;
		jscan_free(j);
		nanosleep(&pause, NULL);
	}
	if (strcmp(state, "done") != 0) {
		const char *why = jscan_get_string(j, 0, "error");
		ctx_fail(_("the backup failed: %s"), why != NULL ? why : state);
		jscan_free(j);
		return CMD_REFUSED;
	}
	k = jscan_get_string(j, 0, "key");
	snprintf(key, 80, "%s\n", k != NULL ? k : "");
	jscan_free(j);
	if (k == NULL)
		return ctx_fail(_("qweekd has no link key to back up (see its log)"));
	return CMD_OK;
}

static enum cmd_retval cmd_backup_exec(struct cmd_ctx *ctx, struct args *args)
{
	const char *file = args_string(args, 0);
	char key[80], keyfile[4096], *reply = NULL;
	struct jscan *j;
	size_t len = 0;
	int status;
	enum cmd_retval rv;

	if (snprintf(keyfile, sizeof keyfile, "%s.key", file) >= (int)sizeof keyfile)
		return ctx_usage(ctx, _("%s: the name is too long"), file);
	if (ctx_request(ctx, "POST", "/api/v1/backup", NULL, &j) != CMD_OK)
		return CMD_REFUSED;
	jscan_free(j);
	if ((rv = cmd_backup_wait(ctx, key)) != CMD_OK)
		return rv;
	status = ctx_request_bytes(ctx, "GET", "/api/v1/backup/file", NULL, NULL, 0, &reply, &len);
	if (status == -1)
		return CMD_REFUSED;
	if (status != 200 || len == 0) {
		mem_free(reply);
		return ctx_fail(_("qweekd did not hand over the copy (HTTP status %d)"), status);
	}
	rv = cmd_backup_write(file, reply, len);
	mem_free(reply);
	if (rv == CMD_OK)
		rv = cmd_backup_write(keyfile, key, strlen(key));
	explicit_bzero(key, sizeof key);
	if (rv != CMD_OK)
		return rv;
	printf(_("wrote %s (%zu bytes) and its link key %s\n"), file, len, keyfile);
	return CMD_OK;
}

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.usage = "FILE",
	.summary = N_("Copy the database and its link key while qweekd runs"),
	.help = N_("Asks qweekd for a consistent copy of its database, made a few pages at a time\n"
		   "while it goes on answering, and writes it to FILE; the link key, which feed,\n"
		   "status page and personal page links are made from, goes to FILE.key. Keep\n"
		   "FILE.key as safe as a password and apart from FILE. Needs the Unix socket's\n"
		   "administrator. qweekd --restore FILE puts both back (qweekd stopped).\n"
		   "\n"
		   "examples:\n"
		   "  qweek backup /var/backups/qweek/qweek-$(date +%F).db\n"
		   "  qweekd --restore /var/backups/qweek/qweek-2017-11-14.db\n"),
	.lower = 1,
	.upper = 1,
	.exec = cmd_backup_exec,
};
