/* SPDX-License-Identifier: MIT */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "api/api.h"
#include "core/daemon.h"
#include "core/link_key.h"
#include "core/log.h"
#include "store/db_backup.h"

/*
 * qweek backup: POST /api/v1/backup starts a copy of the database beside it (DB.backup), made
 * BACKUP_PAGES pages per turn of the event loop so that other requests are answered in
 * between; GET /api/v1/backup says how far it is, and when it is done, the link key; GET
 * /api/v1/backup/file hands the copy over once and removes it. One backup at a time.
 */

#define BACKUP_PAGES 64 /* 256 KiB of 4 KiB pages: well under a millisecond a turn */

enum backup_state { BACKUP_IDLE, BACKUP_RUNNING, BACKUP_DONE, BACKUP_FAILED };

static struct {
	enum backup_state state;
	struct db_backup *b;
	struct event *ev;
	char *path;
	char *error;
	int remaining, total;
} job;

static void backup_reset(void)
{
	db_backup_free(job.b);
	if (job.ev != NULL)
		event_free(job.ev);
	if (job.path != NULL)
		unlink(job.path); /* a copy nobody fetched is not left behind */
	free(job.path);
	free(job.error);
	memset(&job, 0, sizeof job);
}

/* One turn: a few pages, then back to the loop (a timer of 0 runs after pending I/O). */
static void backup_on_turn(evutil_socket_t fd, short what, void *arg)
{
	static const struct timeval now = { 0, 0 };
	char *cause = NULL;
	int rc = db_backup_step(job.b, BACKUP_PAGES, &cause);

	db_backup_progress(job.b, &job.remaining, &job.total);
	if (rc == 1) {
		evtimer_add(job.ev, &now);
		return;
	}
	db_backup_free(job.b);
	job.b = NULL;
	if (rc == 0) {
		job.state = BACKUP_DONE;
		log_info("backup: %d pages copied to %s", job.total, job.path);
	} else {
		job.state = BACKUP_FAILED;
		job.error = cause != NULL ? cause : strdup("the copy failed");
		log_error("backup: %s", job.error ? job.error : "failed");
	}
}

int api_backup_start(struct request *r, struct error *err)
{
	static const struct timeval now = { 0, 0 };
	struct daemon *d = r->daemon;
	char *cause = NULL;

	if (job.state == BACKUP_RUNNING)
		return error_set(err, ERR_CONFLICT, "a backup is already under way: wait for it");
	backup_reset();
	if (asprintf(&job.path, "%s.backup", d->config.db) == -1) {
		job.path = NULL;
		return error_set(err, ERR_INTERNAL, "out of memory");
	}
	if ((job.b = db_backup_begin(d->db, job.path, &cause)) == NULL) {
		error_set(err, ERR_UNAVAILABLE, "%s", cause ? cause : "cannot start the backup");
		free(cause);
		backup_reset();
		return -1;
	}
	job.ev = evtimer_new(d->base, backup_on_turn, NULL);
	job.state = BACKUP_RUNNING;
	evtimer_add(job.ev, &now);
	r->status = 202;
	r->reply = json_pack("{s:s}", "state", "running");
	return 0;
}

int api_backup_show(struct request *r, struct error *err)
{
	static const char *const names[] = { "none", "running", "done", "failed" };
	char key[2 * LINK_KEY_LEN + 1];

	r->reply = json_pack("{s:s, s:i, s:i}", "state", names[job.state], "pages", job.total,
			     "remaining", job.remaining);
	if (job.state == BACKUP_DONE && link_key_hex(key) == 0)
		json_object_set_new(r->reply, "key", json_string(key));
	explicit_bzero(key, sizeof key);
	if (job.state == BACKUP_FAILED) {
		json_object_set_new(r->reply, "error", json_string(job.error ? job.error : "?"));
		backup_reset(); /* said once */
	}
	return 0;
}

int api_backup_file(struct request *r, struct error *err)
{
	struct evbuffer *buf;
	struct stat st;
	int fd;

	if (job.state != BACKUP_DONE)
		return error_set(err, ERR_NOT_FOUND,
				 "no finished backup to hand over: POST /api/v1/backup first");
	fd = open(job.path, O_RDONLY | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) == -1 || (buf = evbuffer_new()) == NULL) {
		if (fd != -1)
			close(fd);
		return error_set(err, ERR_INTERNAL, "cannot read the copy %s", job.path);
	}
	unlink(job.path); /* handed over once; the descriptor keeps it until sent */
	backup_reset();
	evbuffer_add_file(buf, fd, 0, st.st_size); /* takes the descriptor */
	evhttp_add_header(evhttp_request_get_output_headers(r->ev), "Content-Type",
			  "application/vnd.sqlite3");
	evhttp_send_reply(r->ev, 200, "OK", buf);
	evbuffer_free(buf);
	r->sent = 1;
	return 0;
}

void api_backup_shutdown(void)
{
	backup_reset();
}
