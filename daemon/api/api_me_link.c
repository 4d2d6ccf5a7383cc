/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_dav.h"
#include "api/api_link.h"
#include "store/plan_write.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "store/link_store.h"

/*
 * POST /api/v1/plans/{slug}/people/{name}/link: one person's links, their page (/me/<secret>)
 * and their calendar feed, made at the first call and the same at every call after, until
 * rotate makes new ones (the old ones then die: a lost phone). A planner gives them out by
 * hand or mail, as often as needed, without breaking a subscription.
 */

struct person_links {
	struct page_row page;
	struct feed_row feed;
	int page_exists, feed_exists, made;
	char page_secret[FEED_SECRET_LEN + 1], feed_secret[FEED_SECRET_LEN + 1];
};

/* The person (never a group) named by the path's second argument; *NAME as stored. */
static int link_person(struct request *r, const struct plan *p, int64_t *id, char **name,
		       struct error *err)
{
	struct db *db = r->daemon->db;
	int is_group = 0, found = store_person_lookup(db, p->id, r->args[1], id, &is_group, err);

	*name = NULL;
	if (found == -1)
		return -1;
	if (!found) {
		error_set(err, ERR_NOT_FOUND, "there is no person «%s» in plan %s", r->args[1],
			  p->slug);
		store_person_suggest(db, p->id, r->args[1], err);
		return -1;
	}
	if (is_group)
		return error_set(err, ERR_INVALID,
				 "«%s» is a group: a personal page is for one person (each "
				 "member's page shows the group's items)",
				 r->args[1]);
	*name = store_feed_person_name(db, p->id, *id, err);
	return *name != NULL ? 0 : -1;
}

/* The page's secret: shown again, or made (and stored) in the transaction under way. */
static int page_secret(struct db *db, struct person_links *l, int rotate, const char *const hint[2],
		       struct error *err)
{
	struct page_row *pg = &l->page;
	struct link_ref ref = { .kind = LINK_PAGE,
				.plan_id = pg->plan_id,
				.person_id = pg->person_id,
				.gen = pg->gen,
				.hash = pg->hash,
				.what = "the person's page",
				.rotate = hint[1] };

	if (l->page_exists && !rotate)
		return api_link_show(db, &ref, l->page_secret, err);
	pg->created = clock_now();
	if (api_link_make(db, LINK_PAGE, pg->plan_id, pg->person_id, &pg->gen, l->page_secret,
			  pg->hash, err) == -1 ||
	    store_page_put(db, pg, err) == -1)
		return -1;
	l->made = 1;
	return 0;
}

/* Both links, in one transaction when one of them is to be made. */
static int both_secrets(struct db *db, struct person_links *l, int rotate,
			const char *const hint[2], struct error *err)
{
	struct plan_write w;
	int begun = 0, feed_made = 0;

	if (rotate || !l->page_exists || !l->feed_exists) {
		if (plan_write_begin(&w, db, l->page.plan_id, err) == -1)
			return -1;
		begun = 1;
	}
	if (page_secret(db, l, rotate, hint, err) == -1 ||
	    api_feed_secret(db, &l->feed, l->feed_exists, rotate, hint, l->feed_secret, &feed_made,
			    err) == -1 ||
	    (begun && plan_write_commit(&w, err) == -1)) {
		if (begun)
			plan_write_rollback(&w);
		return -1;
	}
	l->made |= feed_made;
	return feed_made ? api_feed_made(&l->feed, err) : 0;
}

int api_person_links_ensure(struct db *db, int64_t plan_id, int64_t person_id, const char *name,
			    struct error *err)
{
	struct person_links l = { 0 };
	char how[400], quoted[256];
	const char *hint[2] = { "the person's feed", how };
	int rc = -1;

	snprintf(how, sizeof how, "qweek person link %s --rotate",
		 api_shell_quote(name, quoted, sizeof quoted));
	if ((l.page_exists = store_page_find(db, person_id, &l.page, err)) != -1 &&
	    (l.feed_exists = store_feed_find(db, plan_id, person_id, &l.feed, err)) != -1) {
		l.page.plan_id = l.feed.plan_id = plan_id;
		l.page.person_id = l.feed.person_id = person_id;
		rc = both_secrets(db, &l, 0, hint, err);
	}
	explicit_bzero(&l, sizeof l);
	return rc;
}

static json_t *links_json(const struct config *c, const char *who, const struct person_links *l,
			  const char *login)
{
	char page[600], http[600], webcal[620], dav[600];

	api_link_url(c, "/me/", l->page_secret, "", page, sizeof page);
	api_link_url(c, "/feeds/", l->feed_secret, ".ics", http, sizeof http);
	api_link_webcal(http, webcal, sizeof webcal);
	api_link_url(c, "/dav/", "", "", dav, sizeof dav); /* a task app's CalDAV (api_dav.h) */
	return json_pack("{s:s, s:s, s:{s:s, s:s}, s:{s:s, s:s}}", "who", who, "page", page, "feed",
			 "http", http, "webcal", webcal, "caldav", "url", dav, "username", login);
}

int api_person_link(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	struct person_links l = { 0 };
	const struct plan *p = r->plan;
	char *name = NULL, how[400], login[DAV_LOGIN_LEN];
	const char *hint[2] = { "the person's feed", how };
	int64_t person;
	int rotate, rc = -1;
	char quoted[256];

	if (api_link_rotate(r, "a link request", &rotate, err) == -1 ||
	    link_person(r, p, &person, &name, err) == -1 ||
	    (l.page_exists = store_page_find(db, person, &l.page, err)) == -1 ||
	    (l.feed_exists = store_feed_find(db, p->id, person, &l.feed, err)) == -1)
		goto out;
	snprintf(how, sizeof how, "qweek person link %s --rotate",
		 api_shell_quote(name, quoted, sizeof quoted));
	l.page.plan_id = l.feed.plan_id = p->id;
	l.page.person_id = l.feed.person_id = person;
	if (both_secrets(db, &l, rotate, hint, err) == -1 ||
	    api_dav_login(db, p->id, person, name, login, err) == -1)
		goto out;
	r->status = l.made ? 201 : 200;
	r->reply = links_json(&r->daemon->config, name, &l, login);
	rc = 0;
out:
	explicit_bzero(&l, sizeof l);
	free(name);
	return rc;
}
