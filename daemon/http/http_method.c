/* SPDX-License-Identifier: MIT */
#include <string.h>

#include <event2/buffer.h>
#include <event2/http.h>

#include "http/http_method.h"

static const struct {
	const char *name;
	int method;
} methods[] = {
	{ "PROPFIND", HTTP_REQ_PROPFIND },
	{ "REPORT", HTTP_REQ_REPORT },
	{ "PROPPATCH", HTTP_REQ_PROPPATCH },
	{ "MKCALENDAR", HTTP_REQ_MKCALENDAR },
};

#define LONGEST 10 /* "MKCALENDAR" */
#define CARRIER "POST "

size_t http_method_marker(int method)
{
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (methods[i].method == method)
			return strlen(methods[i].name) + 1 - strlen(CARRIER);
	return 0;
}

/* Writes the N bytes at S over the first N bytes of IN (which holds at least N). */
static void overwrite(struct evbuffer *in, const char *s, size_t n)
{
	struct evbuffer_iovec v[LONGEST + 1];
	int k = evbuffer_peek(in, (ev_ssize_t)n, NULL, v, LONGEST + 1);

	for (int i = 0; i < k && i < LONGEST + 1 && n > 0; i++) {
		size_t m = v[i].iov_len < n ? v[i].iov_len : n;
		memcpy(v[i].iov_base, s, m);
		s += m;
		n -= m;
	}
}

int http_method_rewrite(struct evbuffer *in, int *method)
{
	char head[LONGEST + 2], out[LONGEST + 2];
	size_t have = evbuffer_get_length(in), n, len;
	ev_ssize_t got;

	n = have < sizeof head ? have : sizeof head;
	got = evbuffer_copyout(in, head, n);
	if (got < 0)
		return 0;
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
		len = strlen(methods[i].name);
		if ((size_t)got < len + 2) {
			size_t k = (size_t)got < len ? (size_t)got : len;
			if (memcmp(head, methods[i].name, k) == 0 &&
			    ((size_t)got <= len || head[len] == ' '))
				return -1; /* could still be this one */
			continue;
		}
		if (memcmp(head, methods[i].name, len) != 0 || head[len] != ' ' ||
		    head[len + 1] != '/')
			continue;
		/* "PROPFIND /" → "POST /!!!/": the path's own '/' follows the marker. */
		memcpy(out, CARRIER, strlen(CARRIER));
		out[strlen(CARRIER)] = '/';
		memset(out + strlen(CARRIER) + 1, '!', len + 1 - strlen(CARRIER) - 1);
		out[len + 1] = '/';
		overwrite(in, out, len + 2);
		*method = methods[i].method;
		return 1;
	}
	return 0;
}

const char *http_method_name(int method)
{
	switch (method) {
	case EVHTTP_REQ_GET:
		return "GET";
	case EVHTTP_REQ_HEAD:
		return "HEAD";
	case EVHTTP_REQ_POST:
		return "POST";
	case EVHTTP_REQ_PUT:
		return "PUT";
	case EVHTTP_REQ_DELETE:
		return "DELETE";
	case EVHTTP_REQ_OPTIONS:
		return "OPTIONS";
	case EVHTTP_REQ_PATCH:
		return "PATCH";
	}
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (methods[i].method == method)
			return methods[i].name;
	return "?";
}
