/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "api/api_dav.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "dav/dav_out.h"
#include "store/auth_store.h"
#include "store/feed_store.h"

/*
 * PROPFIND: the root and the principal (where a client finds the calendar home), the
 * collection of tasks, and its members. Every property a client asks and we do not have is
 * answered 404 in its own propstat, as RFC 4918 has it.
 */

#define P(ns, name)      \
	{                \
		ns, name \
	}

static const struct dav_prop principal_all[] = {
	P(DAV_NS, "resourcetype"),
	P(DAV_NS, "displayname"),
	P(DAV_NS, "current-user-principal"),
	P(DAV_NS, "principal-URL"),
	P(DAV_NS_CALDAV, "calendar-home-set"),
	{ "", "" },
};

static const struct dav_prop collection_all[] = {
	P(DAV_NS, "resourcetype"),
	P(DAV_NS, "displayname"),
	P(DAV_NS, "sync-token"),
	P(DAV_NS_CS, "getctag"),
	P(DAV_NS_CALDAV, "supported-calendar-component-set"),
	P(DAV_NS, "supported-report-set"),
	P(DAV_NS, "current-user-privilege-set"),
	{ "", "" },
};

static const struct dav_prop item_all[] = {
	P(DAV_NS, "resourcetype"),
	P(DAV_NS, "getetag"),
	P(DAV_NS, "getcontenttype"),
	{ "", "" },
};

static int is(const struct dav_prop *p, const char *ns, const char *name)
{
	return strcmp(p->ns, ns) == 0 && strcmp(p->name, name) == 0;
}

static void href_prop(struct buf *b, const char *prop, const char *href)
{
	buf_printf(b, "<%s><d:href>", prop);
	dav_out_text(b, href);
	buf_printf(b, "</d:href></%s>", prop);
}

/* What the root and the principal have: both lead to the person's principal and home. */
struct principal_props {
	struct dav_ctx *c;
	int root;
};

static int principal_prop(struct buf *b, const struct dav_prop *p, void *ctx)
{
	struct principal_props *pp = ctx;
	struct dav_ctx *c = pp->c;

	if (is(p, DAV_NS, "resourcetype"))
		buf_add_str(b, pp->root ? "<d:resourcetype><d:collection/></d:resourcetype>" :
					  "<d:resourcetype><d:collection/><d:principal/>"
					  "</d:resourcetype>");
	else if (is(p, DAV_NS, "displayname") && !pp->root) {
		buf_add_str(b, "<d:displayname>");
		dav_out_text(b, c->who.name);
		buf_add_str(b, "</d:displayname>");
	} else if (is(p, DAV_NS, "current-user-principal"))
		href_prop(b, "d:current-user-principal", c->home);
	else if (is(p, DAV_NS, "principal-URL") && !pp->root)
		href_prop(b, "d:principal-URL", c->home);
	else if (is(p, DAV_NS, "owner") && !pp->root)
		href_prop(b, "d:owner", c->home);
	else if (is(p, DAV_NS_CALDAV, "calendar-home-set"))
		href_prop(b, "c:calendar-home-set", c->home);
	else
		return 0;
	return 1;
}

/* The collection's own properties. */
struct collection_props {
	struct dav_ctx *c;
	const char *title;
	const char *token;
};

static int collection_prop(struct buf *b, const struct dav_prop *p, void *ctx)
{
	struct collection_props *cp = ctx;

	if (is(p, DAV_NS, "resourcetype"))
		buf_add_str(b, "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>");
	else if (is(p, DAV_NS, "displayname")) {
		buf_add_str(b, "<d:displayname>");
		dav_out_text(b, cp->title);
		buf_add_str(b, "</d:displayname>");
	} else if (is(p, DAV_NS, "sync-token") || is(p, DAV_NS_CS, "getctag")) {
		buf_printf(b, "<%s>", is(p, DAV_NS_CS, "getctag") ? "cs:getctag" : "d:sync-token");
		dav_out_text(b, cp->token);
		buf_printf(b, "</%s>", is(p, DAV_NS_CS, "getctag") ? "cs:getctag" : "d:sync-token");
	} else if (is(p, DAV_NS_CALDAV, "supported-calendar-component-set"))
		buf_add_str(b, "<c:supported-calendar-component-set><c:comp name=\"VTODO\"/>"
			       "</c:supported-calendar-component-set>");
	else if (is(p, DAV_NS, "supported-report-set"))
		buf_add_str(b, "<d:supported-report-set>"
			       "<d:supported-report><d:report><c:calendar-query/></d:report>"
			       "</d:supported-report>"
			       "<d:supported-report><d:report><c:calendar-multiget/></d:report>"
			       "</d:supported-report>"
			       "<d:supported-report><d:report><d:sync-collection/></d:report>"
			       "</d:supported-report></d:supported-report-set>");
	else if (is(p, DAV_NS, "current-user-privilege-set"))
		/* write-content: a task may be ticked off; no bind: none is made here. */
		buf_add_str(b, "<d:current-user-privilege-set><d:privilege><d:read/></d:privilege>"
			       "<d:privilege><d:write-content/></d:privilege>"
			       "</d:current-user-privilege-set>");
	else if (is(p, DAV_NS, "owner"))
		href_prop(b, "d:owner", cp->c->home);
	else if (is(p, DAV_NS, "current-user-principal")) /* on every resource: RFC 5397 */
		href_prop(b, "d:current-user-principal", cp->c->home);
	else if (is(p, DAV_NS_APPLE, "calendar-color"))
		buf_add_str(b, "<ic:calendar-color>#2E7D32FF</ic:calendar-color>");
	else
		return 0;
	return 1;
}

