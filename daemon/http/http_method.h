/* SPDX-License-Identifier: MIT */
/* The WebDAV methods, which libevent 2.1's evhttp does not know (http_method.c). */
#ifndef QWEEK_HTTP_METHOD_H
#define QWEEK_HTTP_METHOD_H

#include <stddef.h>

struct evbuffer;

/* Beside evhttp's EVHTTP_REQ_* bits (which end at 1 << 8), for the route table. */
#define HTTP_REQ_PROPFIND   (1 << 16)
#define HTTP_REQ_REPORT	    (1 << 17)
#define HTTP_REQ_PROPPATCH  (1 << 18)
#define HTTP_REQ_MKCALENDAR (1 << 19)

/*
 * evhttp 2.1 refuses a method it does not know with a 501 and never reads its body. So the
 * first line of a request is looked at in the connection's input as it comes, before evhttp
 * reads it, and "PROPFIND /path HTTP/1.1" is rewritten in place, to the same length, as
 * "POST /!!!/path HTTP/1.1": a POST (whose body evhttp reads) with a marker of as many '!' as
 * the names differ in length, which http.c takes off the path again (http_method_marker).
 *
 * Looks at the request that starts IN: 1 rewritten (*METHOD is its HTTP_REQ_*), 0 nothing to do
 * (a method evhttp knows, or none of these), -1 the method's name has not all come yet.
 */
int http_method_rewrite(struct evbuffer *in, int *method);

/* The length of the marker that METHOD's rewrite put at the start of the path. */
size_t http_method_marker(int method);

/* The name of METHOD (an EVHTTP_REQ_* or HTTP_REQ_* bit), for logs and the Allow header. */
const char *http_method_name(int method);

#endif
