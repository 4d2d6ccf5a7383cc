/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/listener.h>

#include "core/clock.h"
#include "core/config.h"
#include "http/conn_guard.h"
#include "http/listen.h"
#include "core/log.h"
#include "paths.h"

/* Sockets the daemon listens on; a second daemon is refused, a stale socket replaced. */

/* Room for a burst of connections while the loop is busy: a full queue drops SYNs, and a
 * client waits a second or more to try again. The kernel caps it at net.core.somaxconn. */
#define LISTEN_BACKLOG 1024

static int fail(char **cause, const char *fmt, const char *what)
{
	int saved = errno;

	if (asprintf(cause, fmt, what, strerror(saved)) == -1)
		*cause = NULL;
	return -1;
}

/* Is a daemon answering at ADDR? Connecting tells without changing anything. */
static int someone_listens(const struct sockaddr_un *addr)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), alive;

	if (fd == -1)
		return 0;
	alive = connect(fd, (const struct sockaddr *)addr, sizeof *addr) == 0;
	close(fd);
	return alive;
}

int listen_unix(const char *path, char **cause)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	mode_t old;
	int fd;

	if (strlen(path) >= sizeof addr.sun_path) {
		errno = ENAMETOOLONG;
		return fail(cause, "socket path %s: %s", path);
	}
	strcpy(addr.sun_path, path);
	if (paths_make_parent(path, 0755) == -1)
		return fail(cause, "cannot create the directory of %s: %s", path);
	if (someone_listens(&addr)) {
		if (asprintf(cause,
			     "another qweekd is already listening on %s: stop it first, "
			     "or give this one another --socket",
			     path) == -1)
			*cause = NULL;
		return -1;
	}
	unlink(path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)) == -1)
		return fail(cause, "socket %s: %s", path);
	old = umask(0117);
	if (bind(fd, (struct sockaddr *)&addr, sizeof addr) == -1 ||
	    listen(fd, LISTEN_BACKLOG) == -1) {
		umask(old);
		close(fd);
		return fail(cause, "cannot listen on %s: %s", path);
	}
	umask(old);
	return fd;
}

int listen_tcp(const char *hostport, char **cause)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV };
	struct addrinfo *res;
	char host[256], port[8];
	unsigned short p;
	int fd, one = 1, rc;

	if (config_parse_listen(hostport, host, sizeof host, &p) == -1) {
		errno = EINVAL;
		return fail(cause, "listen %s: %s (expected HOST:PORT)", hostport);
	}
	snprintf(port, sizeof port, "%u", p);
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0) {
		if (asprintf(cause, "listen %s: %s", hostport, gai_strerror(rc)) == -1)
			*cause = NULL;
		return -1;
	}
	fd = socket(res->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd != -1)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (fd == -1 || bind(fd, res->ai_addr, res->ai_addrlen) == -1 ||
	    listen(fd, LISTEN_BACKLOG) == -1) {
		if (fd != -1)
			close(fd);
		freeaddrinfo(res);
		return fail(cause, "cannot listen on %s: %s", hostport);
	}
	freeaddrinfo(res);
	return fd;
}

int listen_is_unix(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	return getsockname(fd, (struct sockaddr *)&ss, &len) == 0 && ss.ss_family == AF_UNIX;
}

/* ---- the guarded set of listeners ------------------------------------------------------- */

#define LISTEN_MAX	  8
#define LISTEN_BACKOFF_MS 500

struct listen_set {
	struct event_base *base;
	const struct config *config;
	struct conn_guard *guard; /* counts the connections, sheds the idle and the slow */
	struct evconnlistener *l[LISTEN_MAX];
	int local[LISTEN_MAX];
	int n;
	int capped;	/* TCP listeners paused: at the cap, with nothing to shed */
	int backoff;	/* every listener paused: out of descriptors */
	int closing;	/* the listeners are being freed */
	int reserve_fd; /* kept open, given up to shed a connection on EMFILE */
	struct event *resume;
	time_t warned_cap, warned_fds; /* when each was last logged: once a minute at most */
};

/* libevent hands the listener's error callback the evhttp, not us: one set per process. */
static struct listen_set *the_set;

/* True at most once a minute for *LAST. */
static int listen_warn_due(time_t *last)
{
	time_t now = (time_t)(clock_mono_us() / 1000000);

	if (*last != 0 && now - *last < 60)
		return 0;
	*last = now;
	return 1;
}

/* Enables or disables the listeners as the cap and the back-off say. */
static void listen_apply(struct listen_set *s)
{
	for (int i = 0; i < s->n && !s->closing; i++) {
		if (s->backoff || (s->capped && !s->local[i]))
			evconnlistener_disable(s->l[i]);
		else
			evconnlistener_enable(s->l[i]);
	}
}

