/* SPDX-License-Identifier: MIT */
/*
 * The key that capability URLs (feeds, status pages, personal pages) are derived from, kept in a
 * file apart from the database, so that a planner can be shown a URL again and a copy of the
 * database alone still reveals none.
 */
#ifndef QWEEK_LINK_KEY_H
#define QWEEK_LINK_KEY_H

#include <stddef.h>
#include <stdint.h>

#include "core/feed_secret.h"

#define LINK_KEY_LEN  32 /* 256 random bits */
#define LINK_SALT_LEN 16 /* the database's own random salt (link_seed) */

/* What a link opens: a part of the message the secret is derived from. */
enum link_kind { LINK_FEED, LINK_STATUS, LINK_PAGE, LINK_SURVEY, LINK_SURVEY_TOKEN };

/*
 * The key file for the database DB: "qweek.db" -> "qweek.key" in the same folder (a name that
 * does not end in ".db" gets ".key" added). Into BUF; NULL if it does not fit.
 */
char *link_key_path_for(const char *db, char *buf, size_t len);

/*
 * Reads the key at PATH; when there is no such file and CREATE is set, makes one (0600, 32
 * bytes from getrandom(2), written whole before it is renamed into place). Returns 0, or -1
 * with *CAUSE (malloc'd). A file that others may read is used, with a warning in the log.
 */
int link_key_load(const char *path, int create, char **cause);

/* Is a key loaded? Without one, URLs are served but none can be made or shown. */
int link_key_ready(void);

/*
 * The secret of a link: the first 128 bits of HMAC-SHA256(key, salt, kind, plan, person,
 * generation), in base32 like a random one (FEED_SECRET_LEN characters and a NUL). The same
 * link and generation always give the same secret; a new generation, another. 0 or -1 (no key).
 */
int link_secret(const unsigned char salt[LINK_SALT_LEN], enum link_kind kind, int64_t plan_id,
		int64_t person_id, int64_t gen, char out[FEED_SECRET_LEN + 1]);

/* Writes the loaded key to PATH (0600, whole or not at all): qweekd --restore. 0 or -1 with
 * *CAUSE (malloc'd). */
int link_key_save(const char *path, char **cause);

/* The loaded key as the key file holds it (64 hex digits), for a backup; 0, or -1 (none). */
int link_key_hex(char out[2 * LINK_KEY_LEN + 1]);

/* Forgets the key (at exit). */
void link_key_forget(void);

#endif
