/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <sys/socket.h>
#include <time.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>

#include "core/config.h"
#include "core/error.h"
#include "core/log.h"
#include "core/clock.h"
#include "http/conn_addr.h"
#include "http/conn_guard.h"
#include "http/http_method.h"

/*
 * Each connection is in one phase: waiting for a request, reading its headers, reading its
 * body, or busy (its request handled and answered). The list of connections is kept in the
 * order their phase began, so the oldest idle or unfinished one is near its head.
 */

#define GUARD_BUCKETS 1024

enum guard_phase { GUARD_WAITING, GUARD_HEADERS, GUARD_BODY, GUARD_BUSY };

struct guard_conn {
	TAILQ_ENTRY(guard_conn) order; /* by the start of the phase, oldest first */
	LIST_ENTRY(guard_conn) by_evcon;
	struct conn_guard *g;
	struct evhttp_connection *evcon;
	struct bufferevent *bev;
	struct evbuffer_cb_entry *watch; /* on the input: the first byte, the end of headers */
	struct conn_addr *addr;		 /* the peer's entry (none for Unix or a trusted proxy) */
	struct conn_addr *client;	 /* while busy: the client a trusted proxy named */
	enum guard_phase phase;
	int local, trusted;
	int seen, newlines; /* the end-of-headers scan: a line of text seen, newlines in a row */
	int method_open;    /* the request's method is still to be looked at (http_method.h) */
	int method;	    /* the WebDAV method its first line was rewritten from, or 0 */
	int64_t since_ms;   /* when the phase began: for headers and body, the first byte */
	char peer[CONN_ADDR_LEN];
};

TAILQ_HEAD(guard_list, guard_conn);

struct conn_guard {
	struct event_base *base;
	const struct config *config;
	void (*room)(void *arg);
	void *room_arg;
	struct guard_list conns;
	LIST_HEAD(, guard_conn) buckets[GUARD_BUCKETS];
	struct conn_addrs *addrs;
	struct event *timer;
	int64_t timer_at; /* when the timer fires, or 0 */
	int pending;	  /* accepted, not adopted yet */
	int adopted;
	int sheddable; /* TCP connections not busy */
	int timeout_sec, test_timeout_sec, slow_ms;
	int64_t warned_ms[3]; /* when each kind of shedding was last logged */
	unsigned long unlogged[3];
};

enum guard_why { GUARD_WHY_FULL, GUARD_WHY_ADDRESS, GUARD_WHY_LATE };

/* Milliseconds of the monotonic clock: deadlines measure elapsed time, never the time of day. */
static int64_t guard_ms(void)
{
	return clock_mono_us() / 1000;
}

static size_t guard_bucket(const struct evhttp_connection *evcon)
{
	return ((uintptr_t)evcon >> 4) % GUARD_BUCKETS;
}

static struct guard_conn *guard_find(struct conn_guard *g, const struct evhttp_connection *evcon)
{
	struct guard_conn *c;

	if (evcon == NULL)
		return NULL;
	LIST_FOREACH (c, &g->buckets[guard_bucket(evcon)], by_evcon)
		if (c->evcon == evcon)
			return c;
	return NULL;
}

static int guard_is_sheddable(const struct guard_conn *c)
{
	return !c->local && c->phase != GUARD_BUSY;
}

/* Moves C to PHASE, begun now: to the tail of the list. */
static void guard_set_phase(struct guard_conn *c, enum guard_phase phase)
{
	struct conn_guard *g = c->g;

	g->sheddable -= guard_is_sheddable(c);
	c->phase = phase;
	c->since_ms = guard_ms();
	g->sheddable += guard_is_sheddable(c);
	TAILQ_REMOVE(&g->conns, c, order);
	TAILQ_INSERT_TAIL(&g->conns, c, order);
}

/* ---- logging, at most once a minute for each kind ---------------------------------------- */

static void guard_log(struct conn_guard *g, enum guard_why why, const struct guard_conn *c)
{
	int64_t now = guard_ms();
	unsigned long n = ++g->unlogged[why];

	if (g->warned_ms[why] != 0 && now - g->warned_ms[why] < 60000)
		return;
	g->warned_ms[why] = now;
	g->unlogged[why] = 0;
	if (why == GUARD_WHY_FULL)
		log_warn("%d connections open (max_connections): closed the oldest idle or "
			 "unfinished one, from %s, to let a new one in (%lu in the last minute)",
			 g->pending + g->adopted, c->peer, n);
	else if (why == GUARD_WHY_ADDRESS)
		log_warn("%s holds %d connections (max_connections_per_address = %d): closed "
			 "its oldest idle or unfinished one (%lu in the last minute)",
			 c->peer, c->addr != NULL ? c->addr->conns : 0,
			 g->config->max_connections_per_address, n);
	else
		log_warn("%s did not send its request within %d s (its headers within %d s): "
			 "closed the connection (%lu in the last minute)",
			 c->peer, HTTP_REQUEST_DEADLINE_SEC, HTTP_HEADERS_DEADLINE_SEC, n);
}

