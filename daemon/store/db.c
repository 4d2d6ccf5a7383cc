/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/db.h"
#include "core/log.h"
#include "paths.h"

/* SQLite, the single source of truth: every acknowledged change has been committed (FULL). */

extern const char *const schema_migrations[];
extern const size_t schema_migration_count;

#define DB_STMT_MAX 256

#define READ_ONLY_REFUSAL                                                                    \
	"the database is read-only: nothing was changed (qweekd can read the plans but not " \
	"write them; see its log)"

struct db {
	sqlite3 *sql;
	int lock_fd;   /* held open for the daemon's life: flock()ed so one daemon per file */
	int read_only; /* the file or its file system cannot be written: reads only */
	char *path;
	dev_t dev; /* the file opened: a change written after it was deleted or replaced */
	ino_t ino; /* would be lost at the next start, so db_begin compares */
	int gone;  /* it was found deleted or replaced (logged once) */
	size_t nstmts;
	struct {
		const char *sql; /* the caller's static string: compared by address */
		sqlite3_stmt *stmt;
	} stmts[DB_STMT_MAX];
};

static char *cause_fmt(const char *fmt, const char *a, const char *b)
{
	char *s;

	if (asprintf(&s, fmt, a, b) == -1)
		return NULL;
	return s;
}

/*
 * flock() is independent of SQLite's fcntl() locks; the descriptor stays open until db_close,
 * because closing any descriptor of the file would drop SQLite's POSIX locks. A file that
 * exists but cannot be opened for writing (a read-only file system, or no write permission)
 * is opened read-only: the daemon then serves reads and feeds and refuses every change.
 */
static int take_lock(struct db *db, const char *path, char **cause)
{
	struct stat st;

	db->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (db->lock_fd == -1 && (errno == EROFS || errno == EACCES)) {
		int why = errno;
		db->lock_fd = open(path, O_RDONLY | O_CLOEXEC);
		db->read_only = db->lock_fd != -1;
		errno = why; /* a file that is not there: say why it could not be made */
	}
	if (db->lock_fd == -1) {
		*cause = cause_fmt("cannot open the database %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(db->lock_fd, &st) == 0) {
		db->dev = st.st_dev;
		db->ino = st.st_ino;
	}
	if (flock(db->lock_fd, LOCK_EX | LOCK_NB) == -1) {
		*cause = cause_fmt("the database %s is in use by another qweekd%s: stop it first, "
				   "or give this one another --db",
				   path, errno == EWOULDBLOCK ? "" : " (cannot lock it)");
		return -1;
	}
	return 0;
}

static int schema_version(struct db *db)
{
	sqlite3_stmt *st;
	int version = -1;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return version;
}

static int apply_migrations(struct db *db, const char *path, char **cause)
{
	int version = schema_version(db);
	char *msg = NULL;

	if (version < 0) {
		*cause =
			cause_fmt("cannot read the database %s: %s", path, sqlite3_errmsg(db->sql));
		return -1;
	}
	if ((size_t)version > schema_migration_count) {
		*cause = cause_fmt("the database was made by a newer qweekd (schema %s%s)",
				   version > 99 ? "> 99" : "newer", "");
		return -1;
	}
	if (db->read_only && (size_t)version < schema_migration_count) {
		*cause = cause_fmt("the database %s is read-only and %s: start qweekd once where "
				   "it can write the file",
				   path, version == 0 ? "empty" : "needs a schema upgrade");
		return -1;
	}
	for (size_t v = (size_t)version; v < schema_migration_count; v++) {
		char *sql;
		if (asprintf(&sql, "BEGIN IMMEDIATE; %s; PRAGMA user_version = %zu; COMMIT;",
			     schema_migrations[v], v + 1) == -1)
			return -1;
		if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
			*cause = cause_fmt("schema migration failed: %s%s", msg ? msg : "?", "");
			sqlite3_free(msg);
			sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
			free(sql);
			return -1;
		}
		free(sql);
		log_info("database schema now at version %zu", v + 1);
	}
	return 0;
}

