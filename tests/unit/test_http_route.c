/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "api/api.h"
#include "core/daemon.h"
#include "http/http.h"
#include "http/listen.h"

/*
 * Routes: the pattern matcher (":params", percent-decoding, exact segments, the cap on
 * arguments), the daemon's own table (every route reachable), and the dispatch of a real
 * request (methods, HEAD, 404 against 405) through a server on a private Unix socket.
 */

/* Matches PATH against PATTERN; the decoded arguments, joined by '|', go to ARGS. */
static int match(const char *pattern, const char *path, char *args, size_t len)
{
	struct request r = { 0 };
	char *owned[HTTP_MAX_ARGS] = { 0 };
	size_t used = 0;
	int m = http_route_match(pattern, path, &r, owned);

	args[0] = '\0';
	for (int i = 0; m && i < HTTP_MAX_ARGS && r.args[i] != NULL; i++)
		used += (size_t)snprintf(args + used, len - used, "%s%s", i ? "|" : "", r.args[i]);
	for (int i = 0; i < HTTP_MAX_ARGS; i++)
		free(owned[i]);
	return m;
}

/* PATH must match PATTERN with the arguments WANT ("a|b"). */
static void matches(const char *pattern, const char *path, const char *want)
{
	char got[512];

	if (!match(pattern, path, got, sizeof got))
		fail_msg("%s should match %s", path, pattern);
	if (strcmp(got, want) != 0)
		fail_msg("%s on %s: arguments [%s], expected [%s]", path, pattern, got, want);
}

static void differs(const char *pattern, const char *path)
{
	char got[512];

	if (match(pattern, path, got, sizeof got))
		fail_msg("%s should not match %s (arguments [%s])", path, pattern, got);
}

static void test_literal(void **state)
{
	matches("/healthz", "/healthz", "");
	matches("/api/v1/plans", "/api/v1/plans", "");
	differs("/api/v1/plans", "/api/v1/plan");
	differs("/api/v1/plans", "/api/v1/planss");
	differs("/api/v1/plans", "/api/v1");
	differs("/api/v1/plans", "/API/v1/plans"); /* case counts */
	differs("/api/v1/plans", "api/v1/plans");
	differs("/api/v1/plans", "");
	/* A literal segment is not decoded: %70 is not "p". */
	differs("/api/v1/plans", "/api/v1/%70lans");
}

static void test_params(void **state)
{
	const char *p = "/api/v1/plans/:slug/items/:ref";

	matches("/api/v1/plans/:slug", "/api/v1/plans/nedelya-2017", "nedelya-2017");
	matches(p, "/api/v1/plans/_/items/7.2", "_|7.2");
	matches(p, "/api/v1/plans/a/items/@12", "a|@12");
	matches("/api/v1/plans/:slug/items/:ref/done", "/api/v1/plans/a/items/3/done", "a|3");
	differs("/api/v1/plans/:slug/items/:ref/done", "/api/v1/plans/a/items/3/cancel");
	/* A parameter is one segment, never empty, never two. */
	differs(p, "/api/v1/plans//items/7");
	differs(p, "/api/v1/plans/a/items/");
	differs(p, "/api/v1/plans/a/items");
	differs("/status/:secret", "/status/a/b");
	matches("/status/:secret", "/status/abc", "abc");
}

static void test_trailing_slash(void **state)
{
	differs("/api/v1/plans", "/api/v1/plans/");
	differs("/api/v1/plans/:slug", "/api/v1/plans/a/");
	differs("/api/v1/plans/:slug", "/api/v1/plans/");
	differs("/healthz", "/healthz//");
	differs("/api/v1/plans/:slug/items", "/api/v1/plans/a//items");
}

static void test_percent_decoding(void **state)
{
	const char *p = "/api/v1/plans/:slug/people/:name/token";

	matches(p,
		"/api/v1/plans/x/people/%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0%20%D0%90./token",
		"x|Иванова А.");
	matches(p, "/api/v1/plans/x/people/a%2Fb/token", "x|a/b"); /* a slash inside a name */
	matches(p, "/api/v1/plans/x/people/a+b/token", "x|a+b");   /* '+' is not a space here */
	matches(p, "/api/v1/plans/x/people/%41%62/token", "x|Ab");
	matches(p, "/api/v1/plans/x/people/%25/token", "x|%");
	/* Not a NUL, and not nothing. */
	differs(p, "/api/v1/plans/x/people/a%00b/token");
	differs(p, "/api/v1/plans/x/people/%00/token");
	matches("/feeds/:file", "/feeds/%D0%BF%D0%BB%D0%B0%D0%BD.ics", "план.ics");
}