/* Closes C's connection (its close callback frees C). */
static void guard_shed(struct guard_conn *c, enum guard_why why)
{
	guard_log(c->g, why, c);
	evhttp_connection_free(c->evcon);
}

/* ---- deadlines --------------------------------------------------------------------------- */

/* When C's request must have arrived, or 0 when no deadline runs. */
static int64_t guard_deadline(const struct guard_conn *c)
{
	if (c->phase == GUARD_HEADERS)
		return c->since_ms + HTTP_HEADERS_DEADLINE_SEC * 1000;
	if (c->phase == GUARD_BODY)
		return c->since_ms + HTTP_REQUEST_DEADLINE_SEC * 1000;
	return 0;
}

static void guard_arm(struct conn_guard *g, int64_t at)
{
	int64_t wait = at - guard_ms();
	struct timeval tv;

	if (g->timer_at != 0 && g->timer_at <= at)
		return;
	if (wait < 0)
		wait = 0;
	tv.tv_sec = (time_t)(wait / 1000);
	tv.tv_usec = (suseconds_t)(wait % 1000) * 1000;
	evtimer_add(g->timer, &tv);
	g->timer_at = at;
}

/* Closes every connection whose request is late; arms the timer for the next deadline. */
static void guard_on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct conn_guard *g = arg;
	struct guard_conn *c, *next;
	int64_t now = guard_ms(), soonest = 0, d;
	int shed = 0;

	g->timer_at = 0;
	for (c = TAILQ_FIRST(&g->conns); c != NULL; c = next) {
		next = TAILQ_NEXT(c, order);
		if ((d = guard_deadline(c)) == 0)
			continue;
		if (d <= now) {
			guard_shed(c, GUARD_WHY_LATE);
			shed = 1;
		} else if (soonest == 0 || d < soonest) {
			soonest = d;
		}
	}
	if (soonest != 0)
		guard_arm(g, soonest);
	if (shed)
		g->room(g->room_arg);
}

/* Looks for the blank line that ends the headers in the N bytes at S; 1 when found. */
static int guard_scan(struct guard_conn *c, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n') {
			if (c->seen && ++c->newlines == 2)
				return 1;
		} else if (s[i] != '\r') {
			c->seen = 1;
			c->newlines = 0;
		}
	}
	return 0;
}

/* Scans BUF from byte FROM on: the headers' end moves C to its body. */
static void guard_scan_buffer(struct guard_conn *c, struct evbuffer *buf, size_t from)
{
	struct evbuffer_ptr p;
	struct evbuffer_iovec v[8];
	int n;

	while (c->phase == GUARD_HEADERS && from < evbuffer_get_length(buf)) {
		if (evbuffer_ptr_set(buf, &p, from, EVBUFFER_PTR_SET) == -1 ||
		    (n = evbuffer_peek(buf, -1, &p, v, 8)) <= 0)
			return;
		for (int i = 0; i < n && i < 8; i++) {
			if (guard_scan(c, v[i].iov_base, v[i].iov_len)) {
				c->phase = GUARD_BODY; /* the same deadline clock: the first byte */
				return;
			}
			from += v[i].iov_len;
		}
	}
}

/* A request's first byte starts its deadlines. */
static void guard_begin_request(struct guard_conn *c)
{
	c->seen = c->newlines = 0;
	c->method_open = 1;
	c->method = 0;
	guard_set_phase(c, GUARD_HEADERS);
	guard_arm(c->g, guard_deadline(c));
}

/* A WebDAV method evhttp does not know, made one it does before it reads the request line. */
static void guard_method(struct guard_conn *c, struct evbuffer *buf)
{
	if (c->method_open && http_method_rewrite(buf, &c->method) != -1)
		c->method_open = 0;
}

/* Bytes came in (before evhttp reads them): the first of a request, or the end of headers. */
static void guard_on_input(struct evbuffer *buf, const struct evbuffer_cb_info *info, void *arg)
{
	struct guard_conn *c = arg;
	size_t len = evbuffer_get_length(buf);

	if (info->n_added == 0 || c->phase == GUARD_BODY || c->phase == GUARD_BUSY)
		return;
	if (c->phase == GUARD_WAITING)
		guard_begin_request(c);
	guard_method(c, buf);
	guard_scan_buffer(c, buf, info->n_added < len ? len - info->n_added : 0);
}

/* ---- connections ------------------------------------------------------------------------- */

