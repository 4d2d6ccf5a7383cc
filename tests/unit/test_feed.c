/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "store/db.h"
#include "feed/feed_cache.h"
#include "core/feed_fold.h"
#include "feed/feed_render.h"
#include "core/feed_secret.h"
#include "core/link_key.h"
#include "feed/feed_vtimezone.h"
#include "store/remind_store.h"
#include "core/rules.h"
#include "store/store.h"
#include "db_fixture.h"
#include "time/tz.h"
#include "utf8.h"

/* Feeds: folding and escaping, the VTIMEZONE, secrets, rendering parsed back with libical. */

/* ---- helpers ------------------------------------------------------------------------------ */

/* Every physical line of TEXT: CRLF-ended, at most 75 octets, valid UTF-8 on its own. */
static void assert_lines_ok(const char *text, size_t len)
{
	const char *s = text, *end = text + len;

	while (s < end) {
		const char *crlf = strstr(s, "\r\n");
		assert_non_null(crlf);
		assert_true(crlf - s <= FEED_LINE_MAX);
		assert_true(utf8_valid(s, (size_t)(crlf - s)));
		for (const char *p = s; p < crlf; p++)
			assert_true(*p != '\n' && *p != '\r');
		s = crlf + 2;
	}
}

/* TEXT with folds undone (CRLF + space removed), malloc'd. */
static char *unfold(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;

	for (const char *s = text; *s != '\0'; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
			s += 2;
			continue;
		}
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

static int count_of(const char *text, const char *what)
{
	int n = 0;

	for (const char *s = strstr(text, what); s != NULL; s = strstr(s + 1, what))
		n++;
	return n;
}

static char *line_of(const char *name, const char *text, int escape)
{
	struct feed_buf b;
	char *out;

	feed_buf_init(&b, 16);
	if (escape)
		feed_line_text(&b, name, text);
	else
		feed_line(&b, name, text);
	feed_buf_raw(&b, "", 1);
	assert_false(b.buf.failed);
	assert_lines_ok(b.buf.data, b.buf.len - 1);
	out = unfold(b.buf.data);
	feed_buf_free(&b);
	return out;
}

/* ---- folding and escaping ----------------------------------------------------------------- */

static void test_fold_ascii(void **state)
{
	char text[301], want[320], *got;

	(void)state;
	for (int i = 0; i < 300; i++)
		text[i] = (char)('a' + i % 26);
	text[300] = '\0';
	snprintf(want, sizeof want, "SUMMARY:%s\r\n", text);
	got = line_of("SUMMARY", text, 0);
	assert_string_equal(got, want);
	free(got);
}

static void test_fold_between_utf8_characters(void **state)
{
	/* 2-, 3- and 4-byte characters at every offset against the 75-octet limit. */
	static const char *const pieces[] = { "ж", "✓", "😀", "«ї»" };

	(void)state;
	for (size_t p = 0; p < 4; p++)
		for (int prefix = 0; prefix < 5; prefix++) {
			char text[1200] = "", want[1300], *got;
			for (int i = 0; i < prefix; i++)
				strcat(text, "x");
			for (int i = 0; i < 100; i++)
				strcat(text, pieces[p]);
			snprintf(want, sizeof want, "DESCRIPTION:%s\r\n", text);
			got = line_of("DESCRIPTION", text, 1);
			assert_string_equal(got, want);
			free(got);
		}
}

static void test_fold_exactly_75(void **state)
{
	struct feed_buf b;
	char text[80];

	(void)state;
	memset(text, 'a', 67); /* "SUMMARY:" is 8: 75 on one line */
	text[67] = '\0';
	feed_buf_init(&b, 16);
	feed_line(&b, "SUMMARY", text);
	assert_int_equal(b.buf.len, 77);
	feed_line(&b, "SUMMARY", "a");
	assert_lines_ok(b.buf.data, b.buf.len);
	feed_buf_free(&b);
	feed_buf_init(&b, 16);
	text[67] = 'b';
	text[68] = '\0'; /* 76: folds before the last character */
	feed_line(&b, "SUMMARY", text);
	assert_int_equal(b.buf.len, 75 + 2 + 1 + 1 + 2);
	assert_memory_equal(b.buf.data + 75, "\r\n b\r\n", 6);
	feed_buf_free(&b);
}

static void test_escape_text(void **state)
{
	char *got;

	(void)state;
	got = line_of("LOCATION", "a,b;c\\d\ne\r\nf\x01g\th", 1);
	assert_string_equal(got, "LOCATION:a\\,b\\;c\\\\d\\ne\\nf"
				 "g\th\r\n");
	free(got);
}

static void test_escape_never_split(void **state)
{
	/* Put each escape across the fold: "\\," must stay together on one line. */
	(void)state;
	for (int n = 60; n < 80; n++) {
		struct feed_buf b;
		char text[100];

		memset(text, 'a', (size_t)n);
		strcpy(text + n, ",,,;;;\\\\");
		feed_buf_init(&b, 16);
		feed_line_text(&b, "X", text);
		feed_buf_raw(&b, "", 1);
		assert_lines_ok(b.buf.data, b.buf.len - 1);
		for (char *s = strstr(b.buf.data, "\r\n "); s != NULL; s = strstr(s + 1, "\r\n "))
			assert_true(s[-1] != '\\' || s[-2] == '\\');
		feed_buf_free(&b);
	}
}

/* ---- the VTIMEZONE ------------------------------------------------------------------------ */

static icalcomponent *parse_vtimezone(const struct feed_zone *z)
{
	size_t len;
	const char *text = feed_zone_text(z, &len);
	icalcomponent *c;

	assert_lines_ok(text, len);
	assert_null(strstr(text, "freeassociation"));
	assert_null(strstr(text, "X-LIC"));
	c = icalparser_parse_string(text);
	assert_non_null(c);
	assert_int_equal(icalcomponent_isa(c), ICAL_VTIMEZONE_COMPONENT);
	return c;
}

/* The VTIMEZONE C, read back by libical, gives the offsets the feed wrote times with (C is
 * taken and freed). */
static void assert_libical_agrees(const struct feed_zone *z, icalcomponent *c, int64_t from,
				  int64_t to)
{
	icaltimezone *tz = icaltimezone_new();

	assert_true(icaltimezone_set_component(tz, c));
	for (int64_t t = from; t < to; t += 3 * 3600) {
		icaltimezone *zutc = icaltimezone_get_utc_timezone();
		struct icaltimetype utc = icaltime_from_timet_with_zone((time_t)t, 0, zutc);
		struct civil_time w;
		int dst;

		feed_zone_wall(z, t, &w);
		assert_int_equal(
			icaltimezone_get_utc_offset_of_utc_time(tz, &utc, &dst),
			(int)(civil_secs(w.year, w.month, w.day, w.hour, w.minute, w.second) - t));
	}
	icaltimezone_free(tz, 1);
}

static void test_vtimezone_kyiv(void **state)
{
	const struct feed_zone *z = feed_zone_get("Europe/Kyiv", 2026, 2026);
	icalcomponent *c, *std, *day;
	size_t len;
	const char *text;

	(void)state;
	assert_non_null(z);
	text = feed_zone_text(z, &len);
	assert_non_null(strstr(text, "TZID:Europe/Kyiv\r\n"));
	c = parse_vtimezone(z);
	assert_int_equal(icalcomponent_count_components(c, ICAL_XSTANDARD_COMPONENT), 1);
	assert_int_equal(icalcomponent_count_components(c, ICAL_XDAYLIGHT_COMPONENT), 1);
	std = icalcomponent_get_first_component(c, ICAL_XSTANDARD_COMPONENT);
	day = icalcomponent_get_first_component(c, ICAL_XDAYLIGHT_COMPONENT);
	assert_int_equal(icalproperty_get_tzoffsetto(
				 icalcomponent_get_first_property(std, ICAL_TZOFFSETTO_PROPERTY)),
			 7200);
	assert_int_equal(icalproperty_get_tzoffsetto(
				 icalcomponent_get_first_property(day, ICAL_TZOFFSETTO_PROPERTY)),
			 10800);
	assert_non_null(icalcomponent_get_first_property(std, ICAL_RRULE_PROPERTY));
	assert_non_null(strstr(text, "BYDAY=-1SU;BYMONTH=10"));
	assert_non_null(strstr(text, "BYDAY=-1SU;BYMONTH=3"));
	assert_non_null(strstr(text, "TZNAME:EEST"));
	/* The end of DST, 25.10.2026 04:00 EEST = 01:00Z, and all of 2026 on either side. */
	assert_libical_agrees(z, c, civil_secs(2026, 1, 1, 0, 0, 0),
			      civil_secs(2027, 1, 1, 0, 0, 0));
}

static void test_vtimezone_krasnoyarsk(void **state)
{
	const struct feed_zone *z = feed_zone_get("Asia/Krasnoyarsk", 2016, 2017);
	icalcomponent *c;
	size_t len;
	const char *text;

	(void)state;
	assert_non_null(z);
	text = feed_zone_text(z, &len);
	c = parse_vtimezone(z);
	assert_int_equal(icalcomponent_count_components(c, ICAL_XDAYLIGHT_COMPONENT), 0);
	assert_int_equal(icalcomponent_count_components(c, ICAL_XSTANDARD_COMPONENT), 1);
	/* The observance in force since 26.10.2014, +08 -> +07; no LMT, nothing in 2038. */
	assert_non_null(strstr(text, "DTSTART:20141026T020000\r\n"));
	assert_non_null(strstr(text, "TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0700\r\n"));
	assert_null(strstr(text, "RRULE"));
	assert_null(strstr(text, "2038"));
	assert_libical_agrees(z, c, civil_secs(2016, 1, 1, 0, 0, 0),
			      civil_secs(2018, 1, 1, 0, 0, 0));
}

static void test_vtimezone_southern_and_abolished(void **state)
{
	const char *zones[] = { "Australia/Sydney", "America/Sao_Paulo", "America/New_York",
				"UTC" };

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		const struct feed_zone *z = feed_zone_get(zones[i], 2017, 2019);
		icalcomponent *c;

		assert_non_null(z);
		c = parse_vtimezone(z);
		assert_libical_agrees(z, c, civil_secs(2017, 1, 1, 0, 0, 0),
				      civil_secs(2020, 1, 1, 0, 0, 0));
	}
	assert_null(feed_zone_get("Mars/Olympus_Mons", 2017, 2017));
}

