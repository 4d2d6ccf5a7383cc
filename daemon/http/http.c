/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/queue.h>
#include <sys/socket.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/keyvalq_struct.h>
#include <event2/listener.h>

#include "store/db.h"
#include "store/store.h"
#include "http/auth.h"
#include "http/conn_guard.h"
#include "core/daemon.h"
#include "http/http.h"
#include "http/listen.h"
#include "core/log.h"
#include "utf8.h"

/* The HTTP front: strict limits, one table of routes, JSON in and out, errors as JSON. */

struct http {
	struct event_base *base;
	struct evhttp *ev;
	struct daemon *daemon;
	const struct route *routes;
	http_check_fn check;	  /* who may use a route (the API's policy) */
	struct listen_set *conns; /* listeners, the connection cap, EMFILE back-off */
	struct conn_guard *guard; /* deadlines, per-address caps, shedding (conn_guard.h) */
};

static void on_request(struct evhttp_request *req, void *arg);

struct http *http_new(struct event_base *base, struct daemon *d, const struct route *routes,
		      http_check_fn check)
{
	struct http *h = calloc(1, sizeof *h);

	if (h == NULL || (h->ev = evhttp_new(base)) == NULL)
		fatal("cannot create the HTTP server");
	h->base = base;
	h->daemon = d;
	h->routes = routes;
	h->check = check;
	evhttp_set_max_body_size(h->ev, HTTP_HARD_MAX_BODY);
	evhttp_set_max_headers_size(h->ev, HTTP_MAX_HEADERS);
	evhttp_set_allowed_methods(h->ev, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD | EVHTTP_REQ_POST |
						  EVHTTP_REQ_PUT | EVHTTP_REQ_PATCH |
						  EVHTTP_REQ_DELETE);
	evhttp_set_default_content_type(h->ev, "application/json; charset=utf-8");
	evhttp_set_gencb(h->ev, on_request, h);
	h->conns = listen_set_new(base, h->ev, &d->config);
	h->guard = listen_set_guard(h->conns);
	/* Idle: between a connection's bytes; a request's total deadlines are the guard's. */
	evhttp_set_timeout(h->ev, conn_guard_timeout(h->guard, HTTP_TIMEOUT_SEC));
	return h;
}

void http_free(struct http *h)
{
	if (h == NULL)
		return;
	listen_set_closing(h->conns);
	evhttp_free(h->ev);
	listen_set_free(h->conns);
	free(h);
}

int http_serve_fd(struct http *h, int fd, int local)
{
	struct evconnlistener *l;

	/* Backlog 0: FD listens already, with its own (libevent's -1 would cut it to 128). */
	l = evconnlistener_new(h->base, NULL, NULL, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC,
			       0, fd);
	if (l == NULL)
		return -1;
	if (evhttp_bind_listener(h->ev, l) == NULL)
		return -1;
	return listen_set_add(h->conns, l, local);
}

void http_warn(struct request *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_list_vadd(&r->warnings, fmt, ap);
	va_end(ap);
}

const char *http_body(struct request *r, size_t *len)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(r->ev);

	*len = evbuffer_get_length(in);
	return *len > 0 ? (const char *)evbuffer_pullup(in, -1) : "";
}

const char *http_client(struct request *r)
{
	return conn_guard_client(r->daemon->http->guard, r->ev);
}

const char *http_query(struct request *r, const char *name)
{
	return evhttp_find_header(&r->query, name);
}

int http_query_only(struct request *r, const char *names, struct error *err)
{
	struct evkeyval *kv;

	TAILQ_FOREACH (kv, &r->query, next) {
		size_t n = strlen(kv->key);
		const char *s = strstr(names, kv->key);
		if (n == 0 || s == NULL || (s != names && s[-1] != '|') ||
		    (s[n] != '\0' && s[n] != '|'))
			return error_set(err, ERR_UNKNOWN_FIELD, "unknown parameter «%s»: use %s",
					 kv->key, names);
	}
	return 0;
}

/* Fills R->local and R->peer from the connection's socket (SO_PEERCRED on a Unix socket). */
/* The user name of UID; the last answer is kept, since one administrator sends most requests. */
static void user_name(uid_t uid, char *buf, size_t len)
{
	static uid_t last_uid = (uid_t)-1;
	static char last_name[64];
	struct passwd *pw;

	if (uid != last_uid) {
		pw = getpwuid(uid);
		if (pw != NULL)
			snprintf(last_name, sizeof last_name, "%s", pw->pw_name);
		else
			snprintf(last_name, sizeof last_name, "uid %u", (unsigned)uid);
		last_uid = uid;
	}
	snprintf(buf, len, "%s", last_name);
}

