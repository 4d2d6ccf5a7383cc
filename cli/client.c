/* SPDX-License-Identifier: MIT */
#include <curl/curl.h>
#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "client.h"
#include "grow.h"
#include "mem.h"
#include "nls.h"
#include "paths.h"
#include "util.h"

/* One libcurl easy handle; a reply is gathered in one growing buffer and handed to jscan. */

enum {
	CLIENT_TIMEOUT = 30,	      /* seconds for a whole request */
	CLIENT_MAX_REPLY = 256 << 20, /* bytes */
};

struct client {
	CURL *curl;
	char *base;  /* "http://localhost", or the URL without a final '/' */
	char *where; /* the socket path or the URL, for messages */
	int on_socket;
	struct curl_slist *headers; /* for requests without a body */
	struct curl_slist *headers_body;
	char *buf;
	size_t len, cap;
	int too_large;
	char errbuf[CURL_ERROR_SIZE];
};

/* Makes room for NEED bytes in the reply buffer; 0 or -1. */
static int client_reserve(struct client *c, size_t need)
{
	if (need <= c->cap)
		return 0;
	if (need > CLIENT_MAX_REPLY) {
		c->too_large = 1;
		return -1;
	}
	/* 16 KiB at first: most replies fit. */
	return grow_with(&c->buf, &c->cap, need > 16384 ? need : 16384, 1, mem_realloc);
}

static size_t client_write(char *data, size_t size, size_t n, void *arg)
{
	struct client *c = arg;
	size_t len = size * n;
	curl_off_t expect = -1;

	/* Room for the whole reply at once when its length is known, and for a final NUL. */
	if (c->len == 0 &&
	    curl_easy_getinfo(c->curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expect) == CURLE_OK &&
	    expect > 0 && (uint64_t)expect < CLIENT_MAX_REPLY &&
	    client_reserve(c, (size_t)expect + 1) == -1)
		return 0;
	if (client_reserve(c, c->len + len + 1) == -1)
		return 0;
	memcpy(c->buf + c->len, data, len);
	c->len += len;
	return len;
}

/* Both header lists; 0 or -1. */
static int client_headers(struct client *c, const char *token)
{
	static const char *const common[] = { "Accept: application/json", "Expect:" };
	struct curl_slist **lists[2] = { &c->headers, &c->headers_body }, *l;
	char *auth = NULL, *lang;

	/* qweekd answers in the language this client speaks (English in the C locale). */
	if ((lang = util_printf("Accept-Language: %s", nls_language())) == NULL)
		return -1;
	if (token != NULL && (auth = util_printf("Authorization: Bearer %s", token)) == NULL)
		goto fail;
	for (int i = 0; i < 2; i++) {
		if ((l = curl_slist_append(*lists[i], lang)) == NULL)
			goto fail;
		*lists[i] = l;
		for (size_t k = 0; k < sizeof common / sizeof common[0]; k++) {
			if ((l = curl_slist_append(*lists[i], common[k])) == NULL)
				goto fail;
			*lists[i] = l;
		}
		if (auth != NULL && (l = curl_slist_append(*lists[i], auth)) == NULL)
			goto fail;
		*lists[i] = auth != NULL ? l : *lists[i];
	}
	if ((l = curl_slist_append(c->headers_body, "Content-Type: application/json")) == NULL)
		goto fail;
	c->headers_body = l;
	free(auth);
	free(lang);
	return 0;
fail:
	free(auth);
	free(lang);
	return -1;
}

static int client_setup(struct client *c, const char *socket, const char *url)
{
	CURL *h = c->curl;

	if (url == NULL && curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, socket) != CURLE_OK)
		return -1;
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)CLIENT_TIMEOUT);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, client_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->errbuf);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "qweek/" QWEEK_VERSION);
	curl_easy_setopt(h, CURLOPT_BUFFERSIZE, 128L << 10);
	return 0;
}

struct client *client_new(const char *socket, const char *url, const char *token, char **cause)
{
	struct client *c;
	size_t n;

	if (curl_global_init(url != NULL && strncmp(url, "https:", 6) == 0 ?
				     CURL_GLOBAL_DEFAULT :
				     CURL_GLOBAL_NOTHING) != CURLE_OK) {
		util_cause(cause, _("cannot initialise libcurl"));
		return NULL;
	}
	if ((c = calloc(1, sizeof *c)) == NULL)
		goto nomem;
	c->on_socket = url == NULL;
	c->where = strdup(url != NULL ? url : socket);
	c->base = strdup(url != NULL ? url : "http://localhost");
	if (c->where == NULL || c->base == NULL || (c->curl = curl_easy_init()) == NULL ||
	    client_headers(c, token) == -1 || client_setup(c, socket, url) == -1)
		goto nomem;
	n = strlen(c->base);
	while (n > 0 && c->base[n - 1] == '/')
		c->base[--n] = '\0';
	return c;
nomem:
	client_free(c);
	if (c == NULL)
		curl_global_cleanup();
	util_cause(cause, _("out of memory"));
	return NULL;
}

void client_free(struct client *c)
{
	if (c == NULL)
		return;
	if (c->curl != NULL)
		curl_easy_cleanup(c->curl);
	curl_slist_free_all(c->headers);
	curl_slist_free_all(c->headers_body);
	free(c->base);
	free(c->where);
	mem_free(c->buf);
	free(c);
	curl_global_cleanup();
}

const char *client_where(const struct client *c)
{
	return c->where;
}

