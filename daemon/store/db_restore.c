/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/db_backup.h"

/* qweekd --restore: a copy made by qweek backup put in place of a stopped daemon's database. */

extern const size_t schema_migration_count;

static int restore_cause(char **cause, const char *fmt, const char *a, const char *b)
{
	if (asprintf(cause, fmt, a, b) == -1)
		*cause = NULL;
	return -1;
}

/* One integer or text answer of SQL on S, into *N or OUT (LEN); -1 when it has none. */
static int restore_query(sqlite3 *s, const char *sql, int *n, char *out, size_t len)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		if (n != NULL)
			*n = sqlite3_column_int(st, 0);
		if (out != NULL)
			snprintf(out, len, "%s", (const char *)sqlite3_column_text(st, 0));
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* FILE opened read-only, if it is a whole qweek database this qweekd can serve. */
static sqlite3 *restore_open_copy(const char *file, char **cause)
{
	sqlite3 *s = NULL;
	char ok[64] = "";
	int version = -1;

	if (access(file, R_OK) == -1) {
		restore_cause(cause, "%s: %s", file, strerror(errno));
		return NULL;
	}
	if (sqlite3_open_v2(file, &s, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    restore_query(s, "PRAGMA user_version", &version, NULL, 0) == -1)
		restore_cause(cause, "%s is not a database: %s", file,
			      s != NULL ? sqlite3_errmsg(s) : "out of memory");
	else if (version < 1)
		restore_cause(cause, "%s is not a qweek database (no schema)%s", file, "");
	else if ((size_t)version > schema_migration_count)
		restore_cause(cause,
			      "%s was made by a newer qweekd (its schema is newer than this "
			      "one's): restore it with that version%s",
			      file, "");
	else if (restore_query(s, "PRAGMA quick_check", NULL, ok, sizeof ok) == -1 ||
		 strcmp(ok, "ok") != 0)
		restore_cause(cause, "%s is damaged (%s): nothing was restored", file,
			      *ok ? ok : "unreadable");
	else
		return s;
	sqlite3_close(s);
	return NULL;
}

/* The lock a running qweekd holds on DB (db.c's take_lock); -1 with *CAUSE when held. */
static int restore_lock(const char *db, char **cause)
{
	int fd = open(db, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd == -1) {
		restore_cause(cause, "%s: %s", db, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		close(fd);
		restore_cause(cause,
			      "qweekd is running on %s: stop it first (systemctl stop qweekd); "
			      "nothing was restored%s",
			      db, "");
		return -1;
	}
	return fd;
}

/* Copies the open database FROM into a new file TO (0600). */
static int restore_copy(sqlite3 *from, const char *to, char **cause)
{
	sqlite3 *dest = NULL;
	sqlite3_backup *b;
	int rc;

	unlink(to);
	rc = sqlite3_open_v2(to, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK && (b = sqlite3_backup_init(dest, "main", from, "main")) != NULL) {
		sqlite3_backup_step(b, -1);
		rc = sqlite3_backup_finish(b);
	} else if (rc == SQLITE_OK) {
		rc = sqlite3_errcode(dest);
	}
	if (sqlite3_close(dest) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_IOERR;
	if (rc != SQLITE_OK || chmod(to, 0600) == -1) {
		unlink(to);
		return restore_cause(cause, "cannot write %s: %s", to,
				     rc != SQLITE_OK ? sqlite3_errstr(rc) : strerror(errno));
	}
	return 0;
}

/* DB (and its -wal) moved aside to DB.before-restore; its -shm removed. */
static int restore_set_aside(const char *db, char **cause)
{
	char old[4096], wal[4096], oldwal[4096], shm[4096];
	struct stat st;

	snprintf(old, sizeof old, "%s.before-restore", db);
	snprintf(wal, sizeof wal, "%s-wal", db);
	snprintf(oldwal, sizeof oldwal, "%s.before-restore-wal", db);
	snprintf(shm, sizeof shm, "%s-shm", db);
	unlink(shm);
	unlink(oldwal);
	if (stat(db, &st) == 0 && st.st_size == 0) {
		unlink(db); /* the empty file restore_lock made */
		unlink(wal);
		return 0;
	}
	if (rename(db, old) == -1 || (rename(wal, oldwal) == -1 && errno != ENOENT))
		return restore_cause(cause, "cannot move %s aside: %s", db, strerror(errno));
	return 0;
}

/*
 * Gives PATH the owner of the folder it is in: root restores into the state directory of a
 * service that runs as another user (systemd's DynamicUser), which must be able to open it.
 */
void db_restore_own(const char *path)
{
	char dir[4096];
	char *slash;
	struct stat st;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else
		slash[slash == dir] = '\0';
	if (geteuid() == 0 && stat(dir, &st) == 0 && st.st_uid != 0)
		(void)!chown(path, st.st_uid, st.st_gid);
}

int db_restore(const char *file, const char *db, char **cause)
{
	char tmp[4096];
	sqlite3 *copy;
	int lock, rc = -1;

	*cause = NULL;
	if (snprintf(tmp, sizeof tmp, "%s.restoring", db) >= (int)sizeof tmp)
		return restore_cause(cause, "%s: the path is too long%s", db, "");
	if ((copy = restore_open_copy(file, cause)) == NULL)
		return -1;
	if ((lock = restore_lock(db, cause)) != -1) {
		if (restore_copy(copy, tmp, cause) == 0 && restore_set_aside(db, cause) == 0) {
			db_restore_own(tmp);
			rc = rename(tmp, db);
			if (rc == -1)
				restore_cause(cause, "cannot move %s into place: %s", tmp,
					      strerror(errno));
		}
		close(lock);
	}
	sqlite3_close(copy);
	return rc;
}
