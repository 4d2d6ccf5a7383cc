/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/queue.h>

#include <event2/buffer.h>
#include <event2/keyvalq_struct.h>

#include "api/api_dav.h"
#include "api/api_link.h"
#include "api/api_me_caldav.h"
#include "api/feed_http.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/secret.h"
#include "report/me_page.h"
#include "report/report_render.h"
#include "store/plan_write.h"
#include "utf8.h"

/*
 * The task-app part of a person's page (GET /me/<secret>?caldav=1, and its two forms posted to
 * the page): the CalDAV URL and login, app passwords made (shown once, kept as SHA-256),
 * listed and revoked. Whoever holds the page's URL may do this, as they may tick items off.
 */

#define MAX_FORM	   2048
#define MAX_LABEL	   60 /* characters */
#define MAX_PASSWORDS	   50
#define PASSWORD_RAW_BYTES 15 /* 120 bits: 24 base32 letters and digits */

struct listing {
	struct me_app_password v[MAX_PASSWORDS];
	size_t n;
	const char *tz;
};

static int add_password(const struct app_password *a, void *arg)
{
	struct listing *l = arg;
	struct me_app_password *p;

	if (l->n == MAX_PASSWORDS)
		return 0;
	p = &l->v[l->n++];
	p->id = a->id;
	snprintf(p->label, sizeof p->label, "%s", a->label);
	moment_human_instant(a->created, l->tz, p->created, sizeof p->created);
	return 0;
}

static void send_page(struct request *r, int status, struct buf *b)
{
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->ev);
	struct evbuffer *body = evbuffer_new();

	evhttp_add_header(out, "Content-Type", "text/html; charset=utf-8");
	evhttp_add_header(out, "Cache-Control", "no-store");
	evhttp_add_header(out, "X-Content-Type-Options", "nosniff");
	evhttp_add_header(out, "Referrer-Policy", "no-referrer");
	evhttp_add_header(out, "Content-Security-Policy", me_page_csp());
	evhttp_add_header(out, "X-Frame-Options", "DENY");
	if (body != NULL && b->data != NULL)
		evbuffer_add(body, b->data, b->len);
	evhttp_send_reply(r->ev, status, NULL, body);
	if (body != NULL)
		evbuffer_free(body);
	r->sent = 1;
}

/* The page, with NEW_PASSWORD shown once when one was just made. */
static int page(struct request *r, const struct page_row *pg, const char *new_password,
		struct error *err)
{
	struct db *db = r->daemon->db;
	struct plan *p = store_plan_get(db, pg->plan_id, err);
	char *name = p != NULL ? store_feed_person_name(db, pg->plan_id, pg->person_id, err) : NULL;
	char login[DAV_LOGIN_LEN], url[600];
	struct listing *l = calloc(1, sizeof *l);
	struct buf b;
	int rc = -1;

	if (name == NULL || l == NULL ||
	    api_dav_login(db, pg->plan_id, pg->person_id, name, login, err) == -1)
		goto out;
	l->tz = p->tz;
	if (store_app_password_each(db, pg->person_id, add_password, l, err) == -1)
		goto out;
	api_link_url(&r->daemon->config, "/dav/", "", "", url, sizeof url);
	buf_init(&b, 8192);
	me_page_caldav(&b,
		       &(struct me_caldav){ p->lang, name, url, login, l->v, l->n, new_password });
	send_page(r, new_password != NULL ? 201 : 200, &b);
	buf_free(&b);
	rc = 0;
out:
	if (l == NULL && err->kind == ERR_NONE)
		error_set(err, ERR_INTERNAL, "out of memory");
	free(l);
	free(name);
	plan_free(p);
	return rc;
}

int api_me_caldav_get(struct request *r, const struct page_row *pg, struct error *err)
{
	return page(r, pg, NULL, err);
}

/* A label as typed: printable UTF-8 of at most MAX_LABEL characters; 0 or -1. */
static int label_ok(const char *s)
{
	if (!utf8_valid(s, strlen(s)) || utf8_length(s) > MAX_LABEL)
		return -1;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20)
			return -1;
	return 0;
}

static int make_password(struct request *r, const struct page_row *pg, const char *label,
			 struct error *err)
{
	struct db *db = r->daemon->db;
	char password[SECRET_TEXT_LEN(PASSWORD_RAW_BYTES) + 1];
	unsigned char hash[AUTH_HASH_LEN];
	struct plan_write w;
	int64_t id;
	int rc;

	if (secret_new(password, PASSWORD_RAW_BYTES) == -1 ||
	    auth_token_hash(password, strlen(password), hash) == -1)
		return error_set(err, ERR_INTERNAL, "cannot make a password");
	if (plan_write_begin_quiet(&w, db, err) == -1)
		return -1;
	if (store_app_password_add(db, pg->person_id, label, hash, clock_now(), &id, err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	rc = page(r, pg, password, err);
	explicit_bzero(password, sizeof password);
	return rc;
}

static int revoke_password(struct request *r, const struct page_row *pg, const char *id_text,
			   struct error *err)
{
	struct db *db = r->daemon->db;
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->ev);
	struct plan_write w;
	char *end, where[128];
	long long id = id_text != NULL ? strtoll(id_text, &end, 10) : 0;

	if (id_text == NULL || *end != '\0' || id <= 0) {
		feed_http_plain(r, 400, "Bad Request");
		return 0;
	}
	if (plan_write_begin_quiet(&w, db, err) == -1)
		return -1;
	if (store_app_password_revoke(db, pg->person_id, id, err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	snprintf(where, sizeof where, "%s?caldav=1", r->args[0]);
	evhttp_add_header(out, "Location", where);
	evhttp_add_header(out, "Cache-Control", "no-store");
	evhttp_send_reply(r->ev, 303, "See Other", NULL);
	r->sent = 1;
	return 0;
}

/* The form's fields into KV (the caller clears it): 0, or the status of a refusal. */
static int read_form(struct request *r, struct evkeyvalq *kv)
{
	const char *ct =
		evhttp_find_header(evhttp_request_get_input_headers(r->ev), "Content-Type");
	size_t len;
	const char *body = http_body(r, &len);
	char *text;
	int rc;

	if (ct == NULL || strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0)
		return 415;
	if (len > MAX_FORM)
		return 413;
	if ((text = strndup(body, len)) == NULL)
		return 500;
	rc = evhttp_parse_query_str(text, kv) == 0 ? 0 : 400;
	free(text);
	return rc;
}

int api_me_caldav_post(struct request *r, const struct page_row *pg, struct error *err)
{
	struct evkeyvalq kv;
	const char *action, *label;
	int status, rc = 2;

	TAILQ_INIT(&kv);
	if ((status = read_form(r, &kv)) != 0 ||
	    (action = evhttp_find_header(&kv, "action")) == NULL ||
	    strncmp(action, "app-password", 12) != 0) {
		evhttp_clear_headers(&kv);
		return 2; /* not ours: an item's form (api_me.c) */
	}
	if (strcmp(action, "app-password") == 0) {
		label = evhttp_find_header(&kv, "label");
		if (label_ok(label != NULL ? label : "") == -1) {
			feed_http_plain(r, 400, "Bad Request");
			rc = 0;
		} else {
			rc = make_password(r, pg, label != NULL ? label : "", err) == 0 ? 1 : -1;
		}
	} else if (strcmp(action, "app-password-revoke") == 0) {
		rc = revoke_password(r, pg, evhttp_find_header(&kv, "password"), err) == 0 ? 1 : -1;
	}
	evhttp_clear_headers(&kv);
	return rc == 0 ? 1 : rc;
}
