/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "remind/remind_text.h"
#include "remind/smtp_mime.h"

/* Reminder messages: their words, RFC 2047 headers, the MIME message around them. */

static void test_base64(void **state)
{
	char out[64];

	smtp_mime_base64((const unsigned char *)"", 0, out);
	assert_string_equal(out, "");
	smtp_mime_base64((const unsigned char *)"f", 1, out);
	assert_string_equal(out, "Zg==");
	smtp_mime_base64((const unsigned char *)"fo", 2, out);
	assert_string_equal(out, "Zm8=");
	smtp_mime_base64((const unsigned char *)"foobar", 6, out);
	assert_string_equal(out, "Zm9vYmFy");
}

static void test_header_text(void **state)
{
	char *s = smtp_mime_header_text("Plain subject");
	const char *p, *line;

	assert_string_equal(s, "Plain subject");
	free(s);
	s = smtp_mime_header_text("Срок");
	assert_string_equal(s, "=?UTF-8?B?0KHRgNC+0Lo=?=");
	free(s);
	/* A long Cyrillic subject: several words, folded, no line over 76, no character split. */
	s = smtp_mime_header_text("Напоминание: 7.2 Открытое мероприятие «Подарки своими руками» "
				  "— 14.11.2017 15:00");
	assert_non_null(strstr(s, "\r\n =?UTF-8?B?"));
	for (line = s; line != NULL; line = (p = strstr(line, "\r\n")) ? p + 2 : NULL) {
		size_t n = (p = strstr(line, "\r\n")) ? (size_t)(p - line) : strlen(line);
		assert_true(n <= 76);
	}
	free(s);
	s = smtp_mime_header_text("=?not an encoded word?=");
	assert_non_null(strstr(s, "=?UTF-8?B?"));
	free(s);
}

static void test_address(void **state)
{
	char buf[64];

	assert_int_equal(smtp_mime_address("qweek@example.org", buf, sizeof buf), 0);
	assert_string_equal(buf, "qweek@example.org");
	assert_int_equal(smtp_mime_address("Неделя качества <nk@example.org>", buf, sizeof buf), 0);
	assert_string_equal(buf, "nk@example.org");
	assert_int_equal(smtp_mime_address("nobody", buf, sizeof buf), -1);
}

static void test_date(void **state)
{
	char buf[64];

	smtp_mime_date(1510646400, 7 * 3600, buf, sizeof buf);
	assert_string_equal(buf, "Tue, 14 Nov 2017 15:00:00 +0700");
	smtp_mime_date(1510646400, -3 * 3600 - 1800, buf, sizeof buf);
	assert_string_equal(buf, "Tue, 14 Nov 2017 04:30:00 -0330");
}

static void test_build(void **state)
{
	const char *extra[] = { "X-Qweek-Plan: nk-2017", NULL };
	struct smtp_mime m = { "Неделя <nk@example.org>",
			       "Иванова А. П.",
			       "a@example.org",
			       "Срок",
			       "Строка\nвторая\n",
			       1510646400,
			       7 * 3600,
			       "<1@example.org>",
			       extra,
			       NULL };
	size_t len;
	char *msg = smtp_mime_build(&m, &len);

	assert_non_null(msg);
	assert_int_equal(strlen(msg), len);
	assert_non_null(strstr(msg, "From: =?UTF-8?B?"));
	assert_non_null(strstr(msg, "<nk@example.org>\r\n"));
	assert_non_null(strstr(msg, "To: =?UTF-8?B?"));
	assert_non_null(strstr(msg, "Subject: =?UTF-8?B?0KHRgNC+0Lo=?=\r\n"));
	assert_non_null(strstr(msg, "Date: Tue, 14 Nov 2017 15:00:00 +0700\r\n"));
	assert_non_null(strstr(msg, "Content-Type: text/plain; charset=utf-8\r\n"));
	assert_non_null(strstr(msg, "X-Qweek-Plan: nk-2017\r\n\r\n"));
	/* "Строка\r\nвторая\r\n" in base64 */
	assert_non_null(strstr(msg, "\r\n\r\n0KHRgtGA0L7QutCwDQrQstGC0L7RgNCw0Y8NCg==\r\n"));
	assert_null(strstr(msg, "\n\n"));
	free(msg);
}

static struct plan plan_in(char *lang)
{
	struct plan p = { 0 };

	p.slug = "nk-2017";
	p.title = "Неделя качества 2017";
	p.tz = "Asia/Krasnoyarsk";
	p.lang = lang;
	return p;
}