static void test_zone_wall_times(void **state)
{
	const struct feed_zone *z = feed_zone_get("Europe/Kyiv", 2026, 2026);
	struct civil_time w;
	int64_t t;

	(void)state;
	/* 03:30 on 25.10.2026 happens twice: the first (EEST) is meant, and it is ambiguous. */
	t = feed_zone_instant(z, 2026, 10, 25, 3, 30, 0);
	assert_int_equal(t, civil_secs(2026, 10, 25, 0, 30, 0));
	assert_true(feed_zone_ambiguous(z, t));
	assert_true(feed_zone_ambiguous(z, t + 3600));
	assert_false(feed_zone_ambiguous(z, feed_zone_instant(z, 2026, 10, 25, 2, 30, 0)));
	assert_false(feed_zone_ambiguous(z, feed_zone_instant(z, 2026, 10, 25, 4, 0, 0)));
	/* 03:30 on 29.03.2026 does not exist: read with the offset before, as RFC 5545 says. */
	assert_int_equal(feed_zone_instant(z, 2026, 3, 29, 3, 30, 0),
			 civil_secs(2026, 3, 29, 1, 30, 0));
	feed_zone_wall(z, civil_secs(2026, 10, 26, 8, 0, 0), &w);
	assert_int_equal(w.hour, 10);
	assert_int_equal(w.wday, 1);
}

