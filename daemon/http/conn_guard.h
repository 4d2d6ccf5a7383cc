/* SPDX-License-Identifier: MIT */
/*
 * The connection guard: no client may stall the single-threaded daemon or keep others out.
 * - A request must arrive whole in time: its headers within HTTP_HEADERS_DEADLINE_SEC of its
 *   first byte, all of it within HTTP_REQUEST_DEADLINE_SEC (libevent's own timeout restarts
 *   with every byte, so one byte a second would hold a connection for ever).
 * - At most [daemon] max_connections_per_address connections per client address: beyond, the
 *   address's oldest idle or unfinished one is shed.
 * - At max_connections, a new connection sheds the oldest idle or unfinished one (a request
 *   being answered is never shed), so that new clients always get in.
 * - Behind a reverse proxy ([daemon] trusted_proxy), X-Forwarded-For names the client.
 * - A reply is never lost to a timeout that ran out while its handler worked.
 */
#ifndef QWEEK_CONN_GUARD_H
#define QWEEK_CONN_GUARD_H

struct bufferevent;
struct config;
struct conn_guard;
struct error;
struct event_base;
struct evhttp_connection;
struct evhttp_request;

#define HTTP_HEADERS_DEADLINE_SEC 10
#define HTTP_REQUEST_DEADLINE_SEC 60

/* ROOM(ARG) runs when a connection closes or may be shed again (listen.c resumes accepting). */
struct conn_guard *conn_guard_new(struct event_base *base, const struct config *config,
				  void (*room)(void *arg), void *arg);
void conn_guard_free(struct conn_guard *g);

/* libevent's idle timeout for a connection: IDLE_SEC, or shorter for tests. In seconds. */
int conn_guard_timeout(struct conn_guard *g, int idle_sec);

/* Open connections, counting those accepted but not adopted yet. */
int conn_guard_count(const struct conn_guard *g);

/* A connection was accepted; conn_guard_adopt follows (or conn_guard_lost if it never came). */
void conn_guard_accepted(struct conn_guard *g);
void conn_guard_lost(struct conn_guard *g);

/* Watches EVCON (its bufferevent BEV) from now on; may shed another of its address, or EVCON. */
void conn_guard_adopt(struct conn_guard *g, struct evhttp_connection *evcon,
		      struct bufferevent *bev);

/* Sheds the oldest idle or unfinished TCP connection: 1 if one was, 0 if none may be. */
int conn_guard_shed_oldest(struct conn_guard *g);

/* True when a TCP connection could be shed to make room. */
int conn_guard_can_shed(const struct conn_guard *g);

/*
 * REQ arrived whole and is about to be handled: from now on its connection is not shed, and
 * the client is named (X-Forwarded-For from a trusted proxy). 0, or -1 with ERR when that
 * client has too many requests under way.
 */
int conn_guard_request(struct conn_guard *g, struct evhttp_request *req, struct error *err);

/* The WebDAV method (http_method.h) REQ was rewritten from, or 0. */
int conn_guard_method(struct conn_guard *g, struct evhttp_request *req);

/* REQ's handler is done and its reply queued: its connection's timeouts start afresh. */
void conn_guard_handled(struct conn_guard *g, struct evhttp_request *req);

/* The client's address of REQ for logs ("unix" on the Unix socket). */
const char *conn_guard_client(struct conn_guard *g, struct evhttp_request *req);

/* Tests only: QWEEKD_TEST_SLOW_MS makes every handler that much slower. */
void conn_guard_test_delay(const struct conn_guard *g);

#endif
