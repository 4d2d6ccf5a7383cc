/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/i18n.h"
#include "report/report.h"
#include "core/report_buf.h"
#include "report/report_render.h"
#include "report/status_page.h"
#include "time/tz.h"

/* The director's view without a daemon: counting, escaping, words, and the rendered pages. */

#define NOW 1510635600 /* 2017-11-14T05:00:00Z: 12:00 in Krasnoyarsk */
#define H   3600

static struct item make_item(const char *state, int64_t at, int64_t late_after, int64_t done_at,
			     const char *who)
{
	struct item it = { .label = "1",
			   .title = "t",
			   .description = "",
			   .place = "",
			   .kind = "event",
			   .when_text = "",
			   .start_at = "",
			   .end_at = "",
			   .due_at = "",
			   .done_by = "",
			   .note = "",
			   .parent_label = "" };

	it.state = state;
	it.at = at;
	it.late_after = late_after;
	it.done_at = done_at;
	it.who = who;
	return it;
}

static void test_tally(void **state)
{
	struct report_tally t;
	struct item it;

	(void)state;
	report_tally_init(&t, NOW);
	it = make_item("done", NOW - 50 * H, NOW - 40 * H, NOW - 41 * H,
		       "A\x1f"
		       "B");
	assert_int_equal(report_tally_add(&t, &it), REPORT_DONE);
	it = make_item("done", NOW - 50 * H, NOW - 40 * H, NOW - 30 * H, "B");
	assert_int_equal(report_tally_add(&t, &it), REPORT_DONE);
	it = make_item("open", NOW - 20 * H, NOW - 12 * H, 0, "C");
	assert_int_equal(report_tally_add(&t, &it), REPORT_OVERDUE);
	it = make_item("open", NOW + 22 * H, NOW + 30 * H, 0, "A");
	assert_int_equal(report_tally_add(&t, &it), REPORT_SOON);
	it = make_item("open", NOW + 49 * H, NOW + 60 * H, 0, "");
	assert_int_equal(report_tally_add(&t, &it), REPORT_OPEN);
	it = make_item("cancelled", NOW, NOW + H, 0, "C");
	assert_int_equal(report_tally_add(&t, &it), REPORT_CANCELLED);
	/* Due exactly now is overdue (late_after <= now), as in the item's "overdue". */
	it = make_item("open", NOW - H, NOW, 0, "");
	assert_int_equal(report_tally_add(&t, &it), REPORT_OVERDUE);

	assert_int_equal(t.total, 7);
	assert_int_equal(t.done, 2);
	assert_int_equal(t.open, 4);
	assert_int_equal(t.overdue, 2);
	assert_int_equal(t.cancelled, 1);
	assert_int_equal(t.done_on_time, 1);
	assert_int_equal(t.done_late, 1);
	assert_int_equal(report_share_on_time(&t), 16); /* 1 of 6 not cancelled */
	assert_int_equal(t.npeople, 3);
	assert_string_equal(t.people[0].name, "A");
	assert_int_equal(t.people[0].total, 2);
	assert_int_equal(t.people[1].total, 2);
	assert_int_equal(t.people[1].done, 2);
	assert_string_equal(t.people[2].name, "C");
	assert_int_equal(t.people[2].total, 1); /* the cancelled item is not counted */
	assert_int_equal(t.people[2].overdue, 1);
	report_tally_free(&t);
}

static void test_escapes(void **state)
{
	struct buf b;
	size_t len;
	char *s;

	(void)state;
	buf_init(&b, 0);
	rbuf_html(&b, "<script>alert('1')</script> & \"x\"");
	buf_add_str(&b, "|");
	rbuf_csv(&b, "a,\"b\"");
	buf_add_str(&b, "|");
	rbuf_csv(&b, "=SUM(A1)");
	buf_add_str(&b, "|");
	rbuf_md(&b, "a|b\n<c>");
	s = buf_take(&b, &len);
	assert_string_equal(s, "&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt; &amp; "
			       "&quot;x&quot;|\"a,\"\"b\"\"\"|\"'=SUM(A1)\"|a\\|b \\<c\\>");
	assert_int_equal(len, strlen(s));
	free(s);
	buf_init(&b, 0);
	for (int i = 0; i < 5000; i++)
		buf_printf(&b, "%d,", i);
	assert_false(b.failed);
	assert_true(b.len > 20000);
	buf_free(&b);
}

