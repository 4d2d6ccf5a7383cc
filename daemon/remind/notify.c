/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/event.h>

#include "core/log.h"
#include "remind/notify.h"

/*
 * The command hook for messengers: fork, exec /bin/sh -c COMMAND in its own process group,
 * the message written to its stdin as the pipe takes it, and the exit reaped when the loop
 * sees SIGCHLD. A hook that runs past NOTIFY_TIMEOUT is killed with its group.
 */

struct child {
	struct notify *n;
	pid_t pid;
	int fd; /* our end of its stdin; -1 once closed */
	char *input;
	size_t len, off;
	struct event *writable, *timeout;
	int timed_out;
	int status; /* from waitpid */
	notify_done_fn fn;
	void *arg;
	struct child *next;
};

struct notify {
	struct event_base *base;
	struct event *sigchld;
	struct child *children;
	int busy;
};

static void close_input(struct child *c)
{
	if (c->writable != NULL) {
		event_free(c->writable);
		c->writable = NULL;
	}
	if (c->fd != -1) {
		close(c->fd);
		c->fd = -1;
	}
}

static void child_free(struct child *c)
{
	close_input(c);
	if (c->timeout != NULL)
		event_free(c->timeout);
	free(c->input);
	free(c);
}

static void on_writable(evutil_socket_t fd, short what, void *arg)
{
	struct child *c = arg;
	ssize_t w = write(c->fd, c->input + c->off, c->len - c->off);

	if (w > 0)
		c->off += (size_t)w;
	if (c->off == c->len || (w == -1 && errno != EAGAIN && errno != EINTR))
		close_input(c); /* all written, or the hook does not read (EPIPE) */
}

static void on_timeout(evutil_socket_t fd, short what, void *arg)
{
	struct child *c = arg;

	c->timed_out = 1;
	kill(-c->pid, SIGKILL);
	kill(c->pid, SIGKILL);
}

/* How the child ended, as a sentence; NULL when it exited 0. */
static const char *ending(const struct child *c, int status, char *buf, size_t len)
{
	if (c->timed_out)
		snprintf(buf, len, "the notify command ran past %d s and was killed",
			 NOTIFY_TIMEOUT);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return NULL;
	else if (WIFEXITED(status))
		snprintf(buf, len, "the notify command exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, len, "the notify command was killed by signal %d", WTERMSIG(status));
	else
		snprintf(buf, len, "the notify command ended abnormally");
	return buf;
}

static void on_sigchld(evutil_socket_t sig, short what, void *arg)
{
	struct notify *n = arg;
	struct child *done = NULL, **p = &n->children, *c;
	int status;

	while ((c = *p) != NULL) {
		if (waitpid(c->pid, &status, WNOHANG) != c->pid) {
			p = &c->next;
			continue;
		}
		*p = c->next;
		n->busy--;
		c->next = done;
		done = c;
		c->status = status;
	}
	while ((c = done) != NULL) {
		char buf[128];
		const char *err = ending(c, c->status, buf, sizeof buf);
		notify_done_fn fn = c->fn;
		void *fn_arg = c->arg;

		done = c->next;
		child_free(c);
		fn(fn_arg, err == NULL, err);
	}
}

struct notify *notify_new(struct event_base *base)
{
	struct notify *n = calloc(1, sizeof *n);

	if (n == NULL)
		return NULL;
	n->base = base;
	if ((n->sigchld = evsignal_new(base, SIGCHLD, on_sigchld, n)) == NULL ||
	    event_add(n->sigchld, NULL) == -1) {
		notify_free(n);
		return NULL;
	}
	return n;
}

void notify_free(struct notify *n)
{
	struct child *c;

	if (n == NULL)
		return;
	while ((c = n->children) != NULL) {
		n->children = c->next;
		kill(-c->pid, SIGKILL);
		kill(c->pid, SIGKILL);
		waitpid(c->pid, NULL, 0);
		child_free(c);
	}
	if (n->sigchld != NULL)
		event_free(n->sigchld);
	free(n);
}

/* In the child: stdin from the pipe, stdout to stderr, nothing else open, default signals. */
static void exec_child(int in, const char *command, char *const env[])
{
	char *const argv[] = { "sh", "-c", (char *)command, NULL };
	sigset_t none;

	setpgid(0, 0);
	if (dup2(in, 0) == -1 || dup2(2, 1) == -1)
		_exit(126);
	close_range(3, ~0U, 0);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	execve("/bin/sh", argv, env);
	_exit(127);
}

static int start_io(struct notify *n, struct child *c)
{
	struct timeval tv = { NOTIFY_TIMEOUT, 0 };

	if ((c->timeout = evtimer_new(n->base, on_timeout, c)) == NULL ||
	    evtimer_add(c->timeout, &tv) == -1)
		return -1;
	if (c->len == 0) {
		close_input(c);
		return 0;
	}
	if ((c->writable = event_new(n->base, c->fd, EV_WRITE | EV_PERSIST, on_writable, c)) ==
		    NULL ||
	    event_add(c->writable, NULL) == -1)
		return -1;
	return 0;
}

static int fail(struct child *c, const char *what, char **cause)
{
	if (asprintf(cause, "%s: %s", what, strerror(errno)) == -1)
		*cause = NULL;
	child_free(c);
	return -1;
}

int notify_run(struct notify *n, const char *command, char *const env[], const char *input,
	       size_t len, notify_done_fn fn, void *arg, char **cause)
{
	struct child *c = calloc(1, sizeof *c);
	int fds[2];

	if (c == NULL || (c->input = malloc(len + 1)) == NULL) {
		free(c);
		*cause = strdup("out of memory");
		return -1;
	}
	memcpy(c->input, input, len);
	c->len = len;
	c->fd = -1;
	if (pipe2(fds, O_CLOEXEC) == -1)
		return fail(c, "cannot make a pipe", cause);
	if ((c->pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return fail(c, "cannot fork", cause);
	}
	if (c->pid == 0)
		exec_child(fds[0], command, env);
	close(fds[0]);
	c->fd = fds[1];
	fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
	c->n = n;
	c->fn = fn;
	c->arg = arg;
	if (start_io(n, c) == -1)
		log_warn("notify: cannot watch the hook's stdin or its time; it runs anyway");
	c->next = n->children;
	n->children = c;
	n->busy++;
	return 0;
}