static int configure(struct db *db, char **cause)
{
	/* A small page cache: the kernel's page cache holds the file too, and a miss costs one
	 * pread; SQLite's default of 2 MB was the largest part of the daemon's own memory. */
	static const char writable[] = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
				       "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; "
				       "PRAGMA cache_size = -512;";
	static const char read_only[] = "PRAGMA query_only = ON; PRAGMA busy_timeout = 5000; "
					"PRAGMA cache_size = -512;";
	char *msg = NULL;

	if (sqlite3_exec(db->sql, db->read_only ? read_only : writable, NULL, NULL, &msg) !=
	    SQLITE_OK) {
		*cause = cause_fmt("cannot set up the database: %s%s", msg ? msg : "?", "");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* "file:PATH?immutable=1" with PATH percent-encoded: '?', '#' and '%' mean things in a URI. */
static char *immutable_uri(const char *path)
{
	static const char keep[] = "/._-~";
	char *uri = malloc(strlen("file:") + 3 * strlen(path) + strlen("?immutable=1") + 1), *o;

	if (uri == NULL)
		return NULL;
	o = uri + sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(keep, *p) != NULL)
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	strcpy(o, "?immutable=1");
	return uri;
}

/*
 * Read-only, SQLite still needs the WAL's index (the -shm file), which it cannot make on a
 * read-only file system. After a clean stop there is no WAL: the file alone is the database,
 * and it is opened as immutable. After a crash the -wal and -shm files are there and SQLite
 * reads the WAL through them, so no acknowledged change is missed (immutable would skip it).
 */
static int open_sqlite(struct db *db, const char *path)
{
	int flags = SQLITE_OPEN_NOMUTEX, rc;
	char *wal = NULL, *uri = NULL;

	if (!db->read_only)
		return sqlite3_open_v2(path, &db->sql,
				       flags | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	flags |= SQLITE_OPEN_READONLY;
	if (asprintf(&wal, "%s-wal", path) == -1)
		return SQLITE_NOMEM;
	if (access(wal, F_OK) == 0)
		rc = sqlite3_open_v2(path, &db->sql, flags, NULL);
	else if ((uri = immutable_uri(path)) == NULL)
		rc = SQLITE_NOMEM;
	else
		rc = sqlite3_open_v2(uri, &db->sql, flags | SQLITE_OPEN_URI, NULL);
	free(uri);
	free(wal);
	return rc;
}

/* Removes FILE if it is empty: what a failed open just made, never a log with changes in it. */
static void remove_if_empty(const char *path, const char *suffix)
{
	struct stat st;
	char *file;

	if (asprintf(&file, "%s%s", path, suffix) == -1)
		return;
	if (stat(file, &st) == 0 && st.st_size == 0)
		unlink(file);
	free(file);
}

/*
 * On a full disk SQLite cannot make the index of its write-ahead log (the -shm file): the
 * database is opened read-only instead, so that the plans and feeds are served. Writes want a
 * restart once space is freed. Any other failure stands. 0, or -1 with *CAUSE.
 */
static int reopen_read_only(struct db *db, const char *path, char **cause)
{
	int rc = sqlite3_extended_errcode(db->sql), wal_empty;
	struct stat st;
	char *wal;

	if (db->read_only || ((rc & 0xff) != SQLITE_FULL && rc != SQLITE_IOERR_SHMSIZE))
		return -1;
	if (asprintf(&wal, "%s-wal", path) == -1)
		return -1;
	wal_empty = stat(wal, &st) == -1 || st.st_size == 0;
	free(wal);
	if (!wal_empty)
		return -1; /* changes are in the log: reading them needs the index */
	remove_if_empty(path, "-wal");
	remove_if_empty(path, "-shm");
	sqlite3_close(db->sql);
	db->sql = NULL;
	db->read_only = 1;
	free(*cause);
	*cause = NULL;
	log_error("the disk of %s is full: opening it read-only; free some space and restart "
		  "qweekd to make changes again",
		  path);
	if ((rc = open_sqlite(db, path)) != SQLITE_OK) {
		*cause = cause_fmt("cannot open the database %s: %s", path, sqlite3_errstr(rc));
		return -1;
	}
	return configure(db, cause);
}

struct db *db_open(const char *path, char **cause)
{
	struct db *db = calloc(1, sizeof *db);
	int rc;

	*cause = NULL;
	if (db == NULL)
		return NULL;
	db->lock_fd = -1;
	if ((db->path = strdup(path)) == NULL)
		goto fail;
	if (paths_make_parent(path, 0700) == -1) {
		*cause = cause_fmt("cannot create the directory for %s: %s", path, strerror(errno));
		goto fail;
	}
	if (take_lock(db, path, cause) == -1)
		goto fail;
	/* One thread: no mutexes, no memory statistics (each costs a lock per allocation). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if ((rc = open_sqlite(db, path)) != SQLITE_OK) {
		*cause = cause_fmt("cannot open the database %s: %s", path, sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(db->sql, 1);
	if (configure(db, cause) == -1 && reopen_read_only(db, path, cause) == -1)
		goto fail;
	if (apply_migrations(db, path, cause) == -1)
		goto fail;
	if (db->read_only)
		log_warn("the database %s is read-only: serving the plans and their feeds, "
			 "refusing every change",
			 path);
	return db;
fail:
	db_close(db);
	return NULL;
}

int db_read_only(const struct db *db)
{
	return db->read_only;
}

void db_close(struct db *db)
{
	if (db == NULL)
		return;
	for (size_t i = 0; i < db->nstmts; i++)
		sqlite3_finalize(db->stmts[i].stmt);
	sqlite3_close(db->sql);
	if (db->lock_fd != -1)
		close(db->lock_fd);
	free(db->path);
	free(db);
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql)
{
	sqlite3_stmt *st;

	for (size_t i = 0; i < db->nstmts; i++) {
		if (db->stmts[i].sql != sql)
			continue;
		st = db->stmts[i].stmt;
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (db->nstmts == DB_STMT_MAX)
		fatal("more than %d distinct SQL statements", DB_STMT_MAX);
	if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		fatal("cannot prepare SQL: %s: %s", sqlite3_errmsg(db->sql), sql);
	db->stmts[db->nstmts].sql = sql;
	db->stmts[db->nstmts++].stmt = st;
	return st;
}

void db_idle(struct db *db)
{
	for (size_t i = 0; db != NULL && i < db->nstmts; i++)
		sqlite3_reset(db->stmts[i].stmt);
}

int db_fail(struct db *db, int rc, struct error *err)
{
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return error_set(
			err, ERR_UNAVAILABLE,
			"the disk is full: nothing was changed; free some space and try again");
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
		return error_set(err, ERR_UNAVAILABLE, READ_ONLY_REFUSAL);
	case SQLITE_IOERR:
		log_error("database I/O error: %s", sqlite3_errmsg(db->sql));
		return error_set(err, ERR_UNAVAILABLE,
				 "the database cannot be written (I/O error): nothing was changed");
	case SQLITE_CONSTRAINT:
		log_warn("constraint failed: %s", sqlite3_errmsg(db->sql));
		return error_set(err, ERR_CONFLICT, "that would break the plan's rules: %s",
				 sqlite3_errmsg(db->sql));
	default:
		log_error("database error %d: %s", rc, sqlite3_errmsg(db->sql));
		return error_set(err, ERR_INTERNAL,
				 "internal database error; see the daemon's log");
	}
}

static int exec_simple(struct db *db, const char *sql, struct error *err)
{
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : db_fail(db, rc, err);
}

/*
 * Is the file at the database's path still the one opened? After `rm` (or a copy moved over
 * it) SQLite goes on writing the open file, which nothing will read again: every change would
 * be acknowledged and lost. One stat() per change notices it.
 */
static int db_file_gone(struct db *db)
{
	struct stat st;
	int missing = stat(db->path, &st) == -1;

	if (!missing && st.st_dev == db->dev && st.st_ino == db->ino) {
		if (db->gone)
			log_info("the database %s is back: changes are accepted again", db->path);
		db->gone = 0;
		return 0;
	}
	if (!db->gone)
		log_error("the database %s was %s while qweekd ran: refusing every change (it "
			  "would be lost); put the file back, or restart qweekd to use the new one",
			  db->path, missing ? "deleted" : "replaced");
	db->gone = 1;
	return 1;
}

int db_begin(struct db *db, struct error *err)
{
	if (db->read_only)
		return error_set(err, ERR_UNAVAILABLE, READ_ONLY_REFUSAL);
	if (db_file_gone(db))
		return error_set(err, ERR_UNAVAILABLE,
				 "the database file was deleted or replaced while qweekd ran: "
				 "nothing was changed (qweekd's log says more)");
	db_idle(db);
	return exec_simple(db, "BEGIN IMMEDIATE", err);
}

/* No statement may stay mid-result past COMMIT: the auto-checkpoint could not reset the log. */
int db_commit(struct db *db, struct error *err)
{
	db_idle(db);
	if (exec_simple(db, "COMMIT", err) == 0)
		return 0;
	db_rollback(db);
	return -1;
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

int db_exec_stmt(struct db *db, sqlite3_stmt *st, struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	return db_fail(db, rc, err);
}

int64_t db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->sql);
}

sqlite3 *db_handle(struct db *db)
{
	return db->sql;
}

const char *db_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}