/* ---- secrets ------------------------------------------------------------------------------ */

static void test_secrets(void **state)
{
	static const unsigned char salt[LINK_SALT_LEN] = "0123456789abcdef";
	char a[FEED_SECRET_LEN + 1], b[FEED_SECRET_LEN + 1], c[FEED_SECRET_LEN + 1], hex[65];
	char dir[] = "/tmp/qweek-key-XXXXXX", path[128], db[128], *cause = NULL;
	unsigned char h1[FEED_HASH_LEN], h2[FEED_HASH_LEN];
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/q.db", dir);
	assert_non_null(link_key_path_for(db, path, sizeof path));
	assert_string_equal(path + strlen(dir), "/q.key");
	assert_non_null(link_key_path_for("/x/plan.sqlite", db, sizeof db));
	assert_string_equal(db, "/x/plan.sqlite.key");
	link_key_forget();
	assert_int_equal(link_secret(salt, LINK_FEED, 1, 0, 1, a), -1); /* no key, no secret */
	assert_int_equal(link_key_load(path, 0, &cause), -1);		/* not there, not made */
	assert_non_null(cause);
	free(cause);
	assert_int_equal(link_key_load(path, 1, &cause), 0); /* made, 0600, 64 hex digits */
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, 65);
	assert_int_equal(link_secret(salt, LINK_FEED, 1, 0, 1, a), 0);
	assert_int_equal(strlen(a), FEED_SECRET_LEN);
	assert_true(feed_secret_wellformed(a, strlen(a)));
	/* The same link and generation: the same secret, after the key is read back too. */
	link_key_forget();
	assert_int_equal(link_key_load(path, 1, &cause), 0);
	assert_int_equal(link_secret(salt, LINK_FEED, 1, 0, 1, b), 0);
	assert_string_equal(a, b);
	/* Another generation, kind, person or salt: another secret. */
	assert_int_equal(link_secret(salt, LINK_FEED, 1, 0, 2, c), 0);
	assert_string_not_equal(a, c);
	assert_int_equal(link_secret(salt, LINK_PAGE, 1, 0, 1, c), 0);
	assert_string_not_equal(a, c);
	assert_int_equal(link_secret(salt, LINK_FEED, 1, 7, 1, c), 0);
	assert_string_not_equal(a, c);
	assert_int_equal(
		link_secret((const unsigned char *)"fedcba9876543210", LINK_FEED, 1, 0, 1, c), 0);
	assert_string_not_equal(a, c);
	/* Another key file: another secret for the same link. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(link_key_load(path, 1, &cause), 0);
	assert_int_equal(link_secret(salt, LINK_FEED, 1, 0, 1, c), 0);
	assert_string_not_equal(a, c);
	/* A damaged key file is refused, not replaced. */
	assert_int_equal(truncate(path, 10), 0);
	assert_int_equal(link_key_load(path, 1, &cause), -1);
	assert_non_null(strstr(cause, "damaged"));
	free(cause);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	link_key_forget();

	assert_false(feed_secret_wellformed("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 26));
	assert_false(feed_secret_wellformed(a, strlen(a) - 1));
	assert_int_equal(feed_secret_hash(a, strlen(a), h1), 0);
	assert_int_equal(feed_secret_hash(a, strlen(a), h2), 0);
	assert_memory_equal(h1, h2, FEED_HASH_LEN);
	assert_int_equal(feed_secret_hash("abc", 3, h1), 0); /* FIPS 180-2's example */
	for (int i = 0; i < FEED_HASH_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02x", h1[i]);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
}

/* ---- rendering ---------------------------------------------------------------------------- */

struct fixture {
	char dir[64], path[96];
	struct db *db;
	struct plan plan;
	int64_t person, items[8];
};

static int64_t add_item(struct fixture *f, const char *title, const char *kind, const char *start,
			const char *end, const char *due, int64_t at, int64_t late, int64_t now)
{
	struct error err = ERROR_INIT;
	struct moment m = { .kind = kind, .at = at, .late_after = late };
	struct item_change c = { .title = title,
				 .when_text = "test",
				 .moment = &m,
				 .has_who = 1,
				 .who = &f->person,
				 .nwho = 1,
				 .label = "7.1",
				 .place = "Кабинет 12, 2-й этаж" };
	int64_t id;

	snprintf(m.start, sizeof m.start, "%s", start);
	snprintf(m.end, sizeof m.end, "%s", end);
	snprintf(m.due, sizeof m.due, "%s", due);
	assert_int_equal(store_item_insert(f->db, f->plan.id, &c, now, &id, &err), 0);
	return id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err = ERROR_INIT;

	strcpy(f->dir, "/tmp/qweek-feed-XXXXXX");
	f->db = db_fixture_open(f->dir, f->path, sizeof f->path);
	db_fixture_plan(&f->plan, "Неделя качества социальных услуг 2017",
			"МБУ СО «ЦСПСиД «Надежда»");
	assert_int_equal(store_plan_insert(f->db, &f->plan, 1509000000, &err), 0);
	assert_int_equal(store_person_insert(f->db, f->plan.id, "Иванова А. П.", "person", NULL,
					     NULL, 1509000000, &f->person, &err),
			 0);
	/* 14.11 в 15.00 (08:00Z); 08.11-15.11; до 24.11; декабрь 2017; до 20.11 18:00 (11:00Z) */
	f->items[0] = add_item(f, "Мастер-класс «Подарки своими руками», для детей; с ОВЗ", "event",
			       "2017-11-14T08:00:00Z", "", "", 1510646400, 1510678800, 1509100000);
	f->items[1] = add_item(f, "Анкетирование получателей социальных услуг", "span",
			       "2017-11-08", "2017-11-15", "", 1510074000, 1510765200, 1509100000);
	f->items[2] = add_item(f, "Подготовка аналитической справки", "deadline", "", "",
			       "2017-11-24", 1511542800, 1511542800, 1509100000);
	f->items[3] = add_item(f, "Поощрение лучших работников", "deadline", "", "", "2017-12",
			       1514739600, 1514739600, 1509100000);
	f->items[4] = add_item(f, "Отчёт", "deadline", "", "", "2017-11-20T11:00:00Z", 1511175600,
			       1511175600, 1509100000);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	feed_cache_free();
	db_fixture_close(f->db, &f->plan, f->dir);
	free(f);
	return 0;
}

static struct feed_text render(struct fixture *f, enum feed_todo todo, int alarms, int64_t now)
{
	struct feed_spec s = { f->plan.id, 0, todo, alarms };
	struct error err = ERROR_INIT;
	struct feed_text t;

	assert_int_equal(feed_render(f->db, &s, "example.org", now, 0, &t, &err), 0);
	assert_lines_ok(t.ics, t.len);
	return t;
}

/* The value of property NAME (with its parameters) of component UID, from the unfolded text. */
static char *prop_of(const char *ics, const char *uid, const char *name)
{
	char *text = unfold(ics), key[128], *s, *e, *out;

	snprintf(key, sizeof key, "UID:%s\r\n", uid);
	s = strstr(text, key);
	assert_non_null(s);
	e = strstr(s, "\r\nEND:V");
	snprintf(key, sizeof key, "\r\n%s", name);
	s = strstr(s - 20, key);
	assert_true(s != NULL && s < e);
	s += 2;
	out = strndup(s, strcspn(s, "\r"));
	free(text);
	return out;
}

static void test_render_parses(void **state)
{
	struct fixture *f = *state;
	struct feed_text t = render(f, FEED_TODO_BOTH, 1, 1510000000);
	icalcomponent *cal = icalparser_parse_string(t.ics);
	char uid[64], *v;

	assert_non_null(cal);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 5);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT), 3);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1);
	assert_int_equal(t.nevents, 5);
	assert_int_equal(t.ntodos, 3);
	icalcomponent_free(cal);

	snprintf(uid, sizeof uid, "qweek-item-%lld@example.org", (long long)f->items[0]);
	v = prop_of(t.ics, uid, "DTSTART");
	assert_string_equal(v, "DTSTART;TZID=Asia/Krasnoyarsk:20171114T150000");
	free(v);
	v = prop_of(t.ics, uid, "DTEND"); /* no end: an hour */
	assert_string_equal(v, "DTEND;TZID=Asia/Krasnoyarsk:20171114T160000");
	free(v);
	v = prop_of(t.ics, uid, "DTSTAMP"); /* the item's `updated`, never now */
	assert_string_equal(v, "DTSTAMP:20171027T102640Z");
	free(v);
	v = prop_of(t.ics, uid, "SUMMARY");
	assert_string_equal(v, "SUMMARY:Мастер-класс «Подарки своими руками»\\, "
			       "для детей\\; с ОВЗ");
	free(v);
	snprintf(uid, sizeof uid, "qweek-item-%lld@example.org", (long long)f->items[1]);
	v = prop_of(t.ics, uid, "DTEND"); /* a span's last day, exclusive */
	assert_string_equal(v, "DTEND;VALUE=DATE:20171116");
	free(v);
	snprintf(uid, sizeof uid, "qweek-item-%lld-due@example.org", (long long)f->items[3]);
	v = prop_of(t.ics, uid, "DTSTART"); /* a month: its last day */
	assert_string_equal(v, "DTSTART;VALUE=DATE:20171231");
	free(v);
	v = prop_of(t.ics, uid, "SUMMARY");
	assert_string_equal(v, "SUMMARY:Срок: Поощрение лучших работников");
	free(v);
	snprintf(uid, sizeof uid, "qweek-item-%lld@example.org", (long long)f->items[4]);
	v = prop_of(t.ics, uid, "DUE");
	assert_string_equal(v, "DUE;TZID=Asia/Krasnoyarsk:20171120T180000");
	free(v);
	free(t.ics);
}

