/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/queue.h>

#include <event2/buffer.h>
#include <event2/keyvalq_struct.h>

#include "api/api.h"
#include "api/api_link.h"
#include "api/api_me_caldav.h"
#include "api/feed_http.h"
#include "api/rendered_http.h"
#include "api/report_http.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "report/me_page.h"
#include "store/auth_store.h"
#include "store/link_store.h"
#include "store/plan_write.h"
#include "utf8.h"

/*
 * GET and POST /me/<secret>: a person's page, public to whoever holds its URL (the URL is the
 * key; anything else is a bare 404). GET changes nothing and is served from the kept rendering
 * (me_page_cache.c). POST is one item's form: done with an optional note, or reopen; it acts
 * only on an item of that person (or of their groups) and only at the version the page showed,
 * is recorded as done by that person, and answers 303 back to the item on the page. A refusal
 * is a short page in the plan's language that says what happened and leads back.
 */

#define ME_MAX_BODY 8192 /* a form: an item, a version, an action and a note */
#define ME_MAX_NOTE 2000 /* characters, as the textarea's maxlength */

/* Referrer-Policy and the rest, with the page's CSP worked out once. */
static const char *const *page_extra(void)
{
	static const char *extra[7];

	if (extra[0] == NULL) {
		const char *h[] = { "Referrer-Policy",
				    "no-referrer",
				    "Content-Security-Policy",
				    me_page_csp(),
				    "X-Frame-Options",
				    "DENY",
				    NULL };
		memcpy(extra, h, sizeof h);
	}
	return extra;
}

/* The page whose secret is the path's argument: 1 (ROW filled), 0 none, -1 with ERR. */
static int find_page(struct request *r, struct page_row *row, struct error *err)
{
	const char *secret = r->args[0];
	size_t len = strlen(secret);
	unsigned char hash[FEED_HASH_LEN];

	if (!feed_secret_wellformed(secret, len) || feed_secret_hash(secret, len, hash) == -1)
		return 0;
	return store_page_by_hash(r->daemon->db, hash, row, err);
}

/* The person's feed URL (malloc'd), or NULL when they have none that can be shown. */
static char *feed_url(struct request *r, const struct page_row *pg)
{
	struct db *db = r->daemon->db;
	struct error err = ERROR_INIT;
	struct feed_row feed;
	struct link_ref l = { LINK_FEED, pg->plan_id, pg->person_id, 0, feed.hash, "", "" };
	char secret[FEED_SECRET_LEN + 1], url[600];

	if (store_feed_find(db, pg->plan_id, pg->person_id, &feed, &err) != 1) {
		error_clear(&err);
		return NULL;
	}
	l.gen = feed.gen; /* shown only when the key works out the URL that was given out */
	if (api_link_show(db, &l, secret, &err) == -1) {
		error_clear(&err);
		return NULL;
	}
	api_link_url(&r->daemon->config, "/feeds/", secret, ".ics", url, sizeof url);
	return strdup(url);
}

int me_page_get(struct request *r, struct error *err)
{
	struct rendered_headers h = { "text/html; charset=utf-8", "no-store", page_extra() };
	struct rendered *page;
	struct page_row pg;
	char *feed;
	int found;

	if ((found = find_page(r, &pg, err)) != 1) {
		if (found == 0)
			feed_http_plain(r, 404, "Not Found");
		return found == 0 ? 0 : -1;
	}
	if (http_query(r, "caldav") != NULL) /* the task-app part (api_me_caldav.c) */
		return api_me_caldav_get(r, &pg, err);
	feed = feed_url(r, &pg);
	page = me_page_cache_get(r->daemon->db, pg.plan_id, pg.person_id, feed, clock_now(), err);
	free(feed);
	if (page == NULL)
		return -1;
	rendered_http_reply(r, page, &h);
	rendered_unref(page);
	return 0;
}

/* ---- POST: one item's form ---------------------------------------------------------------- */

struct form {
	int64_t item, seq;
	int done; /* 1 done, 0 reopen */
	char *note;
};

/*
 * Sends the refusal page TITLE / WHAT / TEXT with STATUS, leading back to item ITEM (0: the
 * top of the page).
 */
