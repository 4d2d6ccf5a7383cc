/* SPDX-License-Identifier: MIT */
/* Sending mail over SMTP with libcurl's multi interface, driven by the daemon's event loop. */
#ifndef QWEEK_SMTP_H
#define QWEEK_SMTP_H

#include <stddef.h>

#include <event2/event.h>

/* Where to send: smtp://host:port (STARTTLS when STARTTLS is set) or smtps://host:port. */
struct smtp_server {
	const char *url;
	const char *user, *password; /* NULL: no login */
	int starttls;
};

/* Called once per message when it is accepted (OK = 1) or failed (ERROR says why). */
typedef void (*smtp_done_fn)(void *arg, int ok, const char *error);

struct smtp;

/* A sender on BASE; NULL if libcurl cannot be set up. Freed with smtp_free, which drops the
 * transfers under way without calling them back. */
struct smtp *smtp_new(struct event_base *base);
void smtp_free(struct smtp *s);

/*
 * Starts sending the message DATA (LEN bytes, CRLF lines, taken over and freed) from FROM to
 * RCPT (bare addresses) through SRV. Returns 0: FN will be called from the loop, never from
 * here; or -1 with *CAUSE (malloc'd) when it cannot even start.
 */
int smtp_send(struct smtp *s, const struct smtp_server *srv, const char *from, const char *rcpt,
	      char *data, size_t len, smtp_done_fn fn, void *arg, char **cause);

#endif