static void test_render_alarms(void **state)
{
	struct fixture *f = *state;
	struct feed_text t = render(f, FEED_TODO_BOTH, 1, 1510000000);
	struct feed_text none = render(f, FEED_TODO_BOTH, 0, 1510000000);
	char *text = unfold(t.ics);

	assert_null(strstr(none.ics, "VALARM"));
	/* A timed event: the day before at the same time, an hour before. */
	assert_non_null(strstr(text, "TRIGGER:-P1D\r\n"));
	assert_non_null(strstr(text, "TRIGGER:-PT1H\r\n"));
	/* A whole-day span: 09:00 the day before its first day; no "1h". */
	assert_non_null(strstr(text, "TRIGGER:-PT15H\r\n"));
	/* A day's deadline: 09:00 three days and one day before, and on the day. */
	assert_non_null(strstr(text, "TRIGGER;RELATED=END:-P2DT15H\r\n"));
	assert_non_null(strstr(text, "TRIGGER;RELATED=END:-PT15H\r\n"));
	assert_non_null(strstr(text, "TRIGGER:PT9H\r\n"));
	/* A deadline at 18:00: three days and a day before at 18:00, and 09:00 that day. */
	assert_non_null(strstr(text, "TRIGGER;RELATED=END:-P3D\r\n"));
	assert_non_null(strstr(text, "TRIGGER;RELATED=END:-PT9H\r\n"));
	assert_int_equal(count_of(t.ics, "BEGIN:VALARM"), 2 + 1 + 3 * 3 * 2);
	free(text);
	free(t.ics);
	free(none.ics);
}

