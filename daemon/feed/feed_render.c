/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "feed/feed_render.h"
#include "store/feed_store.h"

/*
 * A whole calendar: the VCALENDAR's own properties, the plan's VTIMEZONE, then every item in
 * plan order. The text is assembled directly (feed_fold.c), not through libical's object tree:
 * a 10,000-item plan renders in a few tens of milliseconds. libical writes the VTIMEZONE, and
 * the unit tests parse what comes out with it.
 */

#define DAY 86400

static int write_item(const struct item *it, void *arg)
{
	struct feed_ctx *c = arg;

	feed_item_write(c, it);
	return c->b->buf.failed ? -1 : 0;
}

static int year_of(int64_t t)
{
	struct civil_time w;

	civil_from_secs(t, &w);
	return w.year;
}

int feed_render_years(struct db *db, const struct plan *p, int *first, int *last, int64_t *updated,
		      struct error *err)
{
	struct feed_span s = { 0, 0, 0 };

	*first = atoi(p->first_day);
	*last = atoi(p->last_day);
	*updated = 0;
	if (store_feed_items_span(db, p->id, &s, err) == -1)
		return -1;
	if (s.updated == 0)
		return 0;
	if (year_of(s.first - DAY) < *first)
		*first = year_of(s.first - DAY);
	if (year_of(s.last + DAY) > *last)
		*last = year_of(s.last + DAY);
	*updated = s.updated;
	return 0;
}

static void header(struct feed_buf *b, const struct plan *p, const char *person)
{
	static const char head[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
	static const char tail[] = "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"
				   "X-PUBLISHED-TTL:PT1H\r\n";
	const char *names[] = { "X-WR-CALNAME:", "NAME:" };

	feed_buf_raw(b, head, sizeof head - 1);
	feed_put(b, "PRODID:-//qweek//qweekd " QWEEK_VERSION "//");
	feed_put(b, strcmp(p->lang, "uk") == 0 ? "UK" : strcmp(p->lang, "en") == 0 ? "EN" : "RU");
	feed_end_line(b);
	feed_line(b, "CALSCALE", "GREGORIAN");
	/*
	 * No METHOD: a subscribed calendar is not an iTIP message, and RFC 5546 would have
	 * METHOD:PUBLISH carry an ORGANIZER in every VEVENT (libical's icalrestriction_check
	 * refuses each one without it), which a plan has no address for.
	 */
	for (size_t i = 0; i < 2; i++) {
		feed_put(b, names[i]);
		feed_put_text(b, p->title);
		if (person != NULL) {
			feed_put_text(b, " — ");
			feed_put_text(b, person);
		}
		feed_end_line(b);
	}
	if (*p->org != '\0')
		feed_line_text(b, "X-WR-CALDESC", p->org);
	feed_line_text(b, "X-WR-TIMEZONE", p->tz);
	feed_buf_raw(b, tail, sizeof tail - 1);
}

static int render_items(struct db *db, const struct feed_spec *s, struct feed_ctx *c,
			struct error *err)
{
	const char *zone;
	size_t len;

	zone = feed_zone_text(c->zone, &len);
	feed_buf_raw(c->b, zone, len);
	if (store_feed_items(db, s->plan_id, s->person_id, write_item, c, err) == -1)
		return c->b->buf.failed ? error_set(err, ERR_INTERNAL, "out of memory") : -1;
	feed_buf_raw(c->b, "END:VCALENDAR\r\n", 15);
	if (c->b->buf.failed)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return 0;
}

int feed_render(struct db *db, const struct feed_spec *s, const char *host, int64_t now,
		size_t size_hint, struct feed_text *out, struct error *err)
{
	struct plan *p = store_feed_plan(db, s->plan_id, err);
	struct feed_ctx c = { .host = host, .todo = s->todo, .alarms = s->alarms, .now = now };
	struct feed_rules rules = { 0 };
	struct export_when when;
	struct feed_buf b;
	char *person = NULL;
	int first, last, rc = -1;
	int64_t updated;

	memset(out, 0, sizeof *out);
	feed_buf_init(&b, size_hint + size_hint / 8 > 64 * 1024 ? size_hint + size_hint / 8 :
								  64 * 1024);
	if (p == NULL ||
	    (s->person_id != 0 &&
	     (person = store_feed_person_name(db, s->plan_id, s->person_id, err)) == NULL))
		goto done;
	if (feed_render_years(db, p, &first, &last, &updated, err) == -1)
		goto done;
	if ((c.zone = feed_zone_get(p->tz, first, last)) == NULL) {
		error_set(err, ERR_INTERNAL, "the plan's zone %s is unknown", p->tz);
		goto done;
	}
	if (s->alarms && feed_rules_load(db, s->plan_id, &rules, err) == -1)
		goto done;
	c.rules = s->alarms ? &rules : NULL;
	c.b = &b;
	c.plan = p;
	export_when_init(&when, p);
	c.when = &when;
	c.words = feed_words_for(p->lang);
	header(&b, p, person);
	if (render_items(db, s, &c, err) == -1)
		goto done;
	out->ics = buf_take(&b.buf, &out->len); /* a string too (the NUL not counted) */
	out->modified = p->updated;
	if (updated > out->modified)
		out->modified = updated;
	if (c.modified > out->modified)
		out->modified = c.modified;
	out->expires = c.expires;
	out->nevents = c.nevents;
	out->ntodos = c.ntodos;
	rc = 0;
done:
	feed_rules_free(&rules);
	feed_buf_free(&b);
	free(person);
	plan_free(p);
	return rc;
}