static void test_too_many_params(void **state)
{
	char pattern[128] = "", path[128] = "", want[128] = "", got[512];

	/* HTTP_MAX_ARGS parameters fit; one more is no match, whatever the path. */
	for (int i = 0; i < HTTP_MAX_ARGS; i++) {
		snprintf(pattern + strlen(pattern), sizeof pattern - strlen(pattern), "/:p%d", i);
		snprintf(path + strlen(path), sizeof path - strlen(path), "/v%d", i);
		snprintf(want + strlen(want), sizeof want - strlen(want), "%sv%d", i ? "|" : "", i);
	}
	matches(pattern, path, want);
	strcat(pattern, "/:more");
	strcat(path, "/v");
	assert_false(match(pattern, path, got, sizeof got));
	/* More segments than the pattern has, or fewer: no match. */
	differs("/a/:b", "/a/b/c");
	differs("/a/:b/c", "/a/b");
}

/* The daemon's table: every route reachable by a path of its own shape, none twice. */
static void test_api_table(void **state)
{
	char path[256], got[512];

	for (const struct route *rt = api_routes; rt->pattern != NULL; rt++) {
		int params = 0;
		size_t n = 0;

		/* Each ":name" becomes "x1", "x2"...: no literal segment of the table looks so. */
		for (const char *s = rt->pattern; *s != '\0' && n < sizeof path - 4;) {
			if (*s == ':') {
				n += (size_t)snprintf(path + n, sizeof path - n, "x%d", ++params);
				s += strcspn(s, "/");
			} else
				path[n++] = *s++;
		}
		path[n] = '\0';
		assert_true(params <= HTTP_MAX_ARGS);
		if (!match(rt->pattern, path, got, sizeof got))
			fail_msg("%s does not match its own shape %s", rt->pattern, path);
		for (const struct route *before = api_routes; before < rt; before++) {
			if (before->method != rt->method)
				continue;
			if (strcmp(before->pattern, rt->pattern) == 0)
				fail_msg("%s is in the table twice with one method", rt->pattern);
			if (match(before->pattern, path, got, sizeof got))
				fail_msg("%s is never reached: %s comes first", rt->pattern,
					 before->pattern);
		}
	}
}

/* ---- dispatch, through a server on a Unix socket ------------------------------------------ */

/* The handler's reply: which route, and its arguments. */
static int route_reply(struct request *r, struct error *err)
{
	json_t *args = json_array();

	for (int i = 0; i < HTTP_MAX_ARGS && r->args[i] != NULL; i++)
		json_array_append_new(args, json_string(r->args[i]));
	r->reply = json_pack("{s:s, s:o}", "route", r->route->pattern, "args", args);
	return r->reply != NULL ? 0 : -1;
}

static const struct route test_routes[] = {
	{ EVHTTP_REQ_GET, "/t/items", route_reply, 0 },
	{ EVHTTP_REQ_POST, "/t/items", route_reply, 0 },
	{ EVHTTP_REQ_GET, "/t/items/:ref", route_reply, 0 },
	{ EVHTTP_REQ_PATCH, "/t/items/:ref", route_reply, 0 },
	{ EVHTTP_REQ_DELETE, "/t/items/:ref", route_reply, 0 },
	{ EVHTTP_REQ_POST, "/t/items/:ref/done", route_reply, 0 },
	{ EVHTTP_REQ_PUT, "/t/fixed", route_reply, 0 },
	{ 0, NULL, NULL, 0 },
};

struct server {
	struct event_base *base;
	struct daemon daemon;
	struct http *http;
	char dir[64], sock[96];
};

static int server_up(void **state)
{
	struct server *s = calloc(1, sizeof *s);
	char *cause = NULL;
	int fd;

	assert_non_null(s);
	snprintf(s->dir, sizeof s->dir, "/tmp/qweek-test-route-XXXXXX");
	assert_non_null(mkdtemp(s->dir));
	snprintf(s->sock, sizeof s->sock, "%s/q.sock", s->dir);
	assert_non_null(s->base = event_base_new());
	config_init(&s->daemon.config);
	s->daemon.base = s->base;
	s->http = http_new(s->base, &s->daemon, test_routes, api_access);
	if ((fd = listen_unix(s->sock, &cause)) == -1)
		fail_msg("listen_unix: %s", cause);
	assert_int_equal(http_serve_fd(s->http, fd, 1), 0);
	*state = s;
	return 0;
}

static int server_down(void **state)
{
	struct server *s = *state;

	http_free(s->http);
	event_base_free(s->base);
	config_free(&s->daemon.config);
	unlink(s->sock);
	rmdir(s->dir);
	free(s);
	return 0;
}

/*
 * Sends "METHOD PATH" and runs the server's loop until the reply is whole (at most 10 s).
 * Returns the status; the body (up to LEN bytes) in BODY.
 */
