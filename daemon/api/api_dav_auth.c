/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <event2/buffer.h>
#include <openssl/evp.h>

#include "api/api_dav.h"
#include "core/daemon.h"
#include "store/auth_store.h"
#include "store/plan_write.h"

/*
 * HTTP Basic over the TLS front: the login qweek gave the person, and an app password made on
 * their page or a token of theirs. A wrong one is answered late (http_login_failed), from a
 * timer, so guessing is slow and the loop never waits; the right one is let in at once.
 * Nothing of the credentials is logged or kept but the hashes.
 */

#define MAX_CREDENTIALS 512

/* "Basic <base64>" → LOGIN and PASSWORD (in OUT, split at the first ':'); 0 or -1. */
static int read_basic(const char *h, char *out, size_t len, char **password)
{
	unsigned char raw[MAX_CREDENTIALS];
	size_t n;
	int k;
	char *colon;

	if (h == NULL || strncasecmp(h, "Basic ", 6) != 0)
		return -1;
	h += 6;
	h += strspn(h, " ");
	n = strcspn(h, " \r\n");
	if (n == 0 || n % 4 != 0 || n / 4 * 3 >= sizeof raw)
		return -1;
	if ((k = EVP_DecodeBlock(raw, (const unsigned char *)h, (int)n)) < 0)
		return -1;
	k -= (h[n - 1] == '=') + (h[n - 2] == '='); /* EVP_DecodeBlock counts the padding */
	if ((size_t)k >= len || memchr(raw, '\0', (size_t)k) != NULL)
		return -1;
	memcpy(out, raw, (size_t)k);
	out[k] = '\0';
	explicit_bzero(raw, sizeof raw);
	if ((colon = strchr(out, ':')) == NULL)
		return -1;
	*colon = '\0';
	*password = colon + 1;
	return 0;
}

/* Is PASSWORD one of WHO's app passwords, or a token of WHO's? 1, 0, -1. */
static int password_ok(struct db *db, const struct dav_login *who, const char *password,
		       struct error *err)
{
	unsigned char hash[AUTH_HASH_LEN];
	struct auth_who t = { 0 };
	int ok;

	if (auth_token_hash(password, strlen(password), hash) == -1)
		return error_set(err, ERR_INTERNAL, "cannot hash");
	ok = store_app_password_check(db, who->person_id, hash, err);
	if (ok == 0)
		ok = store_token_find(db, hash, &t, err);
	if (ok == 1 && t.role != AUTH_NONE)
		ok = t.person_id == who->person_id && t.role >= AUTH_STAFF;
	explicit_bzero(hash, sizeof hash);
	return ok;
}

/* 401, at once (no credentials: a client's first try) or DELAY_MS late (wrong ones). */
static void unauthorized(struct request *r, int delay_ms)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(r->ev);
	struct evbuffer *body = evbuffer_new();
	static const char text[] = "sign in with your qweek login and an app password made on "
				   "your personal page\n";

	evhttp_add_header(h, "WWW-Authenticate", "Basic realm=\"qweek\", charset=\"UTF-8\"");
	evhttp_add_header(h, "Content-Type", "text/plain; charset=utf-8");
	if (body != NULL)
		evbuffer_add(body, text, sizeof text - 1);
	http_send_later(r, delay_ms, 401, "Unauthorized", body);
}

int api_dav_auth(struct dav_ctx *c, struct error *err)
{
	struct request *r = c->r;
	const char *h =
		evhttp_find_header(evhttp_request_get_input_headers(r->ev), "Authorization");
	char cred[MAX_CREDENTIALS], *password = NULL;
	int found = 0, ok = 0;

	if (h == NULL) {
		unauthorized(r, 0);
		return 0;
	}
	if (read_basic(h, cred, sizeof cred, &password) == 0 &&
	    (found = store_dav_login_find(r->daemon->db, cred, &c->who, err)) == 1)
		ok = password_ok(r->daemon->db, &c->who, password, err);
	explicit_bzero(cred, sizeof cred);
	if (found == -1 || ok == -1)
		return -1;
	if (!ok) {
		unauthorized(r, http_login_failed(r));
		return 0;
	}
	http_login_ok(r);
	return 1;
}

int api_dav_login(struct db *db, int64_t plan_id, int64_t person_id, const char *name,
		  char out[DAV_LOGIN_LEN], struct error *err)
{
	struct plan_write w;
	int found = store_dav_login_get(db, person_id, out, err);

	(void)plan_id;
	if (found != 0) /* no write when it is there: links are shown from a read-only database */
		return found == 1 ? 0 : -1;
	/* Quiet: a login is no change of the plan that feeds or reminders would look at. */
	if (plan_write_begin_quiet(&w, db, err) == -1)
		return -1;
	if (store_dav_login(db, person_id, name, out, err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	return 0;
}
