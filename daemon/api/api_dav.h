/* SPDX-License-Identifier: MIT */
/*
 * CalDAV (RFC 4791 on WebDAV, RFC 4918; sync-collection, RFC 6578) for task apps: each person
 * has a principal /dav/<login>/ whose one calendar, /dav/<login>/tasks/, holds their items as
 * VTODOs /dav/<login>/tasks/<id>.ics; a PUT may tick one off or reopen it, nothing else.
 * docs/api.md, "CalDAV".
 */
#ifndef QWEEK_API_DAV_H
#define QWEEK_API_DAV_H

#include <stdint.h>

#include "api/api.h"
#include "core/buf.h"
#include "dav/dav_xml.h"
#include "feed/feed_dav.h"
#include "store/dav_store.h"

#define DAV_COLLECTION "tasks"

/*
 * Who changes an item through CalDAV and by which channel: in one place, so the history of
 * changes hooks in with one line.
 */
#define DAV_CHANNEL "caldav"

/* One CalDAV request: who asks (authenticated) and what the path names. */
struct dav_ctx {
	struct request *r;
	struct dav_login who;
	int depth;	 /* the Depth header: 0, 1 (also for "infinity") */
	const char *res; /* the resource's name, or NULL for the principal or the collection */
	int collection;	 /* the path names the collection (or a resource in it) */
	int64_t item_id; /* the resource's item, or 0 when the name is none of ours */
	char home[DAV_LOGIN_LEN + 8]; /* "/dav/<login>/" */
};

/* The routes' handler: every method on /.well-known/caldav and under /dav (api_dav.c). */
int api_dav(struct request *r, struct error *err);

/*
 * api_dav_auth.c: who the request's Basic credentials are (a login and one of its person's app
 * passwords or tokens) into C->who: 1, or 0 when it was refused (401, held back after a wrong
 * password: the reply is sent), -1 with ERR.
 */
int api_dav_auth(struct dav_ctx *c, struct error *err);

/* The login of PERSON_ID (named NAME), made and kept at the first call; 0 or -1 with ERR. */
int api_dav_login(struct db *db, int64_t plan_id, int64_t person_id, const char *name,
		  char out[DAV_LOGIN_LEN], struct error *err);

/* api_dav.c: sends B's text (taken over) as STATUS with CONTENT_TYPE; ETAG if not NULL. */
int api_dav_send(struct request *r, int status, const char *content_type, struct buf *b,
		 const char *etag, struct error *err);

/* A refusal with a DAV:error body naming CONDITION ("<c:valid-calendar-data/>"). */
int api_dav_refuse(struct request *r, int status, const char *condition, const char *why,
		   struct error *err);

/*
 * The sync token and ctag of the person's collection into BUF: DAV_TOKEN_PREFIX "<rev>-<plan>",
 * the plan's latest change of an item (store_dav_version) and its own `updated`.
 */
#define DAV_TOKEN_PREFIX "http://qweek.invalid/sync/"
int api_dav_token(struct dav_ctx *c, char *buf, size_t len, struct error *err);

/* An item's ETag (quoted) into BUF, from its version and its plan's. */
void api_dav_etag(const struct item *it, int64_t plan_updated, char *buf, size_t len);

/* Is IT a member of the collection at NOW (a cancelled item leaves after a while)? */
int api_dav_member(const struct item *it, int64_t now);

/* The href of item ID into BUF. */
void api_dav_href(const struct dav_ctx *c, int64_t id, char *buf, size_t len);

/* api_dav_find.c: PROPFIND. */
int api_dav_propfind(struct dav_ctx *c, struct error *err);

/* Writes the property P of a resource IT (NULL: of the collection) for dav_out_response. */
struct dav_item_props {
	struct dav_ctx *c;
	const struct item *it;
	struct feed_dav *render; /* for calendar-data, or NULL */
	int64_t plan_updated;
};
int api_dav_item_prop(struct buf *b, const struct dav_prop *p, void *ctx);

/* api_dav_report.c: REPORT. */
int api_dav_report(struct dav_ctx *c, struct error *err);

/* api_dav_item.c: GET (and HEAD), PUT, DELETE of a resource. */
int api_dav_get(struct dav_ctx *c, struct error *err);
int api_dav_put(struct dav_ctx *c, struct error *err);

#endif
