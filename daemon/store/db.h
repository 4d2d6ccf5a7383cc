/* SPDX-License-Identifier: MIT */
/* The SQLite database: opening, migrations, transactions, prepared statements. */
#ifndef QWEEK_DB_H
#define QWEEK_DB_H

#include <sqlite3.h>

#include "core/error.h"

struct db;

/*
 * Opens (creating if needed) the database at PATH, takes the single-daemon lock, applies the
 * schema migrations that are newer than the file, and sets WAL, foreign keys and
 * synchronous=FULL. A file that exists but cannot be written is opened read-only (when its
 * schema is current): every db_begin is then refused with 503. Returns the db, or NULL with
 * *CAUSE set (malloc'd).
 */
struct db *db_open(const char *path, char **cause);
void db_close(struct db *db);

/* The database was opened read-only: no write transaction will be allowed. */
int db_read_only(const struct db *db);

/* The prepared statement for SQL, prepared once and cached; reset and unbound before reuse. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/*
 * Resets every cached statement: called when a request is over, so that no statement left
 * mid-result holds a read transaction (which would keep the WAL from being checkpointed).
 */
void db_idle(struct db *db);

/* Write transactions: BEGIN IMMEDIATE ... COMMIT (durable once db_commit returns 0). */
int db_begin(struct db *db, struct error *err);
int db_commit(struct db *db, struct error *err);
void db_rollback(struct db *db);

/*
 * Turns a failed sqlite call's result RC into ERR (503 for a full or read-only disk, else 500
 * with the details logged). Returns -1.
 */
int db_fail(struct db *db, int rc, struct error *err);

/* Runs a statement to completion (no rows expected); 0, or -1 through db_fail. */
int db_exec_stmt(struct db *db, sqlite3_stmt *st, struct error *err);

int64_t db_last_id(struct db *db);
sqlite3 *db_handle(struct db *db);

/* Text column I of ST, or "" when NULL. */
const char *db_text(sqlite3_stmt *st, int i);

#endif