/* Fills R->local and R->peer from the connection (SO_PEERCRED on a Unix socket). */
static void identify_peer(struct request *r)
{
	struct evhttp_connection *conn = evhttp_request_get_connection(r->ev);
	struct bufferevent *bev = conn ? evhttp_connection_get_bufferevent(conn) : NULL;
	const struct sockaddr *sa = conn ? evhttp_connection_get_addr(conn) : NULL;
	int fd = bev ? bufferevent_getfd(bev) : -1;
	struct ucred cred;
	socklen_t cl = sizeof cred;

	r->peer_uid = r->peer_gid = -1;
	if (fd == -1 || sa == NULL || sa->sa_family != AF_UNIX)
		return;
	r->local = 1;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &cl) == -1)
		return;
	r->peer_uid = (long)cred.uid;
	r->peer_gid = (long)cred.gid;
	user_name(cred.uid, r->peer, sizeof r->peer);
}

static void send_text(struct evhttp_request *req, int status, char *text, size_t len);

static void send_json(struct evhttp_request *req, int status, json_t *body)
{
	char *text = json_dumps(body, JSON_COMPACT);

	if (text == NULL) {
		evhttp_send_error(req, 500, "out of memory");
		return;
	}
	send_text(req, status, text, strlen(text));
}

static void free_text(const void *data, size_t len, void *arg)
{
	free((void *)data);
}

/* libevent writes 16 KiB per call by default: a 1 MB list would take 70 turns of the loop. */
static void raise_write_limit(struct evhttp_request *req, size_t len)
{
	struct evhttp_connection *conn = evhttp_request_get_connection(req);
	struct bufferevent *bev = conn ? evhttp_connection_get_bufferevent(conn) : NULL;

	if (bev != NULL && len > 16384)
		bufferevent_set_max_single_write(bev, len < (1 << 22) ? len : (1 << 22));
}

/* Sends TEXT (malloc'd JSON, taken over) without copying it. */
static void send_text(struct evhttp_request *req, int status, char *text, size_t len)
{
	struct evbuffer *out = evbuffer_new();
	struct evkeyvalq *headers = evhttp_request_get_output_headers(req);

	evhttp_add_header(headers, "Cache-Control", "no-store");
	if (evhttp_request_get_command(req) == EVHTTP_REQ_HEAD) {
		/* The length GET would have, and no body: libevent sends what it is given. */
		char n[24];
		snprintf(n, sizeof n, "%zu", len + 1);
		evhttp_add_header(headers, "Content-Length", n);
		free(text);
		evhttp_send_reply(req, status, NULL, NULL);
		evbuffer_free(out);
		return;
	}
	raise_write_limit(req, len);
	evbuffer_add_reference(out, text, len, free_text, NULL);
	/* evbuffer_add here would allocate a block as large as the reply, for one byte. */
	evbuffer_add_reference(out, "\n", 1, NULL, NULL);
	evhttp_send_reply(req, status, NULL, out);
	evbuffer_free(out);
}

static void send_error(struct request *r, const struct error *err)
{
	json_t *body = error_to_json(err);

	if (err->kind == ERR_UNAUTHORIZED)
		evhttp_add_header(evhttp_request_get_output_headers(r->ev), "WWW-Authenticate",
				  "Bearer realm=\"qweek\"");
	send_json(r->ev, error_http_status(err->kind), body);
	json_decref(body);
}

int http_route_match(const char *pattern, const char *path, struct request *r, char **owned)
{
	int nargs = 0;

	while (*pattern == '/' && *path == '/') {
		size_t plen = strcspn(++pattern, "/"), slen = strcspn(++path, "/");
		if (*pattern == ':') {
			size_t len = 0;
			char *seg = strndup(path, slen), *dec;
			dec = seg ? evhttp_uridecode(seg, 0, &len) : NULL;
			free(seg);
			if (dec == NULL || len != strlen(dec) || len == 0 ||
			    nargs == HTTP_MAX_ARGS) {
				free(dec);
				return 0;
			}
			owned[nargs] = dec;
			r->args[nargs++] = dec;
		} else if (plen != slen || strncmp(pattern, path, plen) != 0) {
			return 0;
		}
		pattern += plen;
		path += slen;
	}
	return *pattern == '\0' && *path == '\0';
}

/* find_route's name for http_route_match. */
static int match(const char *pattern, const char *path, struct request *r, char **owned)
{
	return http_route_match(pattern, path, r, owned);
}

static void free_args(char **owned)
{
	for (int i = 0; i < HTTP_MAX_ARGS; i++) {
		free(owned[i]);
		owned[i] = NULL;
	}
}

/*
 * The route for R's path; sets *WRONG_METHOD when the path exists with other methods. Once the
 * path fits a route of another method, only routes of that very pattern may take it: GET
 * .../reminders/test is the path of POST .../reminders/test (405), not a .../reminders/:id.
 */