struct conn_guard *conn_guard_new(struct event_base *base, const struct config *config,
				  void (*room)(void *arg), void *arg)
{
	struct conn_guard *g = calloc(1, sizeof *g);
	const char *v;

	if (g == NULL || (g->timer = evtimer_new(base, guard_on_timer, g)) == NULL)
		fatal("out of memory");
	g->base = base;
	g->config = config;
	g->room = room;
	g->room_arg = arg;
	g->addrs = conn_addr_table_new();
	TAILQ_INIT(&g->conns);
	for (size_t i = 0; i < GUARD_BUCKETS; i++)
		LIST_INIT(&g->buckets[i]);
	/* Tests only: a short idle timeout and slow handlers show that no reply is lost. */
	if ((v = getenv("QWEEKD_TEST_HTTP_TIMEOUT")) != NULL && atoi(v) > 0)
		g->test_timeout_sec = atoi(v);
	if ((v = getenv("QWEEKD_TEST_SLOW_MS")) != NULL && atoi(v) > 0)
		g->slow_ms = atoi(v);
	return g;
}

void conn_guard_free(struct conn_guard *g)
{
	struct guard_conn *c;

	if (g == NULL)
		return;
	/* The connections are gone with the evhttp; what is left of their records goes now. */
	while ((c = TAILQ_FIRST(&g->conns)) != NULL) {
		TAILQ_REMOVE(&g->conns, c, order);
		free(c);
	}
	event_free(g->timer);
	conn_addr_table_free(g->addrs);
	free(g);
}

int conn_guard_timeout(struct conn_guard *g, int idle_sec)
{
	g->timeout_sec = g->test_timeout_sec > 0 ? g->test_timeout_sec : idle_sec;
	return g->timeout_sec;
}

int conn_guard_count(const struct conn_guard *g)
{
	return g->pending + g->adopted;
}

int conn_guard_can_shed(const struct conn_guard *g)
{
	return g->sheddable > 0;
}

void conn_guard_accepted(struct conn_guard *g)
{
	g->pending++;
}

void conn_guard_lost(struct conn_guard *g)
{
	g->pending--;
	g->room(g->room_arg);
}

/* The connection closed, whatever closed it. */
static void guard_on_close(struct evhttp_connection *evcon, void *arg)
{
	struct guard_conn *c = arg;
	struct conn_guard *g = c->g;

	if (c->phase == GUARD_BUSY)
		log_warn("%s: the connection closed before its reply was sent whole", c->peer);
	if (c->watch != NULL)
		evbuffer_remove_cb_entry(bufferevent_get_input(c->bev), c->watch);
	g->sheddable -= guard_is_sheddable(c);
	g->adopted--;
	TAILQ_REMOVE(&g->conns, c, order);
	LIST_REMOVE(c, by_evcon);
	if (c->addr != NULL) {
		c->addr->conns--;
		conn_addr_put(g->addrs, c->addr);
	}
	if (c->client != NULL) {
		c->client->conns--;
		conn_addr_put(g->addrs, c->client);
	}
	free(c);
	g->room(g->room_arg);
}

/* The oldest sheddable connection counted as A's (any address: NULL), or NULL. */
static struct guard_conn *guard_oldest(struct conn_guard *g, const struct conn_addr *a)
{
	struct guard_conn *c;

	TAILQ_FOREACH (c, &g->conns, order)
		if (guard_is_sheddable(c) && (a == NULL || c->addr == a))
			return c;
	return NULL;
}

int conn_guard_shed_oldest(struct conn_guard *g)
{
	struct guard_conn *c = guard_oldest(g, NULL);

	if (c == NULL)
		return 0;
	guard_shed(c, GUARD_WHY_FULL);
	return 1;
}

/* Fills C's peer, local and trusted from its socket address. */
static void guard_identify(struct guard_conn *c)
{
	const struct sockaddr *sa = evhttp_connection_get_addr(c->evcon);
	char *host = NULL;
	ev_uint16_t port = 0;

	c->local = sa == NULL || sa->sa_family == AF_UNIX;
	if (c->local) {
		snprintf(c->peer, sizeof c->peer, "unix");
		return;
	}
	evhttp_connection_get_peer(c->evcon, &host, &port);
	if (host == NULL || conn_addr_norm(host, strlen(host), c->peer) == -1)
		snprintf(c->peer, sizeof c->peer, "%s", host != NULL ? host : "?");
	c->trusted = conn_addr_listed(c->g->config->trusted_proxy, c->peer);
}

void conn_guard_adopt(struct conn_guard *g, struct evhttp_connection *evcon,
		      struct bufferevent *bev)
{
	struct guard_conn *c = calloc(1, sizeof *c), *old;