static void test_text(void **state)
{
	struct remind_item it = { 0 };
	struct plan p = plan_in("ru");
	struct remind_msg_in in = { REMIND_MSG_EVENT, &p,   &it, "7.2", "Иванова А. П.",
				    "qweek done 7.2", NULL, NULL };
	struct remind_msg msg;
	char when[64];

	it.kind = "event";
	it.label = "7.2";
	it.title = "Открытое мероприятие";
	it.place = "актовый зал";
	it.who = "Иванова А. П.\x1fПсихологи";
	it.start_at = "2017-11-14T08:00:00Z";
	it.end_at = "2017-11-14T11:00:00Z";
	it.due_at = "";
	remind_text_when(&it, p.tz, when, sizeof when);
	assert_string_equal(when, "14.11.2017 15:00–18:00");
	assert_int_equal(remind_text_build(&in, &msg), 0);
	assert_string_equal(msg.subject, "Напоминание: 7.2 Открытое мероприятие — "
					 "14.11.2017 15:00–18:00");
	assert_non_null(strstr(msg.body, "Здравствуйте, Иванова А. П.!\n"));
	assert_non_null(strstr(msg.body, "  Где: актовый зал\n"));
	assert_non_null(strstr(msg.body, "  Ответственные: Иванова А. П., Психологи\n"));
	assert_non_null(strstr(msg.body, "\n  qweek done 7.2\n"));
	remind_msg_free(&msg);

	p = plan_in("uk");
	it.kind = "deadline";
	it.due_at = "2026-10-27";
	in.kind = REMIND_MSG_OVERDUE;
	assert_int_equal(remind_text_build(&in, &msg), 0);
	assert_string_equal(msg.subject, "Прострочено: 7.2 Открытое мероприятие");
	assert_non_null(strstr(msg.body, "  Термін: до 27.10.2026\n"));
	remind_msg_free(&msg);

	p = plan_in("en");
	in.kind = REMIND_MSG_DEADLINE;
	it.due_at = "2017-12";
	assert_int_equal(remind_text_build(&in, &msg), 0);
	assert_string_equal(msg.subject, "Due: 7.2 Открытое мероприятие — by 12.2017");
	assert_null(msg.html);
	remind_msg_free(&msg);

	/* With the person's page: the item's own link, the command still there, an HTML part. */
	p = plan_in("ru");
	it.id = 12;
	it.title = "Встреча <родителей> & детей";
	in.kind = REMIND_MSG_EVENT;
	in.page_url = "https://q.example.org/me/abcdef";
	assert_int_equal(remind_text_build(&in, &msg), 0);
	assert_non_null(strstr(msg.body, "одно нажатие, без пароля):\n"
					 "  https://q.example.org/me/abcdef#item-12\n"));
	assert_non_null(strstr(msg.body, "\n  qweek done 7.2\n"));
	assert_non_null(strstr(msg.body, "не пересылайте"));
	assert_non_null(msg.html);
	assert_non_null(strstr(msg.html, "<html lang=\"ru\">"));
	assert_non_null(strstr(msg.html, "href=\"https://q.example.org/me/abcdef#item-12\""));
	assert_non_null(strstr(msg.html, ">Открыть и отметить</a>"));
	assert_non_null(strstr(msg.html, "Встреча &lt;родителей&gt; &amp; детей"));
	assert_null(strstr(msg.html, "<родителей>"));
	remind_msg_free(&msg);

	/* The director's copy: the item is not on her page, so no link. */
	in.kind = REMIND_MSG_COPY;
	assert_int_equal(remind_text_build(&in, &msg), 0);
	assert_null(strstr(msg.body, "/me/"));
	assert_null(msg.html);
	remind_msg_free(&msg);
}

static void test_build_html(void **state)
{
	struct smtp_mime m = { "nk@example.org", NULL, "a@example.org",	  "Срок", "Текст\n",
			       1510646400,	 0,    "<2@example.org>", NULL,	  "<p>HTML</p>\n" };
	size_t len;
	char *msg = smtp_mime_build(&m, &len), *b, boundary[80], delim[160];

	assert_non_null(msg);
	const char *head = "Content-Type: multipart/alternative; boundary=\"";

	assert_non_null(b = strstr(msg, head));
	assert_int_equal(sscanf(b + strlen(head), "%79[^\"]", boundary), 1);
	snprintf(delim, sizeof delim, "\r\n--%s\r\nContent-Type: text/plain; charset=utf-8",
		 boundary);
	assert_non_null(b = strstr(msg, delim));
	snprintf(delim, sizeof delim, "\r\n--%s\r\nContent-Type: text/html; charset=utf-8",
		 boundary);
	assert_non_null(strstr(b, delim));
	snprintf(delim, sizeof delim, "\r\n--%s--\r\n", boundary);
	assert_non_null(strstr(msg, delim));
	assert_true(strlen(msg) == len && msg[len - 1] == '\n');
	free(msg);
}

static void test_done_command(void **state)
{
	char buf[64];

	remind_text_done_command("7.2", "nk-2017", 0, buf, sizeof buf);
	assert_string_equal(buf, "qweek done 7.2");
	remind_text_done_command("@12", "nk-2017", 1, buf, sizeof buf);
	assert_string_equal(buf, "qweek --plan nk-2017 done @12");
	remind_text_done_command("7 а", "nk-2017", 0, buf, sizeof buf);
	assert_string_equal(buf, "qweek done '7 а'");
	remind_text_done_command("it's", "nk-2017", 0, buf, sizeof buf);
	assert_string_equal(buf, "qweek done 'it'\\''s'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64),	cmocka_unit_test(test_header_text),
		cmocka_unit_test(test_address), cmocka_unit_test(test_date),
		cmocka_unit_test(test_build),	cmocka_unit_test(test_build_html),
		cmocka_unit_test(test_text),	cmocka_unit_test(test_done_command),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