static void test_render_stable_and_cancelled(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct feed_text a = render(f, FEED_TODO_BOTH, 1, 1510000000);
	struct feed_text b = render(f, FEED_TODO_BOTH, 1, 1520000000);
	struct feed_text c, d;
	int64_t cancelled = 1510300000;

	assert_int_equal(a.len, b.len); /* time passing changes nothing */
	assert_memory_equal(a.ics, b.ics, a.len);
	assert_int_equal(a.expires, 0);
	assert_int_equal(
		store_item_set_state(f->db, f->items[0], "cancelled", NULL, NULL, cancelled, &err),
		0);
	c = render(f, FEED_TODO_BOTH, 1, cancelled + 1);
	assert_non_null(strstr(c.ics, "SUMMARY:✗ Мастер-класс"));
	assert_non_null(strstr(c.ics, "STATUS:CANCELLED"));
	assert_int_equal(count_of(c.ics, "\r\nX-QWEEK-CANCELLED:20171110T074640Z\r\n"), 1);
	assert_int_equal(count_of(c.ics, "\r\nX-QWEEK-DONE"), 0);
	assert_int_equal(c.expires, cancelled + FEED_CANCELLED_KEEP);
	d = render(f, FEED_TODO_BOTH, 1, cancelled + FEED_CANCELLED_KEEP);
	assert_null(strstr(d.ics, "Мастер-класс"));
	assert_int_equal(d.nevents, 4);
	assert_true(d.modified >= cancelled + FEED_CANCELLED_KEEP);
	free(a.ics);
	free(b.ics);
	free(c.ics);
	free(d.ics);
}