static void test_words(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(i18n_days("ru", 1, buf, sizeof buf), "1 день");
	assert_string_equal(i18n_days("ru", 3, buf, sizeof buf), "3 дня");
	assert_string_equal(i18n_days("ru", 11, buf, sizeof buf), "11 дней");
	assert_string_equal(i18n_days("ru", 22, buf, sizeof buf), "22 дня");
	assert_string_equal(i18n_days("uk", 2, buf, sizeof buf), "2 дні");
	assert_string_equal(i18n_days("uk", 5, buf, sizeof buf), "5 днів");
	assert_string_equal(i18n_days("en", 1, buf, sizeof buf), "1 day");
	assert_string_equal(i18n_duration("ru", 38 * H, buf, sizeof buf), "1 день 14 ч");
	assert_string_equal(i18n_duration("uk", 12 * H, buf, sizeof buf), "12 год");
	assert_string_equal(i18n_duration("en", 48 * H, buf, sizeof buf), "2 days");
	assert_string_equal(i18n_duration("en", 59, buf, sizeof buf), "1 min");
	assert_string_equal(i18n("uk", W_OVERDUE), "Прострочено");
	assert_string_equal(i18n("xx", W_OVERDUE), "Просрочено");
	assert_string_equal(i18n_weekday("uk", 0), "Нд");
}

/* A two-item report by hand: one late done, one overdue with a hostile title. */
static struct report *make_report(void)
{
	struct report *r = calloc(1, sizeof *r);
	struct plan *p = calloc(1, sizeof *p);
	struct item a = make_item("done", NOW - 50 * H, NOW - 40 * H, NOW - 2 * H, "Иванова");
	struct item b = make_item("open", NOW - 20 * H, NOW - 12 * H, 0,
				  "Петров\x1f"
				  "Директор");
	struct item *its[2] = { &a, &b };

	p->slug = strdup("nedelya");
	p->title = strdup("Неделя <качества>");
	p->org = strdup("");
	p->tz = strdup("Asia/Krasnoyarsk");
	p->lang = strdup("ru");
	strcpy(p->first_day, "2017-11-08");
	strcpy(p->last_day, "2017-11-15");
	a.start_at = "2017-11-12T03:00:00Z";
	a.note = "Пришли <12> родителей";
	b.label = "2";
	b.title = "<script>alert(1)</script>";
	b.start_at = "2017-11-13T08:00:00Z";
	r->plan = p;
	report_tally_init(&r->tally, NOW);
	r->items = calloc(2, sizeof *r->items);
	for (int i = 0; i < 2; i++) {
		struct report_item *d = &r->items[i];
		d->id = i + 1;
		d->at = its[i]->at;
		d->late_after = its[i]->late_after;
		d->done_at = its[i]->done_at;
		d->label = strdup(its[i]->label);
		d->title = strdup(its[i]->title);
		d->kind = strdup("event");
		d->start_at = strdup(its[i]->start_at);
		d->end_at = strdup("");
		d->due_at = strdup("");
		d->state = strdup(its[i]->state);
		d->done_by = strdup("director");
		d->note = strdup(its[i]->note);
		d->who = strdup(i ? "Петров, Директор" : "Иванова");
		d->place = strdup("");
		report_local_day(d->at, p->tz, d->day);
		d->mark = report_tally_add(&r->tally, its[i]);
	}
	r->nitems = r->cap = 2;
	return r;
}

static char *render(const struct report *r, int page, enum report_format f)
{
	struct buf b;
	size_t len;

	buf_init(&b, 0);
	if (page)
		status_page_render(&b, r);
	else
		report_render(&b, r, f);
	return buf_take(&b, &len);
}

