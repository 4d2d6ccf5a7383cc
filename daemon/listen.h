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

#endif