	g->pending--;
	if (c == NULL) {
		evhttp_connection_free(evcon); /* uncounted cannot be guarded */
		return;
	}
	c->g = g;
	c->evcon = evcon;
	c->bev = bev;
	c->since_ms = guard_ms();
	TAILQ_INSERT_TAIL(&g->conns, c, order);
	LIST_INSERT_HEAD(&g->buckets[guard_bucket(evcon)], c, by_evcon);
	g->adopted++;
	evhttp_connection_set_closecb(evcon, guard_on_close, c);
	c->watch = evbuffer_add_cb(bufferevent_get_input(bev), guard_on_input, c);
	guard_identify(c);
	g->sheddable += guard_is_sheddable(c);
	if (!c->local && !c->trusted) { /* a proxy carries many clients: counted by request */
		c->addr = conn_addr_get(g->addrs, c->peer);
		if (++c->addr->conns > g->config->max_connections_per_address) {
			/* Over its cap: the address's oldest idle one goes (this one, if all else
			 * is busy). */
			old = guard_oldest(g, c->addr);
			guard_shed(old != NULL ? old : c, GUARD_WHY_ADDRESS);
			return; /* the close made room */
		}
	}
	/* A burst of connections may have paused the listeners before any could be shed. */
	g->room(g->room_arg);
}

/* ---- requests ---------------------------------------------------------------------------- */

/* The reply went out whole: the connection waits for its next request. */
static void guard_on_complete(struct evhttp_request *req, void *arg)
{
	struct guard_conn *c = arg;
	struct evbuffer *in = bufferevent_get_input(c->bev);

	/* Not the path: a feed's or a status page's holds its secret. */
	log_debug("%s: answered %d in %lld ms", c->client != NULL ? c->client->name : c->peer,
		  evhttp_request_get_response_code(req), (long long)(guard_ms() - c->since_ms));
	if (c->client != NULL) {
		c->client->conns--;
		conn_addr_put(c->g->addrs, c->client);
		c->client = NULL;
	}
	guard_set_phase(c, GUARD_WAITING);
	if (evbuffer_get_length(in) > 0) {
		/* The next request came while this one was answered. */
		guard_begin_request(c);
		guard_method(c, in);
		guard_scan_buffer(c, in, 0);
	}
	c->g->room(c->g->room_arg);
}

/* Names the client a trusted proxy forwards REQ for; -1 with ERR when it has too much going. */
static int guard_forwarded(struct guard_conn *c, struct evhttp_request *req, struct error *err)
{
	const struct config *cfg = c->g->config;
	char name[CONN_ADDR_LEN];

	if (conn_addr_forwarded(evhttp_request_get_input_headers(req), cfg->trusted_proxy, name) ==
	    -1)
		return 0; /* no client named: the proxy itself asks */
	c->client = conn_addr_get(c->g->addrs, name);
	if (++c->client->conns <= cfg->max_connections_per_address)
		return 0;
	return error_set(err, ERR_UNAVAILABLE,
			 "%s has %d requests under way (max_connections_per_address = %d): try "
			 "again in a moment",
			 name, c->client->conns - 1, cfg->max_connections_per_address);
}

int conn_guard_request(struct conn_guard *g, struct evhttp_request *req, struct error *err)
{
	struct guard_conn *c = guard_find(g, evhttp_request_get_connection(req));

	if (c == NULL)
		return 0;
	guard_set_phase(c, GUARD_BUSY);
	evhttp_request_set_on_complete_cb(req, guard_on_complete, c);
	return c->trusted ? guard_forwarded(c, req, err) : 0;
}

int conn_guard_method(struct conn_guard *g, struct evhttp_request *req)
{
	struct guard_conn *c = guard_find(g, evhttp_request_get_connection(req));

	return c != NULL && evhttp_request_get_command(req) == EVHTTP_REQ_POST ? c->method : 0;
}

void conn_guard_handled(struct conn_guard *g, struct evhttp_request *req)
{
	struct guard_conn *c = guard_find(g, evhttp_request_get_connection(req));
	struct timeval tv = { g->timeout_sec, 0 };

	/*
	 * The loop's idea of the time stood still while the handler worked, and the reply's write
	 * (and the read that watches for a close) were armed from it: a handler slower than the
	 * timeout had its reply dropped the moment the loop went on. Armed again from now.
	 */
	event_base_update_cache_time(g->base);
	if (c != NULL)
		bufferevent_set_timeouts(c->bev, &tv, &tv);
}

const char *conn_guard_client(struct conn_guard *g, struct evhttp_request *req)
{
	struct guard_conn *c = guard_find(g, evhttp_request_get_connection(req));

	if (c == NULL)
		return "?";
	return c->client != NULL ? c->client->name : c->peer;
}

void conn_guard_test_delay(const struct conn_guard *g)
{
	struct timespec ts = { g->slow_ms / 1000, (long)(g->slow_ms % 1000) * 1000000 };

	if (g->slow_ms > 0)
		nanosleep(&ts, NULL);
}
