/* SPDX-License-Identifier: MIT */
/* Listening sockets: the Unix control socket, TCP, and those systemd hands over. */
#ifndef QWEEK_LISTEN_H
#define QWEEK_LISTEN_H

/*
 * Binds the Unix socket PATH (mode 0660, parent made 0755), refusing when another daemon
 * answers on it and removing a stale one. Returns the listening descriptor, or -1 with *CAUSE.
 */
int listen_unix(const char *path, char **cause);

/* Binds HOST:PORT on TCP. Returns the descriptor, or -1 with *CAUSE. */
int listen_tcp(const char *hostport, char **cause);

/* True if FD is a Unix-domain socket (a systemd-passed descriptor may be either). */
int listen_is_unix(int fd);

/*
 * The HTTP server's listeners, guarded: at most config->max_connections open connections (at
 * the cap a new one sheds the oldest idle or unfinished one, conn_guard.h; only when every one
 * is busy do the TCP listeners pause, the administrator's Unix socket staying open), and when
 * accept(2) runs out of descriptors, one waiting connection is taken and closed with a reserve
 * descriptor and every listener pauses for half a second instead of spinning.
 */
struct event_base;
struct evhttp;
struct evconnlistener;
struct config;
struct listen_set;
struct conn_guard;

/* Counts EV's connections from now on; CONFIG is read at each change (a reload applies). */
struct listen_set *listen_set_new(struct event_base *base, struct evhttp *ev,
				  const struct config *config);
/* The guard of the set's connections (conn_guard.h). */
struct conn_guard *listen_set_guard(struct listen_set *set);
/* Guards L, already bound to the evhttp; LOCAL: the administrator's Unix socket. 0 or -1. */
int listen_set_add(struct listen_set *set, struct evconnlistener *l, int local);
/* The evhttp is about to be freed (with its listeners): stop touching them. */
void listen_set_closing(struct listen_set *set);
void listen_set_free(struct listen_set *set);

#endif
