/* SPDX-License-Identifier: MIT */
/* HTTP on libevent's evhttp: limits, table-driven routes, JSON bodies and replies. */
#ifndef QWEEK_HTTP_H
#define QWEEK_HTTP_H

#include <sys/types.h>

#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <jansson.h>

#include "core/auth_role.h"
#include "core/error.h"

struct daemon;
struct http;
struct plan; /* store/store.h */

#define HTTP_MAX_BODY (1024 * 1024)
/*
 * libevent 2.1 answers a body over its own limit with an HTML page it writes itself; so it gets
 * a hard limit a few times ours, and ours (a JSON 413) applies first for most oversized bodies.
 */
#define HTTP_HARD_MAX_BODY (4 * HTTP_MAX_BODY)
#define HTTP_MAX_HEADERS   (16 * 1024)
#define HTTP_TIMEOUT_SEC   30
#define HTTP_MAX_ARGS	   4

/* One request as a handler sees it. */
struct request {
	struct evhttp_request *ev;
	struct daemon *daemon;
	int method;			 /* EVHTTP_REQ_*, or a WebDAV HTTP_REQ_* (http_method.h) */
	const char *path;		 /* the path asked for */
	const char *args[HTTP_MAX_ARGS]; /* decoded ":x" path segments, in order */
	struct evkeyvalq query;		 /* decoded query string */
	json_t *body;			 /* the request's JSON object, or NULL */
	int local;			 /* came over the Unix socket */
	char peer[64];			 /* the Unix peer's user name, or "" */
	long peer_uid, peer_gid;	 /* the Unix peer's credentials, or -1 */
	struct auth_who who;		 /* who asks, and with which role (set by the check) */
	const struct route *route;	 /* the route it matched, or NULL */
	struct plan *plan; /* the plan a route under /api/v1/plans/:plan names (set by the check) */
	/* What the handler replies: */
	int status;	  /* 200 unless set */
	json_t *reply;	  /* owned; sent as the body */
	char *reply_text; /* or: owned, already-encoded JSON (wins) */
	size_t reply_len;
	json_t *warnings; /* array of strings, added to reply if non-empty */
	int sent;	  /* the handler sent a non-JSON reply itself */
};

/* A handler fills R->reply (and R->status) and returns 0, or returns -1 with ERR set. */
typedef int (*route_fn)(struct request *r, struct error *err);

/*
 * Decides whether R may use R->route before its body is read and its handler runs: 0, or -1
 * with ERR. It fills R->who, and R->plan for a route of a plan (freed with the request). The
 * policy is the API's (api/api_access.c): HTTP only calls it, for every route.
 */
typedef int (*http_check_fn)(struct request *r, struct error *err);

/*
 * Route flags. Who may use a route (api/api_access.c; docs/api.md, "Access"):
 * - a path outside /api/ is public (feeds, status pages, /healthz: their secret is the key);
 * - the Unix socket's administrator may use everything;
 * - under /api/v1/plans/:plan/ a token of that plan is needed: any role reads; ROUTE_WRITES
 *   needs a planner, ROUTE_STAFF also lets staff act on their own item (the :ref argument);
 * - any other /api/ route needs the administrator, unless ROUTE_TOKEN lets any token read it
 *   (its handler shows only the token's plan: r->who.plan_id).
 */
#define ROUTE_WRITES   0x1  /* changes data: planners (or the administrator) only */
#define ROUTE_RAW_BODY 0x2  /* takes a body that is not JSON (a file): the handler reads it */
#define ROUTE_ADMIN    0x4  /* the administrator only (the Unix socket), whatever the token */
#define ROUTE_STAFF    0x8  /* with ROUTE_WRITES: staff may do it on an item of theirs */
#define ROUTE_TOKEN    0x10 /* outside a plan: any token may read it */
#define ROUTE_SLASH    0x20 /* the path may end in a '/' too (WebDAV collections) */
#define ROUTE_OWN      0x40 /* with ROUTE_WRITES: staff, for themselves (the handler checks) */

struct route {
	int method;	     /* EVHTTP_REQ_GET, ...; several or'ed: the handler tells them apart */
	const char *pattern; /* "/api/v1/plans/:plan/items/:ref" */
	route_fn fn;
	int flags; /* ROUTE_* */
};

/*
 * Whether PATH matches PATTERN ("/api/v1/plans/:slug/items/:ref"): the same segments, split by
 * '/', each ":name" of the pattern matching one segment that is not empty. The matched ":name"
 * segments are percent-decoded into R->args, in order, and refused (no match) if they decode to
 * nothing or hold a NUL, or if there are more than HTTP_MAX_ARGS. The decoded strings are
 * malloc'd into OWNED (HTTP_MAX_ARGS slots, NULL on entry), which the caller frees, match or not.
 */
int http_route_match(const char *pattern, const char *path, struct request *r, char **owned);

/* The raw request body of a ROUTE_RAW_BODY request, and its length (up to HTTP_HARD_MAX_BODY). */
const char *http_body(struct request *r, size_t *len);

/*
 * A server answering ROUTES (ended by a NULL pattern), owned by the caller, that lets CHECK
 * decide who may use them. The first route whose path fits and whose method is the request's
 * answers it; a path that fits a route of other methods is that route's alone (405), so that a
 * fixed name (".../reminders/test") is not taken by a ":x" beside it.
 */
struct http *http_new(struct event_base *base, struct daemon *d, const struct route *routes,
		      http_check_fn check);
void http_free(struct http *h);

/* Serves a listening socket FD (Unix or TCP); LOCAL marks the administrator's Unix socket. */
int http_serve_fd(struct http *h, int fd, int local);

/* The client's address (named by a trusted proxy), for a per-address count. */
const char *http_client(struct request *r);

/*
 * Sends R's reply DELAY_MS from now without holding up the loop (a failed login's): STATUS
 * with REASON and BODY (taken over; NULL for none), and the output headers set by then.
 * Sets R->sent.
 */
void http_send_later(struct request *r, int delay_ms, int status, const char *reason,
		     struct evbuffer *body);

/*
 * Failed logins of R's client: http_login_failed counts one and says how long to hold the reply
 * back (doubling from 250 ms to 8 s, forgotten after 15 quiet minutes); http_login_ok forgets
 * them. Never a lock-out: the right password is let in at once.
 */
int http_login_failed(struct request *r);
void http_login_ok(struct request *r);

/* Adds a warning to the reply. */
void http_warn(struct request *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The client's address ("unix" on the Unix socket; behind a trusted proxy, the one it names). */
const char *http_client(struct request *r);

/* The query parameter NAME, or NULL. */
const char *http_query(struct request *r, const char *name);

/* Refuses (400 unknown_field) a query parameter that is none of NAMES ("a|b|c"). */
int http_query_only(struct request *r, const char *names, struct error *err);

#endif
