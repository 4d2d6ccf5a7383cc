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
#include <unistd.h>

#include "config.h"
#include "listen.h"
#include "paths.h"

/* Sockets the daemon listens on; a second daemon is refused, a stale socket replaced. */

#define LISTEN_BACKLOG 256

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
		if (asprintf(cause, "another qweekd is already listening on %s: stop it first, "
			     "or give this one another --socket", path) == -1)
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