char *client_escape(struct client *c, const char *s)
{
	char *e = curl_easy_escape(c->curl, s, 0), *copy;

	if (e == NULL)
		return NULL;
	copy = strdup(e);
	curl_free(e);
	return copy;
}

/* Sets the method and body of the next request; 0 or -1. */
static int client_method(struct client *c, const char *method, const char *data)
{
	CURL *h = c->curl;

	if (strcmp(method, "GET") == 0) {
		curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, NULL);
	} else {
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, data != NULL ? data : "");
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)(data != NULL ? strlen(data) : 0));
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST,
				 strcmp(method, "POST") != 0 ? method : NULL);
	}
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, data != NULL ? c->headers_body : c->headers);
	return 0;
}

/* Says why the request failed, in *CAUSE. */
static void client_failed(struct client *c, CURLcode rc, char **cause)
{
	char def[4096];
	const char *why = c->errbuf[0] != '\0' ? c->errbuf : curl_easy_strerror(rc);
	const char *dsock = paths_default_socket(def, sizeof def);
	long os = 0;

	curl_easy_getinfo(c->curl, CURLINFO_OS_ERRNO, &os);
	if (c->too_large) {
		util_cause(cause, _("the reply of qweekd at %s is too large"), c->where);
		return;
	}
	if (rc == CURLE_OPERATION_TIMEDOUT) {
		util_cause(cause, _("qweekd at %s did not answer within %d seconds"), c->where,
			   CLIENT_TIMEOUT);
		return;
	}
	if (os != 0)
		why = strerror((int)os);
	if (rc != CURLE_COULDNT_CONNECT && rc != CURLE_COULDNT_RESOLVE_HOST)
		util_cause(cause, _("talking to qweekd at %s failed: %s"), c->where, why);
	else if (!c->on_socket)
		util_cause(cause, _("cannot reach qweekd at %s: %s"), c->where, why);
	else if (dsock != NULL && strcmp(dsock, c->where) == 0)
		util_cause(cause,
			   _("cannot reach qweekd at %s: %s (is qweekd running? start it "
			     "with: qweekd)"),
			   c->where, why);
	else
		util_cause(cause,
			   _("cannot reach qweekd at %s: %s (is qweekd running? start it "
			     "with: qweekd --socket %s)"),
			   c->where, why, c->where);
}

int client_request(struct client *c, const char *method, const char *path, json_t *body,
		   struct jscan **reply, char **cause)
{
	char *url, *data = NULL, *why;
	CURLcode rc;
	long status = 0;

	*reply = NULL;
	if ((url = util_printf("%s%s", c->base, path)) == NULL ||
	    (body != NULL && (data = json_dumps(body, JSON_COMPACT)) == NULL)) {
		free(url);
		return util_cause(cause, _("out of memory"));
	}
	c->len = 0;
	c->too_large = 0;
	c->errbuf[0] = '\0';
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	client_method(c, method, data);
	rc = curl_easy_perform(c->curl);
	free(url);
	free(data);
	if (rc != CURLE_OK) {
		client_failed(c, rc, cause);
		return -1;
	}
	curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
	if (c->len == 0)
		return (int)status;
	c->buf[c->len] = '\0';
	*reply = jscan_parse(c->buf, c->len, &why);
	c->buf = NULL;
	c->len = c->cap = 0;
	if (*reply == NULL) {
		util_cause(cause, _("qweekd at %s answered %ld with a reply that is not JSON (%s)"),
			   c->where, status, why != NULL ? why : _("out of memory"));
		free(why);
		return -1;
	}
	return (int)status;
}

/* The common headers plus "Content-Type: TYPE" (when TYPE is given); NULL if out of memory. */
static struct curl_slist *client_typed_headers(const struct client *c, const char *type)
{
	struct curl_slist *list = NULL, *l;
	char *ct;

	for (const struct curl_slist *h = c->headers; h != NULL; h = h->next) {
		if ((l = curl_slist_append(list, h->data)) == NULL)
			goto fail;
		list = l;
	}
	if (type == NULL)
		return list;
	if ((ct = util_printf("Content-Type: %s", type)) == NULL)
		goto fail;
	l = curl_slist_append(list, ct);
	free(ct);
	if (l != NULL)
		return l;
fail:
	curl_slist_free_all(list);
	return NULL;
}

int client_request_bytes(struct client *c, const char *method, const char *path, const char *type,
			 const char *data, size_t len, char **reply, size_t *reply_len,
			 char **cause)
{
	struct curl_slist *headers = client_typed_headers(c, type);
	char *url = util_printf("%s%s", c->base, path);
	CURLcode rc;
	long status = 0;

	*reply = NULL;
	*reply_len = 0;
	if (headers == NULL || url == NULL) {
		curl_slist_free_all(headers);
		free(url);
		return util_cause(cause, _("out of memory"));
	}
	c->len = 0;
	c->too_large = 0;
	c->errbuf[0] = '\0';
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	client_method(c, method, NULL);
	if (strcmp(method, "GET") != 0) {
		curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, data != NULL ? data : "");
		curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	}
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, headers);
	rc = curl_easy_perform(c->curl);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, c->headers);
	curl_slist_free_all(headers);
	free(url);
	if (rc != CURLE_OK) {
		client_failed(c, rc, cause);
		return -1;
	}
	curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
	if (c->buf != NULL)
		c->buf[c->len] = '\0';
	*reply = c->buf;
	*reply_len = c->len;
	c->buf = NULL;
	c->len = c->cap = 0;
	return (int)status;
}
