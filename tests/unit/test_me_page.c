/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/evp.h>

#include "core/secret.h"
#include "report/me_page.h"
#include "store/changes.h"
#include "store/db.h"
#include "store/link_store.h"
#include "store/store.h"
#include "db_fixture.h"
#include "time/tz.h"

/*
 * A person's page without a daemon: which items it shows and where, the page as rendered (its
 * anchors, forms, escaping, the CSP that matches its style sheet), the change bound to an item's
 * version, and the kept rendering.
 */

#define NOW 1510635600 /* 2017-11-14T05:00:00Z: Tuesday 12:00 in Krasnoyarsk */
#define H   3600

enum { LATE, TODAY, GROUP, DONE, CANCELLED, OTHERS, NITEMS };

struct fixture {
	char dir[64], path[96];
	struct db *db;
	struct plan plan;
	int64_t a, b, c, group, items[NITEMS];
};

static int64_t add(struct fixture *f, const char *label, const char *title, const char *start,
		   int64_t at, int64_t late, const int64_t *who, size_t nwho)
{
	struct error err = ERROR_INIT;
	struct moment m = { .kind = "event", .at = at, .late_after = late };
	struct item_change c = { .title = title,
				 .when_text = "test",
				 .moment = &m,
				 .has_who = 1,
				 .who = who,
				 .nwho = nwho,
				 .label = label,
				 .place = "Кабинет 12" };
	int64_t id;

	snprintf(m.start, sizeof m.start, "%s", start);
	assert_int_equal(store_item_insert(f->db, f->plan.id, &c, NOW - 100 * H, &id, &err), 0);
	return id;
}

static int64_t person(struct fixture *f, const char *name, const char *kind)
{
	struct error err = ERROR_INIT;
	int64_t id;

	assert_int_equal(
		store_person_insert(f->db, f->plan.id, name, kind, NULL, NULL, NOW, &id, &err), 0);
	return id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err = ERROR_INIT;
	int64_t ab[2];

	strcpy(f->dir, "/tmp/qweek-me-XXXXXX");
	f->db = db_fixture_open(f->dir, f->path, sizeof f->path);
	db_fixture_plan(&f->plan, "Неделя качества", "");
	assert_int_equal(store_plan_insert(f->db, &f->plan, NOW - 200 * H, &err), 0);
	f->a = person(f, "Иванова А. П.", "person");
	f->b = person(f, "Петров С. И.", "person");
	f->c = person(f, "Сидорова", "person");
	f->group = person(f, "Психологи", "group");
	assert_int_equal(store_member_add(f->db, f->group, f->a, &err), 0);
	assert_int_equal(store_member_add(f->db, f->group, f->b, &err), 0);
	ab[0] = f->a;
	ab[1] = f->b;
	/* 13.11 10:00, late from the end of that day (13.11 17:00Z): 12 hours late at NOW. */
	f->items[LATE] = add(f, "2", "Открытое занятие", "2017-11-13T03:00:00Z", NOW - 26 * H,
			     NOW - 12 * H, &f->a, 1);
	f->items[TODAY] = add(f, "3", "Консультация & <b>вопросы</b>", "2017-11-14T08:00:00Z",
			      NOW + 3 * H, NOW + 12 * H, ab, 2);
	f->items[GROUP] = add(f, "4", "Тренинг", "2017-11-16T02:00:00Z", NOW + 45 * H, NOW + 60 * H,
			      &f->group, 1);
	f->items[DONE] = add(f, "1", "Анкетирование", "2017-11-08T02:00:00Z", NOW - 140 * H,
			     NOW + 60 * H, &f->group, 1);
	f->items[CANCELLED] = add(f, "5", "Отменённое", "2017-11-15T02:00:00Z", NOW + 21 * H,
				  NOW + 36 * H, &f->a, 1);
	f->items[OTHERS] =
		add(f, "6", "Чужое", "2017-11-14T09:00:00Z", NOW + 4 * H, NOW + 12 * H, &f->c, 1);
	assert_int_equal(store_item_set_state(f->db, f->items[DONE], "done", "120 анкет",
					      "Петров С. И.", NOW - 2 * H, &err),
			 0);
	assert_int_equal(store_item_set_state(f->db, f->items[CANCELLED], "cancelled", NULL, NULL,
					      NOW - H, &err),
			 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	me_page_cache_free();
	db_fixture_close(f->db, &f->plan, f->dir);
	free(f);
	return 0;
}

static const struct me_item *find(const struct me_view *v, int64_t id)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i].r.id == id)
			return &v->items[i];
	return NULL;
}