static void refuse(struct request *r, const char *lang, int status, const char *title,
		   const char *what, const char *text, int64_t item)
{
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->ev);
	const char *const *x = page_extra();
	struct evbuffer *buf = evbuffer_new();
	char back[128] = "";
	struct buf b;

	/*
	 * "?back=1": the refusal is at the page's own URL (the form posted there), and a link to
	 * that URL with only a fragment would just scroll the refusal, not load the page.
	 */
	if (item != 0)
		snprintf(back, sizeof back, "%s?back=1#item-%lld", r->args[0], (long long)item);
	else
		snprintf(back, sizeof back, "%s?back=1", r->args[0]);
	buf_init(&b, 4096);
	me_page_refusal(&b, lang, title, what, text, back);
	evhttp_add_header(out, "Content-Type", "text/html; charset=utf-8");
	evhttp_add_header(out, "Cache-Control", "no-store");
	evhttp_add_header(out, "X-Content-Type-Options", "nosniff");
	for (; *x != NULL; x += 2)
		evhttp_add_header(out, x[0], x[1]);
	if (buf != NULL && b.data != NULL)
		evbuffer_add(buf, b.data, b.len);
	evhttp_send_reply(r->ev, status, NULL, buf);
	if (buf != NULL)
		evbuffer_free(buf);
	buf_free(&b);
	r->sent = 1;
}

static int form_type_ok(struct request *r)
{
	const char *ct =
		evhttp_find_header(evhttp_request_get_input_headers(r->ev), "Content-Type");
	size_t n = strlen("application/x-www-form-urlencoded");

	return ct != NULL && strncasecmp(ct, "application/x-www-form-urlencoded", n) == 0 &&
	       (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

static int parse_id(const char *s, int64_t *out, int64_t min)
{
	char *end;
	long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < min)
		return -1;
	*out = v;
	return 0;
}

/*
 * The note as typed: CRLF as LF, trimmed, NULL when empty. 0, or the status of the refusal:
 * 413 too long, 400 not text.
 */
static int clean_note(const char *s, char **out)
{
	size_t len = strlen(s), n = 0;
	char *note;

	*out = NULL;
	if (!utf8_valid(s, len))
		return 400;
	if (utf8_length(s) > ME_MAX_NOTE)
		return 413;
	if ((note = malloc(len + 1)) == NULL)
		return 400;
	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '\r')
			continue;
		if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') {
			free(note);
			return 400;
		}
		note[n++] = *p;
	}
	while (n > 0 && (note[n - 1] == ' ' || note[n - 1] == '\n' || note[n - 1] == '\t'))
		n--;
	note[n] = '\0';
	memmove(note, note + strspn(note, " \n\t"), n + 1 - strspn(note, " \n\t"));
	if (*note == '\0')
		free(note);
	else
		*out = note;
	return 0;
}

/* Reads the form, parsed by evhttp: 0, or the HTTP status of the refusal (400, 413, 415). */
static int read_form(struct request *r, struct form *f)
{
	struct evkeyvalq kv;
	const char *action, *note;
	size_t len;
	const char *body = http_body(r, &len);
	char *text;
	int status = 400;

	if (!form_type_ok(r))
		return 415;
	if (len > ME_MAX_BODY)
		return 413;
	if ((text = strndup(body, len)) == NULL || strlen(text) != len) {
		free(text);
		return 400;
	}
	TAILQ_INIT(&kv);
	if (evhttp_parse_query_str(text, &kv) == 0 &&
	    parse_id(evhttp_find_header(&kv, "item"), &f->item, 1) == 0 &&
	    parse_id(evhttp_find_header(&kv, "seq"), &f->seq, 0) == 0 &&
	    (action = evhttp_find_header(&kv, "action")) != NULL &&
	    (strcmp(action, "done") == 0 || strcmp(action, "reopen") == 0)) {
		f->done = strcmp(action, "done") == 0;
		note = evhttp_find_header(&kv, "note");
		status = note != NULL ? clean_note(note, &f->note) : 0;
	}
	evhttp_clear_headers(&kv);
	free(text);
	return status;
}

/* What the form acts on, as it is now. */
struct current {
	char state[16];
	int64_t seq, done_at;
	char done_by[256];
	char what[400]; /* "7.2. Title", as the page shows it */
};

static int read_current(const struct item *it, void *arg)
{
	struct current *c = arg;

	snprintf(c->state, sizeof c->state, "%s", it->state);
	snprintf(c->what, sizeof c->what, "%s%s%s", it->label, *it->label ? ". " : "", it->title);
	snprintf(c->done_by, sizeof c->done_by, "%s", it->done_by);
	c->seq = it->seq;
	c->done_at = it->done_at;
	return 0;
}