static void test_rendered(void **state)
{
	struct report *r = make_report();
	char *page = render(r, 1, REPORT_HTML), *html = render(r, 0, REPORT_HTML);
	char *md = render(r, 0, REPORT_MD), *csv = render(r, 0, REPORT_CSV), when[64];

	(void)state;
	assert_string_equal(report_when(&r->items[1], "Asia/Krasnoyarsk", "ru", when, sizeof when),
			    "13.11.2017 15:00");
	for (int i = 0; i < 2; i++) {
		const char *s = i ? html : page;
		assert_null(strstr(s, "<script>"));
		assert_non_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;"));
		assert_non_null(strstr(s, "Неделя &lt;качества&gt;"));
		assert_non_null(strstr(s, "Пришли &lt;12&gt; родителей"));
	}
	assert_non_null(strstr(page, "id=\"count-overdue\" data-count=\"1\""));
	assert_non_null(strstr(page, "<meta http-equiv=\"refresh\" content=\"300\">"));
	assert_non_null(strstr(page, "data-day=\"2017-11-15\""));
	assert_non_null(strstr(html, "@media print"));
	/* The share with its base, the same words in each (nothing cancelled here). */
	assert_non_null(strstr(page, "<b id=\"share\">1 из 2 запланированных, 50 %</b>"));
	assert_non_null(strstr(html, "<p id=\"share\">1 из 2 запланированных, 50 %</p>"));
	assert_non_null(strstr(md, "\n1 из 2 запланированных, 50 %\n"));
	assert_non_null(strstr(md, "| 1 | t | 12.11.2017 10:00 | Иванова | "
				   "14.11.2017 10:00, director | с опозданием на 1 день 14 ч | "
				   "Пришли \\<12\\> родителей |"));
	assert_non_null(strstr(md, "не выполнено (просрочено на 12 ч)"));
	/* As a Russian Excel opens it: a BOM, ';' between cells (issue 14). */
	assert_memory_equal(csv, "\xef\xbb\xbf", 3);
	assert_non_null(strstr(csv, "2;<script>alert(1)</script>;13.11.2017 15:00;"
				    "\"Петров, Директор\";;"));
	free(page);
	free(html);
	free(md);
	free(csv);
	report_free(r);
}

/* A month deadline reads as the month, in the plan's language: not "до 11.2026" (issue 14). */
static void test_month_deadline(void **state)
{
	struct report_item it = {
		.kind = "deadline", .start_at = "", .end_at = "", .due_at = "2026-11"
	};
	char when[64];

	(void)state;
	assert_string_equal(report_when(&it, "Europe/Kyiv", "uk", when, sizeof when),
			    "листопад 2026");
	assert_string_equal(report_when(&it, "Europe/Kyiv", "ru", when, sizeof when),
			    "ноябрь 2026");
	assert_string_equal(report_when(&it, "Europe/Kyiv", "en", when, sizeof when),
			    "November 2026");
	it.due_at = "2026-11-24";
	assert_string_equal(report_when(&it, "Europe/Kyiv", "ru", when, sizeof when),
			    "до 24.11.2026");
}

/* The done share says its base in every language, and the cancelled only when there are some
 * (issue 14: "TOTAL 21" next to "5 of 16" did not visibly add up). */
static void test_share_text(void **state)
{
	struct report_tally t = { .total = 21, .done = 5, .open = 11, .cancelled = 5 };
	char buf[160];

	(void)state;
	assert_string_equal(report_share_text("ru", &t, buf, sizeof buf),
			    "5 из 16 запланированных, 31 %; 5 отменено");
	assert_string_equal(report_share_text("uk", &t, buf, sizeof buf),
			    "5 з 16 запланованих, 31 %; 5 скасовано");
	assert_string_equal(report_share_text("en", &t, buf, sizeof buf),
			    "5 of 16 planned, 31 %; 5 cancelled");
	t.total = 16;
	t.cancelled = 0;
	assert_string_equal(report_share_text("uk", &t, buf, sizeof buf),
			    "5 з 16 запланованих, 31 %");
	t = (struct report_tally){ .total = 2, .cancelled = 2 };
	assert_string_equal(report_share_text("en", &t, buf, sizeof buf),
			    "0 of 0 planned, 0 %; 2 cancelled");
	/* Cut short, still a string. */
	t = (struct report_tally){ .total = 21, .done = 5, .cancelled = 5 };
	assert_string_equal(report_share_text("en", &t, buf, 10), "5 of 16 p");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tally),	       cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_words),	       cmocka_unit_test(test_rendered),
		cmocka_unit_test(test_month_deadline), cmocka_unit_test(test_share_text),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	tz_shutdown();
	return rc;
}
