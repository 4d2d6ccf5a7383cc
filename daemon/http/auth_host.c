/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/queue.h>

#include <event2/http.h>
#include <event2/keyvalq_struct.h>

#include "http/auth.h"
#include "core/config.h"

/*
 * The Host header of a TCP request must be one of our names, so that a page on another site
 * cannot reach the API through a name that resolves to us (DNS rebinding). The names:
 * [daemon] hosts = a,b; by default the --listen host, the --url host, localhost, 127.0.0.1, ::1.
 * The header itself is checked: libevent's evhttp_request_get_host() prefers the host of the
 * request target ("GET http://localhost/x" or "GET //localhost/x"), which anyone can write.
 */

/* The host part of HOST ("[::1]:8080" → "::1", "a.b:80" → "a.b") into BUF; 0 or -1. */
static int host_part(const char *host, char *buf, size_t len)
{
	const char *end;
	size_t n;

	while (*host == ' ' || *host == '\t')
		host++;
	if (*host == '[') {
		if ((end = strchr(++host, ']')) == NULL || (end[1] != '\0' && end[1] != ':'))
			return -1;
	} else {
		end = host + strcspn(host, ": \t");
	}
	n = (size_t)(end - host);
	if (n > 0 && host[n - 1] == '.')
		n--; /* "example.org." is example.org */
	if (n == 0 || n >= len)
		return -1;
	memcpy(buf, host, n);
	buf[n] = '\0';
	return 0;
}

/* Is NAME one of the comma-separated LIST? */
static int listed(const char *list, const char *name)
{
	char want[256];

	while (list != NULL && *list != '\0') {
		size_t n = strcspn(list, ",");
		char item[256];
		if (n < sizeof item) {
			memcpy(item, list, n);
			item[n] = '\0';
			if (host_part(item, want, sizeof want) == 0 && strcasecmp(want, name) == 0)
				return 1;
		}
		list += n + (list[n] == ',');
	}
	return 0;
}

/* The host of URL ("http://HOST:PORT/x") into BUF; 0 or -1. */
static int url_host(const char *url, char *buf, size_t len)
{
	const char *s = url != NULL ? strstr(url, "://") : NULL;
	char tmp[256];
	size_t n;

	if (s == NULL)
		return -1;
	s += 3;
	n = strcspn(s, "/?#");
	if (n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	return host_part(tmp, buf, len);
}

static int default_name(const struct config *c, const char *name)
{
	static const char *const local[] = { "localhost", "127.0.0.1", "::1", NULL };
	char buf[256];
	unsigned short port;

	for (const char *const *l = local; *l != NULL; l++)
		if (strcasecmp(*l, name) == 0)
			return 1;
	if (c->listen != NULL && config_parse_listen(c->listen, buf, sizeof buf, &port) == 0 &&
	    strcasecmp(buf, name) == 0)
		return 1;
	return url_host(c->url, buf, sizeof buf) == 0 && strcasecmp(buf, name) == 0;
}

int auth_host_ok(const struct config *c, const char *host)
{
	char name[256];

	if (host == NULL || host_part(host, name, sizeof name) == -1)
		return 0;
	if (c->hosts != NULL)
		return listed(c->hosts, name);
	return default_name(c, name);
}

/* The one Host header of HEADERS, or NULL if there is none or more than one. */
static const char *host_header(struct evkeyvalq *headers)
{
	const char *host = NULL;
	struct evkeyval *kv;

	TAILQ_FOREACH (kv, headers, next) {
		if (strcasecmp(kv->key, "Host") != 0)
			continue;
		if (host != NULL)
			return NULL;
		host = kv->value;
	}
	return host;
}

int auth_host_request_ok(const struct config *c, struct evhttp_request *req)
{
	const char *host = host_header(evhttp_request_get_input_headers(req));
	const char *target = evhttp_uri_get_host(evhttp_request_get_evhttp_uri(req));
	char a[256], b[256];

	if (!auth_host_ok(c, host))
		return 0;
	if (target == NULL)
		return 1; /* origin-form, "/x": the usual */
	/* A target that names a host (absolute-form) must name the Host header's. */
	return host_part(host, a, sizeof a) == 0 && host_part(target, b, sizeof b) == 0 &&
	       strcasecmp(a, b) == 0;
}
