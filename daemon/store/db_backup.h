/* SPDX-License-Identifier: MIT */
/*
 * Copies of the database while the daemon runs (SQLite's online backup API, a few pages at a
 * time), and putting such a copy in place while it does not (qweekd --restore).
 */
#ifndef QWEEK_DB_BACKUP_H
#define QWEEK_DB_BACKUP_H

struct db;
struct db_backup;

/*
 * Starts copying DB into a new file at DEST (an old one is replaced). Nothing is copied yet:
 * db_backup_step does it. NULL with *CAUSE (malloc'd).
 */
struct db_backup *db_backup_begin(struct db *db, const char *dest, char **cause);

/*
 * Copies up to PAGES more pages. 1: more to do; 0: the copy at DEST is whole and closed; -1:
 * failed, with *CAUSE (malloc'd). Changes that the daemon commits between steps go into the
 * copy too (the same connection writes them), so a finished copy holds every change committed
 * before its last step.
 */
int db_backup_step(struct db_backup *b, int pages, char **cause);

/* Pages left to copy and pages in all, as of the last step. */
void db_backup_progress(const struct db_backup *b, int *remaining, int *total);

/* Ends B; a copy not finished is abandoned (its file removed). */
void db_backup_free(struct db_backup *b);

/*
 * qweekd --restore: puts the copy FILE in place of the database at DB, which no daemon may
 * hold (the lock db_open takes). FILE must be a whole qweek database of a schema this qweekd
 * knows. The database it replaces, if any, is kept as DB.before-restore (with its -wal).
 * 0, or -1 with *CAUSE (malloc'd).
 */
int db_restore(const char *file, const char *db, char **cause);

/* Run as root: gives PATH the owner of its folder (a service's state directory); else nothing. */
void db_restore_own(const char *path);

#endif
