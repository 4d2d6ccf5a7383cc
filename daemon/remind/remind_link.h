/* SPDX-License-Identifier: MIT */
/* The links a message gives a person: their page (/me/<secret>) and their calendar feed. */
#ifndef QWEEK_REMIND_LINK_H
#define QWEEK_REMIND_LINK_H

#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "core/error.h"
#include "store/db.h"

#define REMIND_URL_MAX 600

/*
 * The URL of person PERSON_ID's page in plan PLAN_ID, with qweekd's public base URL (C->url),
 * into BUF: the one `qweek person link` shows. MAKE: a person who has none gets one now (its
 * own write, announced like `qweek person link`), so that a reminder always carries the way
 * to act. 1 (BUF set), 0 no URL can be given (no link key, or one made with another key: the
 * message goes without), -1 with ERR.
 */
int remind_link_page(struct db *db, const struct config *c, int64_t plan_id, int64_t person_id,
		     int make, char *buf, size_t len, struct error *err);

/* The https URL of the person's feed into BUF, if they have one that can be shown: 1, 0, -1. */
int remind_link_feed(struct db *db, const struct config *c, int64_t plan_id, int64_t person_id,
		     char *buf, size_t len, struct error *err);

/* The webcal:// form of the http(s) URL HTTP into BUF. */
void remind_link_webcal(const char *http, char *buf, size_t len);

#endif