/* Why the form cannot act on the item as it is now (TEXT filled), or NULL when it can. */
static const char *why_not(const struct plan *p, const struct form *f, const struct current *c,
			   char *text, size_t len)
{
	const char *l = p->lang;
	char at[40];

	if (strcmp(c->state, "cancelled") == 0)
		return me_word(l, MW_CANCELLED);
	if (f->done && strcmp(c->state, "done") == 0) {
		moment_human_instant(c->done_at, p->tz, at, sizeof at);
		snprintf(text, len, "%s (%s%s%s).", me_word(l, MW_ALREADY_DONE), at,
			 *c->done_by ? ", " : "", c->done_by);
		return text;
	}
	if (!f->done && strcmp(c->state, "open") == 0)
		return me_word(l, MW_ALREADY_OPEN);
	if (c->seq != f->seq)
		return me_word(l, MW_STALE);
	return NULL;
}

/* 303 back to the item on the page (relative: /me/<secret> is the request's own path). */
static void see_other(struct request *r, int64_t item)
{
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->ev);
	char where[128];

	snprintf(where, sizeof where, "%s#item-%lld", r->args[0], (long long)item);
	evhttp_add_header(out, "Location", where);
	evhttp_add_header(out, "Content-Type", "text/plain; charset=utf-8");
	evhttp_add_header(out, "Cache-Control", "no-store");
	evhttp_send_reply(r->ev, 303, "See Other", NULL);
	r->sent = 1;
}

/* Makes the change as the person NAME; 1 made, 0 the item moved on meanwhile, -1 with ERR. */
static int move(struct db *db, const struct plan *p, const struct form *f, int64_t seq,
		const char *name, struct error *err)
{
	struct plan_write w;
	int changed;

	if (plan_write_begin(&w, db, p->id, err) == -1)
		return -1;
	/* NAME for a reopening too: the item keeps no done_by then, its mark does. */
	plan_write_by(&w, name, "page");
	changed = store_item_set_state_seq(db, f->item, seq, f->done ? "done" : "open", f->note,
					   name, clock_now(), err);
	if (changed != 1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return changed == 0 ? 0 : -1;
	}
	return 1;
}

/* The form, once the page and its plan are known. */
static void act(struct request *r, const struct page_row *pg, const struct plan *p,
		const char *name, struct error *err)
{
	struct db *db = r->daemon->db;
	const char *l = p->lang, *why;
	struct form f = { 0 };
	struct current c = { "", 0, 0, "", "" };
	char text[600];
	int status = read_form(r, &f), mine = 0, moved = -1;

	if (status != 0) {
		refuse(r, l, status, me_word(l, MW_BAD_FORM_TITLE), "",
		       me_word(l, status == 413 ? MW_TOO_LONG : MW_BAD_FORM), 0);
	} else if ((mine = store_item_responsible(db, f.item, pg->person_id, err)) != 1 ||
		   store_item_get(db, p->id, f.item, read_current, &c, err) == -1) {
		error_clear(err);
		refuse(r, l, mine == -1 ? 500 : 404, me_word(l, MW_GONE_TITLE), "",
		       me_word(l, MW_GONE), 0);
	} else if ((why = why_not(p, &f, &c, text, sizeof text)) != NULL ||
		   (moved = move(db, p, &f, f.seq, name, err)) == 0) {
		refuse(r, l, 409, me_word(l, MW_NOTHING_CHANGED), c.what,
		       why != NULL ? why : me_word(l, MW_STALE), f.item);
	} else if (moved == -1) {
		refuse(r, l, err->kind == ERR_UNAVAILABLE ? 503 : 500,
		       me_word(l, MW_BAD_FORM_TITLE), c.what, me_word(l, MW_UNAVAILABLE), f.item);
		error_clear(err);
	} else {
		see_other(r, f.item);
	}
	free(f.note);
}

int me_page_post(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	struct plan *p = NULL;
	struct page_row pg;
	char *name = NULL;
	int found, app;

	if ((found = find_page(r, &pg, err)) != 1) {
		if (found == 0)
			feed_http_plain(r, 404, "Not Found");
		return found == 0 ? 0 : -1;
	}
	if ((app = api_me_caldav_post(r, &pg, err)) != 2) /* an app password's form */
		return app == 1 ? 0 : -1;
	if ((p = store_plan_get(db, pg.plan_id, err)) == NULL ||
	    (name = store_feed_person_name(db, pg.plan_id, pg.person_id, err)) == NULL) {
		plan_free(p);
		return -1;
	}
	act(r, &pg, p, name, err);
	free(name);
	plan_free(p);
	return 0;
}