static int request(struct server *s, const char *method, const char *path, char *body, size_t len)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char req[512], reply[8192];
	size_t got = 0;
	time_t end = time(NULL) + 10;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), status = -1;
	const char *b;
	ssize_t n = 1;

	assert_true(fd != -1);
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", s->sock);
	assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	snprintf(req, sizeof req, "%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
		 method, path);
	assert_int_equal(write(fd, req, strlen(req)), (ssize_t)strlen(req));
	while (n > 0 && got < sizeof reply - 1 && time(NULL) < end) {
		struct pollfd p = { fd, POLLIN, 0 };
		event_base_loop(s->base, EVLOOP_NONBLOCK);
		if (poll(&p, 1, 10) == 1)
			n = read(fd, reply + got, sizeof reply - 1 - got);
		if (n > 0 && p.revents != 0)
			got += (size_t)n;
	}
	close(fd);
	event_base_loop(s->base, EVLOOP_NONBLOCK); /* the server sees the close */
	reply[got] = '\0';
	if (sscanf(reply, "HTTP/1.1 %d", &status) != 1)
		fail_msg("%s %s: no reply (%zu bytes: %.80s)", method, path, got, reply);
	b = strstr(reply, "\r\n\r\n");
	snprintf(body, len, "%s", b != NULL ? b + 4 : "");
	return status;
}

/* METHOD PATH must reach route PATTERN with ARGS ('|'-joined). */
static void reaches(struct server *s, const char *method, const char *path, const char *pattern,
		    const char *args)
{
	char body[4096], want[512];
	json_t *j, *a;
	size_t i;
	int status = request(s, method, path, body, sizeof body);

	if (status != 200)
		fail_msg("%s %s: %d %s", method, path, status, body);
	assert_non_null(j = json_loads(body, 0, NULL));
	assert_string_equal(json_string_value(json_object_get(j, "route")), pattern);
	want[0] = '\0';
	json_array_foreach (json_object_get(j, "args"), i, a)
		snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", i ? "|" : "",
			 json_string_value(a));
	assert_string_equal(want, args);
	json_decref(j);
}

/* METHOD PATH must be refused with STATUS and the error code CODE. */
static void refused(struct server *s, const char *method, const char *path, int status,
		    const char *code)
{
	char body[4096];
	json_t *j;
	int got = request(s, method, path, body, sizeof body);

	if (got != status)
		fail_msg("%s %s: %d, expected %d (%s)", method, path, got, status, body);
	assert_non_null(j = json_loads(body, 0, NULL));
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "error"), "code")),
			    code);
	json_decref(j);
}

static void test_dispatch_methods(void **state)
{
	struct server *s = *state;

	reaches(s, "GET", "/t/items", "/t/items", "");
	reaches(s, "POST", "/t/items", "/t/items", "");
	reaches(s, "GET", "/t/items/7.2", "/t/items/:ref", "7.2");
	reaches(s, "PATCH", "/t/items/7.2", "/t/items/:ref", "7.2");
	reaches(s, "DELETE", "/t/items/%D0%B0", "/t/items/:ref", "а");
	reaches(s, "POST", "/t/items/3/done", "/t/items/:ref/done", "3");
	reaches(s, "PUT", "/t/fixed", "/t/fixed", "");
	/* The query string is not part of the path. */
	reaches(s, "GET", "/t/items/5?x=1", "/t/items/:ref", "5");
}

static void test_dispatch_head(void **state)
{
	struct server *s = *state;
	char body[4096];

	/* HEAD takes the GET route of its path. */
	assert_int_equal(request(s, "HEAD", "/t/items/1", body, sizeof body), 200);
	assert_string_equal(body, ""); /* a JSON route's HEAD has the headers, not the body */
	assert_int_equal(request(s, "HEAD", "/t/fixed", body, sizeof body), 405);
	assert_int_equal(request(s, "HEAD", "/t/nothing", body, sizeof body), 404);
}

static void test_dispatch_404_405(void **state)
{
	struct server *s = *state;

	/* A path no route has: 404; a path a route has, with another method: 405. */
	refused(s, "GET", "/t/nothing", 404, "not_found");
	refused(s, "GET", "/t/items/", 404, "not_found");
	refused(s, "GET", "/t/items/1/done/x", 404, "not_found");
	refused(s, "GET", "/t/items/a%00b", 404, "not_found");
	refused(s, "GET", "/t", 404, "not_found");
	refused(s, "PUT", "/t/items", 405, "method_not_allowed");
	refused(s, "DELETE", "/t/items", 405, "method_not_allowed");
	refused(s, "GET", "/t/items/1/done", 405, "method_not_allowed");
	refused(s, "POST", "/t/items/1", 405, "method_not_allowed");
	refused(s, "GET", "/t/fixed", 405, "method_not_allowed");
	refused(s, "PATCH", "/t/fixed/", 404, "not_found");
}

int main(void)
{
	const struct CMUnitTest matcher[] = {
		cmocka_unit_test(test_literal),		cmocka_unit_test(test_params),
		cmocka_unit_test(test_trailing_slash),	cmocka_unit_test(test_percent_decoding),
		cmocka_unit_test(test_too_many_params), cmocka_unit_test(test_api_table),
	};
	const struct CMUnitTest dispatch[] = {
		cmocka_unit_test(test_dispatch_methods),
		cmocka_unit_test(test_dispatch_head),
		cmocka_unit_test(test_dispatch_404_405),
	};

	return cmocka_run_group_tests_name("matcher", matcher, NULL, NULL) |
	       cmocka_run_group_tests_name("dispatch", dispatch, server_up, server_down);
}
