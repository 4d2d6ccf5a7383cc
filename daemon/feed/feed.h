/* SPDX-License-Identifier: MIT */
/* iCalendar feeds (issue 3): set-up, the secrets the daemon knows, and its public URLs. */
#ifndef QWEEK_FEED_H
#define QWEEK_FEED_H

#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "store/feed_store.h"

struct daemon;

/* Loads the feeds' secret hashes and subscribes to plan changes; exits if it cannot. */
void feed_init(struct daemon *d);

/* Frees the rendered feeds, the zones and the index (at exit). */
void feed_shutdown(void);

/* The feed whose secret hashes to HASH: 1 (sets PLAN_ID, PERSON_ID), 0 unknown. */
int feed_index_find(const unsigned char hash[FEED_HASH_LEN], int64_t *plan_id, int64_t *person_id);

/* Adds or replaces (by id) ROW in the index; 0 or -1. Removes feed ID. */
int feed_index_put(const struct feed_row *row);
void feed_index_remove(int64_t id);

/* The URL people reach the TCP listener at, without a trailing '/' (config.url, else made
 * from config.listen, else "http://localhost"). */
void feed_base_url(const struct config *c, char *buf, size_t len);

/* The host part of that URL, for UIDs ("127.0.0.1"). */
void feed_uid_host(const struct config *c, char *buf, size_t len);

#endif
