/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_backup.h"

/* The online copy: sqlite3_backup_step a few pages at a time; the caller yields in between. */

struct db_backup {
	sqlite3 *dest;
	sqlite3_backup *bk;
	char *path;
	int remaining, total;
};

static int backup_cause(char **cause, const char *what, const char *path, const char *why)
{
	if (asprintf(cause, "%s %s: %s", what, path, why) == -1)
		*cause = NULL;
	return -1;
}

struct db_backup *db_backup_begin(struct db *db, const char *dest, char **cause)
{
	struct db_backup *b = calloc(1, sizeof *b);
	int rc;

	if (b == NULL || (b->path = strdup(dest)) == NULL) {
		free(b);
		*cause = strdup("out of memory");
		return NULL;
	}
	unlink(dest); /* a copy left by a backup that was cut short */
	rc = sqlite3_open_v2(dest, &b->dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	/* No fsync of the whole copy at its last step, which would hold the loop up for as long as
	 * the disk takes: this copy is a file in passing; qweek fsyncs the one it keeps. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(b->dest, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	if (rc == SQLITE_OK &&
	    (b->bk = sqlite3_backup_init(b->dest, "main", db_handle(db), "main")) != NULL)
		return b;
	backup_cause(cause, "cannot write the copy", dest,
		     b->dest != NULL ? sqlite3_errmsg(b->dest) : sqlite3_errstr(rc));
	db_backup_free(b);
	return NULL;
}

int db_backup_step(struct db_backup *b, int pages, char **cause)
{
	int rc = sqlite3_backup_step(b->bk, pages);

	b->remaining = sqlite3_backup_remaining(b->bk);
	b->total = sqlite3_backup_pagecount(b->bk);
	if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return 1;
	if (rc != SQLITE_DONE)
		return backup_cause(cause, "cannot write the copy", b->path, sqlite3_errstr(rc));
	rc = sqlite3_backup_finish(b->bk);
	b->bk = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_close(b->dest);
	b->dest = NULL;
	if (rc != SQLITE_OK)
		return backup_cause(cause, "cannot finish the copy", b->path, sqlite3_errstr(rc));
	return 0;
}

void db_backup_progress(const struct db_backup *b, int *remaining, int *total)
{
	*remaining = b->remaining;
	*total = b->total;
}

void db_backup_free(struct db_backup *b)
{
	if (b == NULL)
		return;
	if (b->bk != NULL)
		sqlite3_backup_finish(b->bk);
	if (b->dest != NULL) {
		sqlite3_close(b->dest);
		unlink(b->path);
	}
	free(b->path);
	free(b);
}
