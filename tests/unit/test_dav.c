/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <event2/buffer.h>

#include "dav/dav_out.h"
#include "dav/dav_todo.h"
#include "dav/dav_xml.h"
#include "http/http_method.h"
#include "http/login_delay.h"

/* CalDAV's parts that need no daemon: the method rewrite, the login delay, XML, VTODO PUTs. */

/* Feeds TEXT to the rewrite in pieces of STEP bytes, as a slow client sends it. */
static int rewrite_in_steps(const char *text, size_t step, char *out, size_t len)
{
	struct evbuffer *b = evbuffer_new();
	int method = 0, rc = -1;

	for (size_t at = 0; at < strlen(text); at += step) {
		size_t n = strlen(text) - at < step ? strlen(text) - at : step;
		evbuffer_add(b, text + at, n);
		if (rc == -1) /* decided once; the rest comes as it is */
			rc = http_method_rewrite(b, &method);
	}
	memset(out, 0, len);
	evbuffer_copyout(b, out, len - 1);
	evbuffer_free(b);
	return rc == 1 ? method : rc;
}

static void test_method_rewrite(void **state)
{
	char out[64];

	(void)state;
	for (size_t step = 1; step <= 8; step++) {
		assert_int_equal(
			rewrite_in_steps("PROPFIND /dav/ HTTP/1.1\r\n", step, out, sizeof out),
			HTTP_REQ_PROPFIND);
		assert_string_equal(out, "POST /!!!/dav/ HTTP/1.1\r\n");
		assert_int_equal(
			rewrite_in_steps("REPORT /dav/x/ HTTP/1.1\r\n", step, out, sizeof out),
			HTTP_REQ_REPORT);
		assert_string_equal(out, "POST /!/dav/x/ HTTP/1.1\r\n");
		assert_int_equal(
			rewrite_in_steps("GET /feeds/a HTTP/1.1\r\n", step, out, sizeof out), 0);
		assert_string_equal(out, "GET /feeds/a HTTP/1.1\r\n");
	}
	assert_int_equal(rewrite_in_steps("MKCALENDAR /dav/x/ HTTP/1.1\r\n", 3, out, sizeof out),
			 HTTP_REQ_MKCALENDAR);
	assert_string_equal(out, "POST /!!!!!/dav/x/ HTTP/1.1\r\n");
	assert_int_equal(http_method_marker(HTTP_REQ_MKCALENDAR), strlen("/!!!!!"));
	assert_int_equal(rewrite_in_steps("PROPFIND * HTTP/1.1\r\n", 4, out, sizeof out), 0);
	assert_int_equal(rewrite_in_steps("REPORTX /a HTTP/1.1\r\n", 2, out, sizeof out), 0);
	assert_string_equal(http_method_name(HTTP_REQ_PROPFIND), "PROPFIND");
}

static void test_login_delay(void **state)
{
	struct login_delay *t = login_delay_new();
	int64_t now = 1000000;

	(void)state;
	assert_int_equal(login_delay_fail(t, "10.0.0.1", now), 250);
	assert_int_equal(login_delay_fail(t, "10.0.0.1", now), 500);
	assert_int_equal(login_delay_fail(t, "10.0.0.2", now), 250); /* per address */
	for (int i = 0; i < 10; i++)
		login_delay_fail(t, "10.0.0.1", now);
	assert_int_equal(login_delay_fail(t, "10.0.0.1", now), 8000); /* capped */
	login_delay_ok(t, "10.0.0.1");
	assert_int_equal(login_delay_fail(t, "10.0.0.1", now), 250);
	assert_int_equal(login_delay_fail(t, "10.0.0.2", now + LOGIN_DELAY_FORGET_US + 1), 250);
	/* A flood of addresses keeps the table bounded and still counts each. */
	for (int i = 0; i < 5000; i++) {
		char a[32];
		snprintf(a, sizeof a, "10.1.%d.%d", i / 256, i % 256);
		assert_int_equal(login_delay_fail(t, a, now + i), 250);
	}
	login_delay_free(t);
}

static int parse(const char *xml, int propfind, struct dav_body *b)
{
	struct error err = ERROR_INIT;
	int rc = dav_xml_parse(xml, strlen(xml), propfind, b, &err);

	if (rc == -1)
		assert_non_null(err.message);
	error_clear(&err);
	return rc;
}

