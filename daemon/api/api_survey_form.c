/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/queue.h>

#include <event2/buffer.h>
#include <event2/keyvalq_struct.h>

#include "api/api.h"
#include "api/api_survey.h"
#include "api/feed_http.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "report/survey_form.h"
#include "report/survey_words.h"
#include "store/survey_store.h"
#include "survey/survey_save.h"
#include "survey/survey_token.h"

/*
 * GET and POST /survey/<secret>: the survey's public form, to whoever holds its URL (anything
 * else is a bare 404). GET gives an empty form with a new one-time token (the kept rendering,
 * survey_form_cache.c); "?thanks=1" puts the thanks after a response at its top. POST is one response: refused (nothing stored) when the address sends too fast
 * (429), the body is too large (413), the token is not this form's or was used (409), or an
 * answer is not one the questionnaire allows (422); else stored whole, and 303 to the thanks.
 */

struct survey_post {
	int64_t plan_id;
	const char *lang;
	int paper;
	char back[128];
};

static void survey_headers(struct request *r)
{
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->ev);

	evhttp_add_header(out, "Content-Type", "text/html; charset=utf-8");
	evhttp_add_header(out, "Cache-Control", "no-store");
	evhttp_add_header(out, "X-Content-Type-Options", "nosniff");
	evhttp_add_header(out, "Referrer-Policy", "no-referrer");
	evhttp_add_header(out, "Content-Security-Policy", survey_form_csp());
	evhttp_add_header(out, "X-Frame-Options", "DENY");
}

static void survey_send(struct request *r, int status, struct buf *b)
{
	struct evbuffer *body = evbuffer_new();

	survey_headers(r);
	if (body != NULL && b->data != NULL)
		evbuffer_add(body, b->data, b->len);
	evhttp_send_reply(r->ev, status, NULL, body);
	if (body != NULL)
		evbuffer_free(body);
	buf_free(b);
	r->sent = 1;
}

/* The plan whose form the path's secret opens: 1, 0 (a 404 sent), -1 with ERR. */
static int survey_find_form(struct request *r, int64_t *plan_id, struct error *err)
{
	const char *secret = r->args[0];
	size_t len = strlen(secret);
	unsigned char hash[FEED_HASH_LEN];
	int found = 0;

	if (feed_secret_wellformed(secret, len) && feed_secret_hash(secret, len, hash) == 0 &&
	    (found = store_survey_by_hash(r->daemon->db, hash, plan_id, err)) == -1)
		return -1;
	if (!found)
		feed_http_plain(r, 404, "Not Found");
	return found;
}

static void survey_refuse(struct request *r, const struct survey_post *sp, int status,
			  enum survey_word w, const char *detail)
{
	struct buf b;

	buf_init(&b, 4096);
	survey_form_refusal(&b, sp->lang, survey_word(sp->lang, w), detail, sp->back);
	survey_send(r, status, &b);
}

static void survey_back(struct survey_post *sp, const char *secret)
{
	snprintf(sp->back, sizeof sp->back, "%s%s", secret, sp->paper ? "?paper=1" : "");
}