static void test_sections(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct me_view *v = me_view_load(f->db, f->plan.id, f->a, NOW, &err);

	assert_non_null(v);
	assert_string_equal(v->person, "Иванова А. П.");
	assert_int_equal(v->n, 4); /* not the cancelled one, not Сидорова's */
	assert_null(find(v, f->items[CANCELLED]));
	assert_null(find(v, f->items[OTHERS]));
	assert_int_equal(find(v, f->items[LATE])->section, ME_OVERDUE);
	assert_int_equal(find(v, f->items[TODAY])->section, ME_TODAY);
	assert_int_equal(find(v, f->items[GROUP])->section, ME_COMING);
	assert_int_equal(find(v, f->items[DONE])->section, ME_DONE);
	assert_int_equal(v->count[ME_OVERDUE] + v->count[ME_TODAY] + v->count[ME_COMING], 3);
	/* In the order of the page. */
	assert_int_equal(v->items[0].r.id, f->items[LATE]);
	assert_int_equal(v->items[3].r.id, f->items[DONE]);
	/* Who else: the other person, or the group; never the page's own person. */
	assert_string_equal(find(v, f->items[TODAY])->others, "Петров С. И.");
	assert_string_equal(find(v, f->items[GROUP])->others, "Психологи");
	assert_string_equal(find(v, f->items[LATE])->others, "");
	me_view_free(v);
	/* 13 hours on (01:00 on the 15th) the consultation of the 14th is overdue. */
	v = me_view_load(f->db, f->plan.id, f->a, NOW + 13 * H, &err);
	assert_int_equal(find(v, f->items[TODAY])->section, ME_OVERDUE);
	assert_int_equal(find(v, f->items[GROUP])->section, ME_COMING);
	me_view_free(v);
	/* Early on the 16th (04:00) the group's training at 09:00 that day is today's. */
	v = me_view_load(f->db, f->plan.id, f->b, NOW + 40 * H, &err);
	assert_int_equal(find(v, f->items[GROUP])->section, ME_TODAY);
	me_view_free(v);
}

/* The text between <style> and </style>, hashed as a CSP source. */
static void style_hash(const char *page, char *out, size_t len)
{
	const char *s = strstr(page, "<style>") + 7, *e = strstr(page, "</style>");
	unsigned char md[SECRET_HASH_LEN], b64[48];

	assert_int_equal(secret_sha256(s, (size_t)(e - s), md), 0);
	EVP_EncodeBlock(b64, md, SECRET_HASH_LEN);
	snprintf(out, len, "style-src 'sha256-%s'", (const char *)b64);
}

static void test_render(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct me_view *v = me_view_load(f->db, f->plan.id, f->a, NOW, &err);
	char want[200], anchor[64];
	struct buf b;

	buf_init(&b, 0);
	me_page_render(&b, v, "https://q.example.org/feeds/abc.ics");
	assert_non_null(strstr(b.data, "<html lang=\"ru\">"));
	assert_null(strstr(b.data, "<script"));
	for (int i = 0; i < NITEMS; i++) {
		snprintf(anchor, sizeof anchor, "id=\"item-%lld\"", (long long)f->items[i]);
		assert_true((strstr(b.data, anchor) != NULL) == (i <= DONE));
	}
	assert_non_null(strstr(b.data, "Консультация &amp; &lt;b&gt;вопросы&lt;/b&gt;"));
	assert_non_null(strstr(b.data, "<section id=\"overdue\" aria-labelledby=\"h-overdue\">"));
	assert_non_null(strstr(b.data, "Просрочено на 12 ч"));
	assert_non_null(strstr(b.data, "<p class=\"by\">Отметил(а): Петров С. И.</p>"));
	snprintf(want, sizeof want,
		 "name=\"item\" value=\"%lld\"><input type=\"hidden\" "
		 "name=\"seq\" value=\"0\">",
		 (long long)f->items[LATE]);
	assert_non_null(strstr(b.data, want));
	assert_non_null(strstr(b.data, "value=\"reopen\""));
	assert_non_null(strstr(b.data, "href=\"webcal://q.example.org/feeds/abc.ics\""));
	assert_non_null(strstr(b.data, "<svg class=\"qr\""));
	style_hash(b.data, want, sizeof want);
	assert_non_null(strstr(me_page_csp(), want));
	buf_free(&b);

	buf_init(&b, 0); /* no feed: says whom to ask, no QR */
	me_page_render(&b, v, NULL);
	assert_null(strstr(b.data, "<svg"));
	assert_non_null(strstr(b.data, "Календаря для вас пока нет"));
	buf_free(&b);
	me_view_free(v);

	buf_init(&b, 0);
	me_page_refusal(&b, "uk", "Нічого не змінено", "3. <i>x</i>", "a&b", "s?back=1#item-3");
	assert_non_null(strstr(b.data, "<html lang=\"uk\">"));
	assert_non_null(strstr(b.data, "3. &lt;i&gt;x&lt;/i&gt;"));
	assert_non_null(strstr(b.data, "<p>a&amp;b</p>"));
	assert_non_null(strstr(b.data, "href=\"s?back=1#item-3\">Повернутися до моїх заходів</a>"));
	style_hash(b.data, want, sizeof want);
	assert_non_null(strstr(me_page_csp(), want));
	buf_free(&b);
}