static const struct route *find_route(struct http *h, const char *path, struct request *r,
				      char **owned, int *wrong_method)
{
	int method = evhttp_request_get_command(r->ev);
	const char *fits = NULL;

	if (method == EVHTTP_REQ_HEAD)
		method = EVHTTP_REQ_GET;
	for (const struct route *rt = h->routes; rt->pattern != NULL; rt++) {
		if ((fits != NULL && strcmp(rt->pattern, fits) != 0) ||
		    !match(rt->pattern, path, r, owned)) {
			free_args(owned);
			continue;
		}
		if (rt->method == method)
			return rt;
		fits = rt->pattern;
		free_args(owned);
	}
	*wrong_method = fits != NULL;
	return NULL;
}

static int content_is_json(struct evhttp_request *req)
{
	const char *ct = evhttp_find_header(evhttp_request_get_input_headers(req), "Content-Type");
	size_t n = strlen("application/json");

	return ct != NULL && strncasecmp(ct, "application/json", n) == 0 &&
	       (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* Reads the body into R->body: a JSON object of valid UTF-8, or nothing at all. */
static int read_body(struct request *r, struct error *err)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(r->ev);
	size_t len = evbuffer_get_length(in);
	json_error_t jerr;
	const char *data;

	if (len == 0)
		return 0;
	if (len > HTTP_MAX_BODY)
		return error_set(err, ERR_TOO_LARGE, "the request is larger than %d bytes",
				 HTTP_MAX_BODY);
	if (!content_is_json(r->ev))
		return error_set(err, ERR_MEDIA_TYPE, "send the request as application/json");
	data = (const char *)evbuffer_pullup(in, -1);
	if (!utf8_valid(data, len))
		return error_set(err, ERR_BAD_JSON, "the request is not valid UTF-8");
	r->body = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (r->body == NULL)
		return error_set(err, ERR_BAD_JSON, "the request is not valid JSON: %s (at %d:%d)",
				 jerr.text, jerr.line, jerr.column);
	if (!json_is_object(r->body))
		return error_set(err, ERR_BAD_JSON, "the request must be a JSON object");
	return 0;
}

static int dispatch(struct http *h, struct request *r, char **owned, struct error *err)
{
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(r->ev);
	const char *path = evhttp_uri_get_path(uri), *q = evhttp_uri_get_query(uri);
	const struct route *rt;
	int wrong_method;

	if (!r->local && !auth_host_request_ok(&h->daemon->config, r->ev)) {
		return error_set(err, ERR_MISDIRECTED,
				 "this server does not answer to that host "
				 "name; add it to [daemon] hosts if it is right");
	}
	if (q != NULL && evhttp_parse_query_str(q, &r->query) == -1)
		return error_set(err, ERR_BAD_FIELD, "the query string is malformed");
	rt = find_route(h, path != NULL ? path : "/", r, owned, &wrong_method);
	if (rt == NULL && wrong_method)
		return error_set(err, ERR_METHOD, "%s does not take that method", path);
	if (rt == NULL)
		return error_set(err, ERR_NOT_FOUND, "there is nothing at %s", path);
	r->route = rt;
	if (h->check(r, err) == -1)
		return -1;
	if (!(rt->flags & ROUTE_RAW_BODY) && read_body(r, err) == -1)
		return -1;
	return rt->fn(r, err);
}

static void finish(struct request *r, struct error *err)
{
	if (r->sent && err->kind == ERR_NONE)
		return;
	if (err->kind != ERR_NONE) {
		/* The route's pattern, not the path: a path may hold a secret (a feed's). */
		if (err->kind == ERR_INTERNAL)
			log_error("%s %s: %s", conn_guard_client(r->daemon->http->guard, r->ev),
				  r->route != NULL ? r->route->pattern : "?", err->message);
		send_error(r, err);
		return;
	}
	if (r->reply_text != NULL) {
		send_text(r->ev, r->status ? r->status : 200, r->reply_text, r->reply_len);
		r->reply_text = NULL; /* the buffer now frees it */
		return;
	}
	if (r->reply == NULL)
		r->reply = json_object();
	if (r->warnings != NULL && json_array_size(r->warnings) > 0)
		json_object_set(r->reply, "warnings", r->warnings);
	send_json(r->ev, r->status ? r->status : 200, r->reply);
}

static void on_request(struct evhttp_request *req, void *arg)
{
	struct http *h = arg;
	struct request r = { .ev = req, .daemon = h->daemon };
	struct error err = ERROR_INIT;
	char *owned[HTTP_MAX_ARGS] = { 0 };

	TAILQ_INIT(&r.query);
	identify_peer(&r);
	if (conn_guard_request(h->guard, req, &err) == 0 && dispatch(h, &r, owned, &err) == -1 &&
	    err.kind == ERR_NONE)
		error_set(&err, ERR_INTERNAL, "out of memory");
	conn_guard_test_delay(h->guard);
	finish(&r, &err);
	conn_guard_handled(h->guard, req);
	free_args(owned);
	evhttp_clear_headers(&r.query);
	plan_free(r.plan);
	json_decref(r.body);
	json_decref(r.reply);
	json_decref(r.warnings);
	free(r.reply_text);
	error_clear(&err);
	db_idle(h->daemon->db);
}
