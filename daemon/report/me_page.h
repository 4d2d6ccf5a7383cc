/* SPDX-License-Identifier: MIT */
/*
 * A person's own page (issue 13): their items and their groups' items, each with a form to
 * mark it done or reopen it, and how to subscribe to their calendar. Rendered on the server in
 * the plan's language, no script; the HTTP side is api/api_me.c.
 */
#ifndef QWEEK_ME_PAGE_H
#define QWEEK_ME_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "core/report_buf.h"
#include "feed/rendered.h"
#include "report/me_words.h"
#include "report/report.h"

/* Where an item goes on the page, in this order. */
enum me_section { ME_OVERDUE, ME_TODAY, ME_COMING, ME_DONE, ME_NSECTIONS };

struct me_item {
	struct report_item r; /* what the status page shows of it */
	int64_t seq;	      /* its version: a form is bound to it */
	char *others;	      /* the others responsible for it, "A, B" ("" when none) */
	enum me_section section;
	size_t order; /* plan order, between items of one moment */
};

/* What the page shows, loaded at one instant. Owned by its loader; me_view_free. */
struct me_view {
	struct plan *plan;
	char *person;
	int64_t person_id, now;
	struct me_item *items; /* by section, then as each section is ordered */
	size_t n, cap;
	size_t count[ME_NSECTIONS];
};

/* me_page_load.c: the items of PERSON_ID (and of their groups) in plan PLAN_ID at NOW. */
struct me_view *me_view_load(struct db *db, int64_t plan_id, int64_t person_id, int64_t now,
			     struct error *err);
void me_view_free(struct me_view *v);

/*
 * me_page.c: the page into B. FEED_HTTP (NULL when the person has no feed that can be shown)
 * is the calendar's URL; the page never holds its own.
 */
void me_page_render(struct buf *b, const struct me_view *v, const char *feed_http);

/* The Content-Security-Policy of the page and of its refusals: no script, no other origin,
 * the page's own style sheet by its hash. A static string. */
const char *me_page_csp(void);

/*
 * A short page that says why a form was refused (TITLE, the item WHAT or "", then TEXT, all
 * escaped) with a link back to the page at RETURN_TO (a relative URL), in LANG.
 */
void me_page_refusal(struct buf *b, const char *lang, const char *title, const char *what,
		     const char *text, const char *return_to);

/* The head of a page of the person's (TITLE, in LANG) with the page's style; report_html_close
 * ends it. */
void me_page_open(struct buf *b, const char *lang, const char *title);

/* me_page_caldav.c: the link from the page to its task-app part (?caldav=1). */
void me_page_caldav_link(struct buf *b, const char *lang);

/* One app password as the task-app part lists it. */
struct me_app_password {
	int64_t id;
	char label[128];
	char created[40]; /* as people read it, in the plan's zone */
};

/* The task-app part: how to connect (URL, LOGIN), what to type where. */
struct me_caldav {
	const char *lang, *person, *url, *login;
	const struct me_app_password *passwords;
	size_t npasswords;
	const char *new_password; /* just made: shown this once; or NULL */
};

/*
 * The task-app page: the CalDAV URL and login, a form that makes an app password (shown once),
 * the passwords made, each with a form that revokes it, and short steps for the usual apps.
 */
void me_page_caldav(struct buf *b, const struct me_caldav *c);

/* me_page_subscribe.c: the calendar part (how to subscribe, the QR code of FEED_HTTP). */
void me_page_subscribe(struct buf *b, const char *lang, const char *feed_http);

/* me_page_qr.c: TEXT as a QR code in an inline SVG titled TITLE; nothing when it cannot. */
void me_page_qr(struct buf *b, const char *text, const char *title);

/*
 * me_page_cache.c: the page of PERSON_ID of plan PLAN_ID as of NOW's minute, with FEED_HTTP,
 * rendered once per change of the plan, minute and feed URL. A new reference (rendered_unref),
 * or NULL with ERR. Listens to changes (changes.h) from its first call on.
 */
struct rendered *me_page_cache_get(struct db *db, int64_t plan_id, int64_t person_id,
				   const char *feed_http, int64_t now, struct error *err);
void me_page_cache_free(void);

#endif
