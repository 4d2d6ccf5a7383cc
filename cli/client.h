/* SPDX-License-Identifier: MIT */
/* Talking to qweekd: HTTP/1.1 with libcurl, on its Unix socket or over TCP with a token. */
#ifndef QWEEK_CLIENT_H
#define QWEEK_CLIENT_H

#include <jansson.h>

#include "jscan.h"

struct client;

/*
 * A client for qweekd on the Unix socket SOCKET, or, when URL is not NULL, at URL over TCP
 * ("http://host:port", optionally with a path prefix) sending TOKEN (may be NULL) as a bearer
 * token. Nothing is connected yet. Returns NULL with *CAUSE (malloc'd) on failure; the caller
 * frees the client with client_free.
 */
struct client *client_new(const char *socket, const char *url, const char *token, char **cause);
void client_free(struct client *c);

/*
 * Sends METHOD to PATH ("/api/v1/plans", already percent-encoded) with BODY as JSON (NULL: no
 * body; BODY stays the caller's). On an answer, sets *REPLY to the parsed reply (NULL when it had
 * no body; the caller frees it with jscan_free) and returns the HTTP status. Returns -1 with
 * *CAUSE set when qweekd cannot be reached, does not answer in time, or answers with a body
 * that is not JSON.
 */
int client_request(struct client *c, const char *method, const char *path, json_t *body,
		   struct jscan **reply, char **cause);

/*
 * Like client_request, for bodies and replies that are not JSON (files): sends the LEN bytes at
 * DATA as TYPE (NULL: no body), and returns the reply's bytes as they came in *REPLY (NUL-ended,
 * from mem_alloc: the caller frees it with mem_free; NULL when there was none) and *REPLY_LEN.
 */
int client_request_bytes(struct client *c, const char *method, const char *path, const char *type,
			 const char *data, size_t len, char **reply, size_t *reply_len,
			 char **cause);

/* S percent-encoded for a path segment or query value, malloc'd; NULL if out of memory. */
char *client_escape(struct client *c, const char *s);

/* Where the client talks to, for messages: the socket path or the URL. */
const char *client_where(const struct client *c);

#endif
