/* SPDX-License-Identifier: MIT */
/* The command hook: a child process per message, fed on stdin, reaped on SIGCHLD by the loop. */
#ifndef QWEEK_NOTIFY_H
#define QWEEK_NOTIFY_H

#include <stddef.h>

#include <event2/event.h>

#define NOTIFY_TIMEOUT 60 /* seconds a hook may run before it is killed */

/* Called once per run: OK when the command exited 0; else ERROR says how it ended. */
typedef void (*notify_done_fn)(void *arg, int ok, const char *error);

struct notify;

/* Runs hooks on BASE (watches SIGCHLD); NULL on failure. notify_free forgets the children
 * under way (they are killed) without calling back. */
struct notify *notify_new(struct event_base *base);
void notify_free(struct notify *n);

/*
 * Starts COMMAND with /bin/sh -c, the environment ENV (NULL-ended "NAME=value" strings, the
 * whole environment it gets), and INPUT (LEN bytes, copied) on its stdin; its stdout and
 * stderr go to the daemon's stderr. Returns 0: FN will be called from the loop, never from
 * here; or -1 with *CAUSE (malloc'd).
 */
int notify_run(struct notify *n, const char *command, char *const env[], const char *input,
	       size_t len, notify_done_fn fn, void *arg, char **cause);

#endif