static void test_render_done_and_todo_modes(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct feed_text only, none, done;
	char uid[64], *v;

	only = render(f, FEED_TODO_ONLY, 1, 1510000000);
	none = render(f, FEED_TODO_NONE, 1, 1510000000);
	assert_int_equal(only.nevents, 2);
	assert_int_equal(only.ntodos, 3);
	assert_int_equal(none.nevents, 5);
	assert_int_equal(none.ntodos, 0);
	assert_int_equal(store_item_set_state(f->db, f->items[2], "done", "Отчёт сдан, в срок",
					      "zam", 1511000000, &err),
			 0);
	done = render(f, FEED_TODO_BOTH, 1, 1511000001);
	snprintf(uid, sizeof uid, "qweek-item-%lld@example.org", (long long)f->items[2]);
	v = prop_of(done.ics, uid, "STATUS");
	assert_string_equal(v, "STATUS:COMPLETED");
	free(v);
	v = prop_of(done.ics, uid, "SEQUENCE");
	assert_string_equal(v, "SEQUENCE:1");
	free(v);
	/* For the import: when, by whom and the note, exactly, in both of the deadline's. */
	v = prop_of(done.ics, uid, "X-QWEEK-DONE:");
	assert_string_equal(v, "X-QWEEK-DONE:20171118T101320Z");
	free(v);
	v = prop_of(done.ics, uid, "X-QWEEK-DONE-BY");
	assert_string_equal(v, "X-QWEEK-DONE-BY:zam");
	free(v);
	v = prop_of(done.ics, uid, "X-QWEEK-NOTE");
	assert_string_equal(v, "X-QWEEK-NOTE:Отчёт сдан\\, в срок");
	free(v);
	snprintf(uid, sizeof uid, "qweek-item-%lld-due@example.org", (long long)f->items[2]);
	v = prop_of(done.ics, uid, "SUMMARY");
	assert_string_equal(v, "SUMMARY:✓ Срок: Подготовка аналитической справки");
	free(v);
	v = prop_of(done.ics, uid, "X-QWEEK-DONE:");
	assert_string_equal(v, "X-QWEEK-DONE:20171118T101320Z");
	free(v);
	assert_int_equal(count_of(done.ics, "\r\nX-QWEEK-DONE-BY:zam\r\n"), 2);
	assert_int_equal(count_of(done.ics, "\r\nX-QWEEK-CANCELLED"), 0);
	assert_int_equal(count_of(none.ics, "\r\nX-QWEEK-NOTE"), 0); /* open, no note */
	free(only.ics);
	free(none.ics);
	free(done.ics);
}

static void test_cache(void **state)
{
	struct fixture *f = *state;
	struct feed_spec s = { f->plan.id, 0, FEED_TODO_BOTH, 1 };
	struct error err = ERROR_INIT;
	struct rendered *a, *b, *c;
	char etag[RENDERED_ETAG_MAX];
	size_t gzlen;

	a = feed_cache_get(f->db, &s, "example.org", 1510000000, &err);
	b = feed_cache_get(f->db, &s, "example.org", 1510000001, &err);
	assert_non_null(a);
	assert_ptr_equal(a, b); /* nothing changed: not rendered again */
	assert_non_null(rendered_gzip(a, &gzlen));
	assert_true(gzlen > 0 && gzlen < a->len);
	snprintf(etag, sizeof etag, "%s", a->etag);
	feed_cache_changed(f->plan.id);
	c = feed_cache_get(f->db, &s, "example.org", 1510000002, &err);
	assert_non_null(c);
	assert_ptr_not_equal(a, c);
	assert_string_equal(c->etag, etag); /* same bytes: same ETag, same Last-Modified */
	assert_int_equal(c->modified, a->modified);
	rendered_unref(a);
	rendered_unref(b);
	rendered_unref(c);
	c = feed_cache_get(f->db, &s, "other.example", 1510000003, &err);
	assert_string_not_equal(c->etag, etag); /* other UIDs */
	rendered_unref(c);
}

/* What makes an export import back exactly: the parent's UID and the WHEN as typed. */
static void test_render_parent_and_when(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct item_change c = { .has_parent = 1, .parent_id = f->items[1] };
	struct feed_text t;
	char uid[64], want[96], *v;

	assert_int_equal(store_item_update(f->db, f->items[0], &c, 1509200000, &err), 0);
	t = render(f, FEED_TODO_BOTH, 1, 1510000000);
	snprintf(uid, sizeof uid, "qweek-item-%lld@example.org", (long long)f->items[0]);
	v = prop_of(t.ics, uid, "RELATED-TO");
	snprintf(want, sizeof want, "RELATED-TO:qweek-item-%lld@example.org",
		 (long long)f->items[1]);
	assert_string_equal(v, want);
	free(v);
	/* "test" reads as no time: the WHEN written is one that reads back as the same. */
	v = prop_of(t.ics, uid, "X-QWEEK-WHEN");
	assert_string_equal(v, "X-QWEEK-WHEN:14.11.2017 15:00");
	free(v);
	/* Only a child names a parent; every component names its WHEN, the copies of deadlines too. */
	assert_int_equal(count_of(t.ics, "\r\nRELATED-TO:"), 1);
	assert_int_equal(count_of(t.ics, "\r\nX-QWEEK-WHEN:"), 5 + 3);
	assert_int_equal(count_of(t.ics, "\r\nX-QWEEK-WHEN:test\r\n"), 0);
	free(t.ics);
}

