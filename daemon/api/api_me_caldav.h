/* SPDX-License-Identifier: MIT */
/* The task-app part of a person's page (api_me_caldav.c): CalDAV login and app passwords. */
#ifndef QWEEK_API_ME_CALDAV_H
#define QWEEK_API_ME_CALDAV_H

#include "api/api.h"
#include "store/link_store.h"

/* GET /me/<secret>?caldav=1 of page PG: the part itself. 0, or -1 with ERR. */
int api_me_caldav_get(struct request *r, const struct page_row *pg, struct error *err);

/*
 * POST /me/<secret> of page PG: 1 when it was a form of this part (answered), 2 when it is
 * not (an item's form: api_me.c goes on), -1 with ERR.
 */
int api_me_caldav_post(struct request *r, const struct page_row *pg, struct error *err);

#endif