/* At the cap, TCP waits only when no open connection may be shed to let a new one in. */
static void listen_recount(struct listen_set *s)
{
	int conns = conn_guard_count(s->guard);
	int capped = conns >= s->config->max_connections && !conn_guard_can_shed(s->guard);

	if (capped == s->capped)
		return;
	s->capped = capped;
	if (capped && listen_warn_due(&s->warned_cap))
		log_warn("%d connections open, all busy: not accepting more on TCP until some "
			 "close",
			 conns);
	listen_apply(s);
}

/* The guard's word that a connection closed or may be shed again. */
static void listen_on_room(void *arg)
{
	listen_recount(arg);
}

struct adopt {
	struct listen_set *set;
	struct bufferevent *bev;
};

/*
 * Runs right after evhttp made the connection for BEV (before any of its events can fire):
 * the bufferevent's callback argument is the connection, which the guard then watches.
 */
static void on_adopt(evutil_socket_t fd, short what, void *arg)
{
	struct adopt *a = arg;
	bufferevent_data_cb readcb = NULL;
	bufferevent_event_cb eventcb = NULL;
	void *evcon = NULL;

	bufferevent_getcb(a->bev, &readcb, NULL, &eventcb, &evcon);
	if (readcb != NULL && evcon != NULL)
		conn_guard_adopt(a->set->guard, evcon, a->bev);
	else
		conn_guard_lost(a->set->guard); /* gone already */
	bufferevent_decref(a->bev);
	free(a);
}

/* evhttp's bufferevent for each new connection: room made at the cap, adopted just after. */
static struct bufferevent *on_new_conn(struct event_base *base, void *arg)
{
	struct listen_set *s = arg;
	struct bufferevent *bev;
	struct adopt *a;

	if (conn_guard_count(s->guard) >= s->config->max_connections)
		conn_guard_shed_oldest(s->guard);
	bev = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
	a = malloc(sizeof *a);
	if (bev == NULL || a == NULL) {
		free(a);
		return bev; /* unguarded: better than refusing */
	}
	a->set = s;
	a->bev = bev;
	bufferevent_incref(bev);
	if (event_base_once(base, -1, EV_TIMEOUT, on_adopt, a, NULL) == -1) {
		bufferevent_decref(bev);
		free(a);
		return bev;
	}
	conn_guard_accepted(s->guard);
	listen_recount(s);
	return bev;
}

static void on_resume(evutil_socket_t fd, short what, void *arg)
{
	struct listen_set *s = arg;

	s->backoff = 0;
	if (s->reserve_fd == -1)
		s->reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	listen_apply(s);
}

/* Takes the first waiting connection with the reserve descriptor, and closes it at once. */
static void listen_shed(struct listen_set *s, struct evconnlistener *l)
{
	int fd;

	if (s->reserve_fd == -1)
		return;
	close(s->reserve_fd);
	s->reserve_fd = -1;
	fd = accept4(evconnlistener_get_fd(l), NULL, NULL, SOCK_CLOEXEC);
	if (fd != -1)
		close(fd);
	s->reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
}

static void on_accept_error(struct evconnlistener *l, void *arg)
{
	struct listen_set *s = the_set;
	struct timeval tv = { 0, LISTEN_BACKOFF_MS * 1000 };
	int e = errno;

	if (s == NULL || s->closing)
		return;
	if (e != EMFILE && e != ENFILE && e != ENOBUFS && e != ENOMEM) {
		log_warn("accept: %s", strerror(e));
		return;
	}
	if (listen_warn_due(&s->warned_fds))
		log_warn("accept: %s (%d connections open): pausing for %d ms", strerror(e),
			 conn_guard_count(s->guard), LISTEN_BACKOFF_MS);
	listen_shed(s, l);
	s->backoff = 1;
	listen_apply(s);
	evtimer_add(s->resume, &tv);
}

struct listen_set *listen_set_new(struct event_base *base, struct evhttp *ev,
				  const struct config *config)
{
	struct listen_set *s = calloc(1, sizeof *s);

	if (s == NULL || (s->resume = evtimer_new(base, on_resume, s)) == NULL)
		fatal("out of memory");
	s->base = base;
	s->config = config;
	s->guard = conn_guard_new(base, config, listen_on_room, s);
	s->reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	evhttp_set_bevcb(ev, on_new_conn, s);
	the_set = s;
	return s;
}

int listen_set_add(struct listen_set *s, struct evconnlistener *l, int local)
{
	if (s->n == LISTEN_MAX)
		return -1;
	s->l[s->n] = l;
	s->local[s->n++] = local;
	evconnlistener_set_error_cb(l, on_accept_error);
	listen_apply(s);
	return 0;
}

struct conn_guard *listen_set_guard(struct listen_set *s)
{
	return s->guard;
}

void listen_set_closing(struct listen_set *s)
{
	s->closing = 1;
}

void listen_set_free(struct listen_set *s)
{
	if (s == NULL)
		return;
	if (the_set == s)
		the_set = NULL;
	event_free(s->resume);
	conn_guard_free(s->guard);
	if (s->reserve_fd != -1)
		close(s->reserve_fd);
	free(s);
}