/* The WHEN as typed when it reads back the same; a deadline typed with --due as "17.11" not. */
static void test_render_when_reads_back(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct moment due = { .kind = "deadline", .at = 1510938000, .late_after = 1510938000 };
	struct moment event = { .kind = "event", .at = 1510646400, .late_after = 1510678800 };
	struct item_change typed = { .when_text = "14.11 в 15.00", .moment = &event };
	struct item_change bare = { .when_text = "17.11", .moment = &due };
	struct feed_text t;
	char uid[64], *v;

	snprintf(event.start, sizeof event.start, "2017-11-14T08:00:00Z");
	snprintf(due.due, sizeof due.due, "2017-11-17");
	assert_int_equal(store_item_update(f->db, f->items[0], &typed, 1509200000, &err), 0);
	assert_int_equal(store_item_update(f->db, f->items[2], &bare, 1509200000, &err), 0);
	t = render(f, FEED_TODO_BOTH, 0, 1510000000);
	snprintf(uid, sizeof uid, "qweek-item-%lld@example.org", (long long)f->items[0]);
	v = prop_of(t.ics, uid, "X-QWEEK-WHEN");
	assert_string_equal(v, "X-QWEEK-WHEN:14.11 в 15.00");
	free(v);
	snprintf(uid, sizeof uid, "qweek-item-%lld@example.org", (long long)f->items[2]);
	v = prop_of(t.ics, uid, "X-QWEEK-WHEN");
	assert_string_equal(v, "X-QWEEK-WHEN:до 17.11.2017");
	free(v);
	snprintf(uid, sizeof uid, "qweek-item-%lld-due@example.org", (long long)f->items[2]);
	v = prop_of(t.ics, uid, "X-QWEEK-WHEN");
	assert_string_equal(v, "X-QWEEK-WHEN:до 17.11.2017");
	free(v);
	free(t.ics);
}

/* The VALARMs of component UID: their TRIGGER lines, in order, joined by spaces. */
static char *triggers_of(const char *ics, const char *uid)
{
	char *text = unfold(ics), key[128], *s, *e, *out = calloc(1, 512);
	size_t used = 0;

	snprintf(key, sizeof key, "UID:%s\r\n", uid);
	assert_non_null(s = strstr(text, key));
	e = strstr(s, "\r\nEND:VEVENT");
	if (e == NULL || (strstr(s, "\r\nEND:VTODO") != NULL && strstr(s, "\r\nEND:VTODO") < e))
		e = strstr(s, "\r\nEND:VTODO");
	for (s = strstr(s, "TRIGGER"); s != NULL && s < e; s = strstr(s + 1, "TRIGGER")) {
		size_t n = strcspn(s, "\r");
		used += (size_t)snprintf(out + used, 512 - used, "%s%.*s", used ? " " : "", (int)n,
					 s);
	}
	free(text);
	return out;
}

static void assert_triggers(const char *ics, int64_t id, const char *suffix, const char *want)
{
	char uid[64], *got;

	snprintf(uid, sizeof uid, "qweek-item-%lld%s@example.org", (long long)id, suffix);
	got = triggers_of(ics, uid);
	assert_string_equal(got, want);
	free(got);
}

/* The plan's rules and an item's own, as `plan edit --remind` and `remind set` store them. */
static void test_render_edited_rules(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct feed_text t;

	t = render(f, FEED_TODO_BOTH, 1, 1510000000);
	assert_triggers(t.ics, f->items[0], "", "TRIGGER:-P1D TRIGGER:-PT1H");
	free(t.ics);
	assert_int_equal(remind_store_set_plan_rules(f->db, f->plan.id, REMIND_SEC_EVENTS,
						     "2d, 90m, 12:00", &err),
			 0);
	assert_int_equal(remind_store_set_plan_rules(f->db, f->plan.id, REMIND_SEC_DEADLINES,
						     "1w, 08:30", &err),
			 0);
	assert_int_equal(remind_store_set_item_rules(f->db, f->items[4], "", &err), 0);
	assert_int_equal(remind_store_set_item_rules(f->db, f->items[3], "2h", &err), 0);
	t = render(f, FEED_TODO_BOTH, 1, 1510000000);
	/* 15:00: two days before, 90 minutes before; 12:00 that day is 3 hours before. */
	assert_triggers(t.ics, f->items[0], "", "TRIGGER:-P2D TRIGGER:-PT1H30M TRIGGER:-PT3H");
	/* A span of days: 09:00 two days before; 12:00 on its first day; no "90m". */
	assert_triggers(t.ics, f->items[1], "", "TRIGGER:-P1DT15H TRIGGER:PT12H");
	/* A day's deadline: 09:00 a week before, 08:30 on the day; its calendar copy the same. */
	assert_triggers(t.ics, f->items[2], "",
			"TRIGGER;RELATED=END:-P6DT15H TRIGGER;RELATED=END:PT8H30M");
	assert_triggers(t.ics, f->items[2], "-due", "TRIGGER:-P6DT15H TRIGGER:PT8H30M");
	/* Its own rules: "2h" is not for a month's deadline (a whole day), "none" is nothing. */
	assert_triggers(t.ics, f->items[3], "", "");
	assert_triggers(t.ics, f->items[4], "", "");
	assert_triggers(t.ics, f->items[4], "-due", "");
	free(t.ics);
}