int survey_form_get(struct request *r, struct error *err)
{
	const struct survey_form_page *f;
	const char *paper = http_query(r, "paper"), *thanks = http_query(r, "thanks");
	struct survey_post sp = { .paper = paper != NULL && strcmp(paper, "1") == 0 };
	char token[SURVEY_TOKEN_LEN];
	int found = survey_find_form(r, &sp.plan_id, err);
	struct evbuffer *body;
	size_t start;
	struct buf b;

	if (found != 1)
		return found == 0 ? 0 : -1;
	if ((f = survey_form_cache_get(r->daemon->db, sp.plan_id, sp.paper, err)) == NULL)
		return -1;
	survey_back(&sp, r->args[0]);
	if (survey_token_make(r->daemon->db, sp.plan_id, clock_now(), token, err) == -1)
		return -1;
	if ((body = evbuffer_new()) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	/* Copied once into the reply: the kept form around the thanks and a new token. */
	buf_init(&b, 512);
	if (thanks != NULL)
		survey_form_thanks(&b, f->lang);
	start = f->thanks + strlen(SURVEY_FORM_THANKS_MARK);
	evbuffer_add(body, f->html, f->thanks);
	if (b.data != NULL)
		evbuffer_add(body, b.data, b.len);
	evbuffer_add(body, f->html + start, f->mark - start);
	evbuffer_add(body, token, strlen(token));
	start = f->mark + strlen(SURVEY_FORM_TOKEN_MARK);
	evbuffer_add(body, f->html + start, f->len - start);
	buf_free(&b);
	survey_headers(r);
	evhttp_send_reply(r->ev, 200, NULL, body);
	evbuffer_free(body);
	r->sent = 1;
	return 0;
}

static int survey_form_type_ok(struct request *r)
{
	const char *ct =
		evhttp_find_header(evhttp_request_get_input_headers(r->ev), "Content-Type");
	size_t n = strlen("application/x-www-form-urlencoded");

	return ct != NULL && strncasecmp(ct, "application/x-www-form-urlencoded", n) == 0 &&
	       (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* The body's fields into *KV, checked for size and type: 0, or the refusal's status. */
static int survey_read_body(struct request *r, struct evkeyvalq *kv)
{
	size_t len;
	const char *body = http_body(r, &len);
	char *text;
	int rc;

	if (!survey_form_type_ok(r))
		return 415;
	if (len > SURVEY_MAX_BODY)
		return 413;
	if ((text = strndup(body != NULL ? body : "", len)) == NULL || strlen(text) != len) {
		free(text);
		return 400;
	}
	rc = evhttp_parse_query_str(text, kv);
	free(text);
	return rc == 0 ? 0 : 400;
}

/* What is wrong with an answer, in the plan's language: "3. Ваше образование: ...". */
static void survey_problem_text(const struct survey *s, const struct survey_check *c, const char *l,
				char *buf, size_t len)
{
	static const enum survey_word w[] = {
		[SURVEY_UNKNOWN_FIELD] = SW_BAD_FORM,  [SURVEY_UNKNOWN_OPTION] = SW_UNKNOWN_OPTION,
		[SURVEY_TWO_ANSWERS] = SW_TWO_ANSWERS, [SURVEY_REQUIRED] = SW_MUST_ANSWER,
		[SURVEY_NOT_NUMBER] = SW_NOT_NUMBER,   [SURVEY_TOO_LONG] = SW_TOO_LONG,
		[SURVEY_NOT_TEXT] = SW_BAD_FORM,       [SURVEY_NOTHING] = SW_NOTHING,
	};

	if (c->question < 0)
		snprintf(buf, len, "%s", survey_word(l, w[c->problem]));
	else
		snprintf(buf, len, "%s. %s: %s", s->q[c->question].id, s->q[c->question].text,
			 survey_word(l, w[c->problem]));
}

/* The response in KV checked and stored; sends the reply. */
static void survey_take(struct request *r, struct survey_post *sp, struct evkeyvalq *kv,
			int64_t nonce, int64_t issued, struct error *err)
{
	struct survey_save_how how = { sp->paper ? "paper" : "form", nonce, issued, clock_now() };
	struct survey_field fields[SURVEY_MAX_QUESTIONS * 4];
	struct survey_given given[SURVEY_MAX_QUESTIONS] = { 0 };
	struct survey_check check;
	struct survey_row row = { 0 };
	struct survey *s = NULL;
	struct evkeyval *e;
	char what[400];
	size_t n = 0;
	int saved = -1;

	TAILQ_FOREACH (e, kv, next) {
		if (n == sizeof fields / sizeof *fields) {
			survey_refuse(r, sp, 413, SW_TOO_LARGE, NULL);
			return;
		}
		fields[n++] = (struct survey_field){ e->key, e->value };
	}
	if (store_survey_get(r->daemon->db, sp->plan_id, &row, err) != 1 ||
	    (s = survey_parse(row.source, strlen(row.source), sp->lang, err)) == NULL) {
		error_clear(err);
		survey_refuse(r, sp, 503, SW_UNAVAILABLE, NULL);
	} else if (survey_answer_read(s, fields, n, "t|paper", given, &check) != SURVEY_OK) {
		survey_problem_text(s, &check, sp->lang, what, sizeof what);
		survey_refuse(r, sp, 422, SW_REFUSED_TITLE, what);
	} else if ((saved = survey_save(r->daemon->db, sp->plan_id, s, given, &how, err)) != 1) {
		survey_refuse(r, sp, saved == 0 ? 409 : 503, saved == 0 ? SW_USED : SW_UNAVAILABLE,
			      NULL);
		error_clear(err);
	} else {
		struct evkeyvalq *out = evhttp_request_get_output_headers(r->ev);
		snprintf(what, sizeof what, "%s?thanks=1%s", r->args[0],
			 sp->paper ? "&paper=1" : "");
		evhttp_add_header(out, "Location", what);
		evhttp_add_header(out, "Cache-Control", "no-store");
		evhttp_send_reply(r->ev, 303, "See Other", NULL);
		r->sent = 1;
	}
	if (s != NULL)
		survey_given_free(given, s->nq);
	survey_free(s);
	free(row.source);
}

/* The token of the form: 0 good (*NONCE, *ISSUED), or the refusal sent; -1 with ERR. */
static int survey_post_token(struct request *r, struct survey_post *sp, const char *token,
			     int64_t *nonce, int64_t *issued, struct error *err)
{
	int t = survey_token_check(r->daemon->db, sp->plan_id, token, clock_now(), nonce, issued,
				   err);

	if (t == -1) {
		error_clear(err);
		survey_refuse(r, sp, 503, SW_UNAVAILABLE, NULL);
	} else if (t == SURVEY_TOKEN_BAD) {
		survey_refuse(r, sp, 400, SW_BAD_FORM, NULL);
	} else if (t == SURVEY_TOKEN_EXPIRED) {
		survey_refuse(r, sp, 409, SW_EXPIRED, NULL);
	}
	return t == SURVEY_TOKEN_OK ? 0 : 1;
}

int survey_form_post(struct request *r, struct error *err)
{
	const struct survey_form_page *f;
	struct survey_post sp = { 0 };
	struct evkeyvalq kv;
	const char *paper;
	int64_t nonce, issued;
	int found = survey_find_form(r, &sp.plan_id, err), status;

	if (found != 1)
		return found == 0 ? 0 : -1;
	if ((f = survey_form_cache_get(r->daemon->db, sp.plan_id, 0, err)) == NULL)
		return -1;
	sp.lang = f->lang;
	TAILQ_INIT(&kv);
	status = !r->local && !api_survey_rate_ok(http_client(r)) ? 429 : survey_read_body(r, &kv);
	paper = evhttp_find_header(&kv, "paper");
	sp.paper = paper != NULL && strcmp(paper, "1") == 0;
	survey_back(&sp, r->args[0]);
	if (status != 0)
		survey_refuse(r, &sp, status,
			      status == 429 ? SW_TOO_MANY :
			      status == 413 ? SW_TOO_LARGE :
					      SW_BAD_FORM,
			      NULL);
	else if (survey_post_token(r, &sp, evhttp_find_header(&kv, "t"), &nonce, &issued, err) == 0)
		survey_take(r, &sp, &kv, nonce, issued, err);
	evhttp_clear_headers(&kv);
	return 0;
}