static void test_xml(void **state)
{
	struct dav_body b;
	char nest[4096] = "";

	(void)state;
	assert_int_equal(parse("", 1, &b), 0);
	assert_true(b.allprop);
	assert_int_equal(
		parse("<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
		      "<D:prop><D:getetag/><C:calendar-data/></D:prop></D:propfind>",
		      1, &b),
		0);
	assert_int_equal(b.nprops, 2);
	assert_true(dav_body_wants(&b, DAV_NS_CALDAV, "calendar-data"));
	assert_false(b.allprop);
	assert_int_equal(
		parse("<sync-collection xmlns=\"DAV:\"><sync-token> http://x/1 </sync-token>"
		      "<prop><getetag/></prop></sync-collection>",
		      0, &b),
		0);
	assert_int_equal(b.kind, DAV_SYNC);
	assert_string_equal(b.sync_token, "http://x/1");
	assert_int_equal(
		parse("<C:calendar-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:"
		      "caldav\"><D:href>/a</D:href><D:href>/b</D:href><D:href>/c</D:href>"
		      "</C:calendar-multiget>",
		      0, &b),
		0);
	assert_int_equal(b.nhrefs, 3);
	assert_string_equal(b.hrefs[2], "/c");
	dav_body_free(&b);
	/* Refused: not well-formed, a DOCTYPE (entities), too deep, the wrong root. */
	assert_int_equal(parse("<propfind xmlns=\"DAV:\"><prop>", 1, &b), -1);
	assert_int_equal(parse("<!DOCTYPE a [<!ENTITY x \"y\">]><propfind xmlns=\"DAV:\">&x;"
			       "</propfind>",
			       1, &b),
			 -1);
	assert_int_equal(parse("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>", 1, &b), -1);
	for (int i = 0; i < 40; i++)
		strcat(nest, "<a xmlns=\"DAV:\">");
	assert_int_equal(parse(nest, 1, &b), -1);
	assert_int_equal(parse("<propfind xmlns=\"urn:other\"/>", 1, &b), -1);
}

static void test_out_escapes(void **state)
{
	struct buf b;
	char *s;
	size_t len;

	(void)state;
	buf_init(&b, 0);
	dav_out_status(&b, "/a&b<\"c\">", "HTTP/1.1 404 Not Found");
	s = buf_take(&b, &len);
	assert_non_null(strstr(s, "<d:href>/a&amp;b&lt;&quot;c&quot;&gt;</d:href>"));
	free(s);
}

#define HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VTODO\r\n"
#define CURRENT                                                                         \
	HEAD "UID:qweek-item-1@h\r\nSUMMARY:Справка\r\nDUE:20171115T030000Z\r\n" \
	     "STATUS:NEEDS-ACTION\r\nPERCENT-COMPLETE:0\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"

static int todo(const char *put, struct dav_todo *t)
{
	struct error err = ERROR_INIT;
	int rc = dav_todo_read(put, strlen(put), CURRENT, t, &err);

	error_clear(&err);
	return rc;
}

static void test_todo(void **state)
{
	struct dav_todo t;

	(void)state;
	/* Tasks.org: only PERCENT-COMPLETE; a new SEQUENCE and an X- property are no change. */
	assert_int_equal(todo(HEAD
			      "UID:qweek-item-1@h\r\nSUMMARY:Справка\r\nDUE:20171115T030000Z\r\n"
			      "PERCENT-COMPLETE:100\r\nSEQUENCE:4\r\nX-APP:1\r\nEND:VTODO\r\n"
			      "END:VCALENDAR\r\n",
			      &t),
			 0);
	assert_true(t.done);
	assert_int_equal(t.completed, 0);
	/* A COMPLETED time; DUE in another zone, the same instant. */
	assert_int_equal(
		todo(HEAD "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\n"
			  "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\n"
			  "END:STANDARD\r\nEND:VTIMEZONE\r\n"
			  "UID:qweek-item-1@h\r\nSUMMARY:Справка\r\nDUE:20171115T030000Z\r\n"
			  "COMPLETED:20171114T041500Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
		     &t),
		0);
	assert_true(t.done);
	assert_int_equal(t.completed, 1510632900);
	/* Un-ticked. */
	assert_int_equal(todo(HEAD
			      "UID:qweek-item-1@h\r\nSUMMARY:Справка\r\nDUE:20171115T030000Z\r\n"
			      "STATUS:NEEDS-ACTION\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
			      &t),
			 0);
	assert_false(t.done);
	/* Refused: a new summary, a moved due, a description added, another UID, not iCalendar. */
	assert_int_equal(todo(HEAD
			      "UID:qweek-item-1@h\r\nSUMMARY:Другое\r\nDUE:20171115T030000Z\r\n"
			      "END:VTODO\r\nEND:VCALENDAR\r\n",
			      &t),
			 -1);
	assert_string_equal(t.changed, "SUMMARY");
	assert_int_equal(todo(HEAD
			      "UID:qweek-item-1@h\r\nSUMMARY:Справка\r\nDUE:20171116T030000Z\r\n"
			      "END:VTODO\r\nEND:VCALENDAR\r\n",
			      &t),
			 -1);
	assert_string_equal(t.changed, "DUE");
	assert_int_equal(todo(HEAD
			      "UID:qweek-item-1@h\r\nSUMMARY:Справка\r\nDUE:20171115T030000Z\r\n"
			      "DESCRIPTION:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
			      &t),
			 -1);
	assert_string_equal(t.changed, "DESCRIPTION");
	assert_int_equal(todo(HEAD "UID:qweek-item-2@h\r\nSUMMARY:Справка\r\nEND:VTODO\r\n"
				   "END:VCALENDAR\r\n",
			      &t),
			 -1);
	assert_int_equal(todo("hello", &t), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_method_rewrite),
		cmocka_unit_test(test_login_delay),
		cmocka_unit_test(test_xml),
		cmocka_unit_test(test_out_escapes),
		cmocka_unit_test(test_todo),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