static void test_qr(void **state)
{
	struct buf b;
	int size = 0;

	(void)state;
	buf_init(&b, 0);
	me_page_qr(&b, "http://127.0.0.1:8437/feeds/abcdefghijklmnopqrstuvwxyz.ics", "QR <t>");
	assert_int_equal(sscanf(b.data,
				"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" "
				"viewBox=\"0 0 %d",
				&size),
			 1);
	/* Version 3 or 4 at level M for 55 bytes: 29 or 33 modules and 4 of quiet zone a side. */
	assert_true(size == 37 || size == 41);
	assert_non_null(strstr(b.data, "<title id=\"qr-title\">QR &lt;t&gt;</title>"));
	assert_non_null(strstr(b.data, "M4 4h7v1h-7z")); /* the finder's top edge */
	buf_free(&b);
}

static int get_seq(const struct item *it, void *arg)
{
	*(int64_t *)arg = it->seq;
	return 0;
}

static void test_move_at_version(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	int64_t id = f->items[LATE], seq = -1;

	assert_int_equal(store_item_get(f->db, f->plan.id, id, get_seq, &seq, &err), 0);
	assert_int_equal(seq, 0);
	assert_int_equal(store_item_set_state_seq(f->db, id, 0, "done", "пришли", "Иванова А. П.",
						  NOW, &err),
			 1);
	/* The same form again: the item is at version 1 now; nothing changes. */
	assert_int_equal(
		store_item_set_state_seq(f->db, id, 0, "done", "снова", "Петров С. И.", NOW, &err),
		0);
	assert_int_equal(store_item_get(f->db, f->plan.id, id, get_seq, &seq, &err), 0);
	assert_int_equal(seq, 1);
	assert_int_equal(store_item_set_state_seq(f->db, id, 1, "open", NULL, NULL, NOW, &err), 1);
	/* A cancelled item is not the page's to change, whatever its version. */
	assert_int_equal(store_item_set_state_seq(f->db, f->items[CANCELLED], 1, "done", NULL, "x",
						  NOW, &err),
			 0);
}

static void test_cache(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct rendered *a, *b, *c, *d, *e;

	a = me_page_cache_get(f->db, f->plan.id, f->a, "http://x/feeds/a.ics", NOW, &err);
	b = me_page_cache_get(f->db, f->plan.id, f->a, "http://x/feeds/a.ics", NOW + 59, &err);
	assert_non_null(a);
	assert_ptr_equal(a, b); /* the same minute, nothing changed: kept */
	c = me_page_cache_get(f->db, f->plan.id, f->a, "http://x/feeds/b.ics", NOW + 59, &err);
	assert_ptr_not_equal(b, c); /* another feed URL (rotated) */
	changes_notify(f->plan.id);
	d = me_page_cache_get(f->db, f->plan.id, f->a, "http://x/feeds/b.ics", NOW + 59, &err);
	assert_ptr_not_equal(c, d);	       /* the plan changed */
	assert_string_equal(c->etag, d->etag); /* to the same bytes */
	e = me_page_cache_get(f->db, f->plan.id, f->a, "http://x/feeds/b.ics", NOW + 60, &err);
	assert_ptr_not_equal(d, e);		   /* a new minute */
	assert_string_not_equal(d->etag, e->etag); /* "as of 12:01" */
	rendered_unref(a);
	rendered_unref(b);
	rendered_unref(c);
	rendered_unref(d);
	rendered_unref(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sections, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render, setup, teardown),
		cmocka_unit_test(test_qr),
		cmocka_unit_test_setup_teardown(test_move_at_version, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache, setup, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	secret_shutdown();
	tz_shutdown();
	return rc;
}