int api_dav_item_prop(struct buf *b, const struct dav_prop *p, void *ctx)
{
	struct dav_item_props *ip = ctx;
	const char *text;
	char etag[64];
	size_t len;
	struct error err = ERROR_INIT;

	if (is(p, DAV_NS, "resourcetype"))
		buf_add_str(b, "<d:resourcetype/>");
	else if (is(p, DAV_NS, "getetag")) {
		api_dav_etag(ip->it, ip->plan_updated, etag, sizeof etag);
		buf_add_str(b, "<d:getetag>");
		dav_out_text(b, etag);
		buf_add_str(b, "</d:getetag>");
	} else if (is(p, DAV_NS, "getcontenttype"))
		buf_add_str(b, "<d:getcontenttype>text/calendar; charset=utf-8; component=vtodo"
			       "</d:getcontenttype>");
	else if (is(p, DAV_NS_CALDAV, "calendar-data") && ip->render != NULL &&
		 (text = feed_dav_item(ip->render, ip->it, &len, &err)) != NULL) {
		buf_add_str(b, "<c:calendar-data>");
		dav_out_textn(b, text, len);
		buf_add_str(b, "</c:calendar-data>");
	} else {
		error_clear(&err);
		return 0;
	}
	return 1;
}

/* The members of the collection, one response each. */
struct members {
	struct dav_ctx *c;
	const struct dav_body *body;
	struct buf *b;
	int64_t plan_updated, now;
};

static int write_member(const struct item *it, void *arg)
{
	struct members *m = arg;
	struct dav_item_props ip = { m->c, it, NULL, m->plan_updated };
	char href[128];

	if (!api_dav_member(it, m->now))
		return 0;
	api_dav_href(m->c, it->id, href, sizeof href);
	dav_out_response(m->b, href, m->body, item_all, api_dav_item_prop, &ip);
	return m->b->failed ? -1 : 0;
}

static int find_collection(struct dav_ctx *c, const struct dav_body *body, struct buf *b,
			   struct error *err)
{
	struct db *db = c->r->daemon->db;
	struct plan *p = store_plan_get(db, c->who.plan_id, err);
	char token[128], href[DAV_LOGIN_LEN + 16];
	struct collection_props cp = { c, NULL, token };
	struct members m = { c, body, b, 0, clock_now() };
	int rc = -1;

	if (p == NULL || api_dav_token(c, token, sizeof token, err) == -1)
		goto out;
	cp.title = p->title;
	m.plan_updated = p->updated;
	snprintf(href, sizeof href, "%s" DAV_COLLECTION "/", c->home);
	dav_out_response(b, href, body, collection_all, collection_prop, &cp);
	if (c->depth == 0 || c->r->args[1] == NULL)
		rc = 0;
	else
		rc = store_feed_items(db, c->who.plan_id, c->who.person_id, write_member, &m, err);
out:
	plan_free(p);
	return rc;
}

/* One resource: the item, if it is one of the person's. */
static int find_item(struct dav_ctx *c, const struct dav_body *body, struct buf *b,
		     struct error *err)
{
	struct db *db = c->r->daemon->db;
	struct plan *p = store_plan_get(db, c->who.plan_id, err);
	struct members m = { c, body, b, 0, clock_now() };
	int mine = 0;

	if (p == NULL)
		return -1;
	m.plan_updated = p->updated;
	plan_free(p);
	if (c->item_id != 0 &&
	    (mine = store_item_responsible(db, c->item_id, c->who.person_id, err)) == -1)
		return -1;
	if (mine == 1 && store_item_get(db, c->who.plan_id, c->item_id, write_member, &m, err) == 0)
		return 0;
	if (err->kind != ERR_NONE && err->kind != ERR_NOT_FOUND)
		return -1;
	error_clear(err);
	return error_set(err, ERR_NOT_FOUND, "there is no task %s among %s's", c->res,
			 c->who.login);
}

int api_dav_propfind(struct dav_ctx *c, struct error *err)
{
	struct request *r = c->r;
	struct dav_body body;
	struct buf b;
	struct principal_props pp = { c, r->args[0] == NULL };
	size_t len;
	const char *xml = http_body(r, &len);
	int rc;

	if (dav_xml_parse(xml, len, 1, &body, err) == -1)
		return -1;
	buf_init(&b, 4096);
	dav_out_begin(&b);
	if (c->res != NULL)
		rc = find_item(c, &body, &b, err);
	else if (c->collection)
		rc = find_collection(c, &body, &b, err);
	else {
		dav_out_response(&b, pp.root ? "/dav/" : c->home, &body, principal_all,
				 principal_prop, &pp);
		rc = pp.root || c->depth == 0 ? 0 : find_collection(c, &body, &b, err);
	}
	dav_body_free(&body);
	if (rc == -1) {
		buf_free(&b);
		return -1;
	}
	dav_out_end(&b, NULL);
	return api_dav_send(r, 207, "application/xml; charset=utf-8", &b, NULL, err);
}