/* A change of the rules is announced as a change of the plan: the feed renders again. */
static void test_cache_rules(void **state)
{
	struct fixture *f = *state;
	struct feed_spec s = { f->plan.id, 0, FEED_TODO_BOTH, 1 };
	struct error err = ERROR_INIT;
	struct rendered *a, *b, *c;

	a = feed_cache_get(f->db, &s, "example.org", 1510000000, &err);
	assert_int_equal(
		remind_store_set_plan_rules(f->db, f->plan.id, REMIND_SEC_EVENTS, "2h", &err), 0);
	feed_cache_changed(f->plan.id);
	b = feed_cache_get(f->db, &s, "example.org", 1510000001, &err);
	assert_non_null(b);
	assert_string_not_equal(a->etag, b->etag);
	assert_non_null(strstr(b->text, "TRIGGER:-PT2H\r\n"));
	/* Written again as they were: rendered again, the same bytes and ETag. */
	assert_int_equal(
		remind_store_set_plan_rules(f->db, f->plan.id, REMIND_SEC_EVENTS, "2h", &err), 0);
	feed_cache_changed(f->plan.id);
	c = feed_cache_get(f->db, &s, "example.org", 1510000002, &err);
	assert_string_equal(b->etag, c->etag);
	rendered_unref(a);
	rendered_unref(b);
	rendered_unref(c);
}

static void test_rules(void **state)
{
	int events = 0, deadlines = 0;

	(void)state;
	for (const struct rule *r = rules_default; r->name != NULL; r++) {
		if (r->kind == RULE_EVENT)
			events++;
		else
			deadlines++;
	}
	assert_int_equal(events, 2);
	assert_int_equal(deadlines, 3);
	assert_int_equal(rules_kind_of("span"), RULE_EVENT);
	assert_int_equal(rules_kind_of("deadline"), RULE_DEADLINE);
}

/*
 * libical's own RFC 5546 check: with METHOD:PUBLISH every VEVENT would need an ORGANIZER (and
 * libical marks each one "Failed iTIP restrictions"), so a feed carries no METHOD. Every
 * component of every variant (with a done and a cancelled item) passes, with no X-LIC-ERROR.
 */
static void assert_no_lic_error(icalcomponent *c)
{
	icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);

	if (p != NULL)
		fail_msg("%s: %s", icalcomponent_kind_to_string(icalcomponent_isa(c)),
			 icalproperty_get_xlicerror(p));
	for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s != NULL;
	     s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		assert_no_lic_error(s);
}

static void test_render_restrictions(void **state)
{
	static const enum feed_todo modes[] = { FEED_TODO_BOTH, FEED_TODO_ONLY, FEED_TODO_NONE };
	struct fixture *f = *state;
	struct error err = ERROR_INIT;

	assert_int_equal(store_item_set_state(f->db, f->items[2], "done", "сдан", "Иванова А. П.",
					      1511000000, &err),
			 0);
	assert_int_equal(
		store_item_set_state(f->db, f->items[0], "cancelled", NULL, NULL, 1510000000, &err),
		0);
	for (size_t i = 0; i < 3; i++) {
		struct feed_text t = render(f, modes[i], i != 1, 1510000001);
		icalcomponent *cal = icalparser_parse_string(t.ics);

		assert_non_null(cal);
		assert_true(icalrestriction_check(cal));
		assert_null(strstr(t.ics, "\r\nMETHOD:"));
		assert_no_lic_error(cal);
		icalcomponent_free(cal);
		free(t.ics);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_ascii),
		cmocka_unit_test(test_fold_between_utf8_characters),
		cmocka_unit_test(test_fold_exactly_75),
		cmocka_unit_test(test_escape_text),
		cmocka_unit_test(test_escape_never_split),
		cmocka_unit_test(test_vtimezone_kyiv),
		cmocka_unit_test(test_vtimezone_krasnoyarsk),
		cmocka_unit_test(test_vtimezone_southern_and_abolished),
		cmocka_unit_test(test_zone_wall_times),
		cmocka_unit_test(test_secrets),
		cmocka_unit_test_setup_teardown(test_render_parses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_alarms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_stable_and_cancelled, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_done_and_todo_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_parent_and_when, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_when_reads_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_edited_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_restrictions, setup, teardown),
		cmocka_unit_test(test_rules),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	feed_zone_cache_free();
	tz_shutdown();
	return rc;
}
