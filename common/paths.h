/* SPDX-License-Identifier: MIT */
/* Where qweekd keeps its database and socket when no option says otherwise. */
#ifndef QWEEK_PATHS_H
#define QWEEK_PATHS_H

#include <stddef.h>

/*
 * The default control socket: $XDG_RUNTIME_DIR/qweek/qweekd.sock, else /run/qweek/qweekd.sock
 * for root, else /tmp/qweek-UID/qweekd.sock. Writes into BUF; returns BUF or NULL if too long.
 */
char *paths_default_socket(char *buf, size_t len);

/*
 * The default database: $STATE_DIRECTORY/qweek.db under systemd, else
 * $XDG_DATA_HOME/qweek/qweek.db, else ~/.local/share/qweek/qweek.db.
 */
char *paths_default_db(char *buf, size_t len);

/* Creates the directory that holds PATH (and its parents) with MODE; 0 or -1 with errno. */
int paths_make_parent(const char *path, unsigned mode);

#endif
