/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "feed/feed_dav.h"
#include "store/feed_store.h"

/*
 * The same components as the feeds (feed_item.c, FEED_TODO_EVERY), one item to a VCALENDAR, so
 * a task app shows what the calendar shows. The zone and the rules are read once per request.
 */

int feed_dav_open(struct feed_dav *d, struct db *db, int64_t plan_id, const char *host, int64_t now,
		  struct error *err)
{
	int first, last;
	int64_t updated;

	memset(d, 0, sizeof *d);
	feed_buf_init(&d->b, 8192);
	if ((d->plan = store_feed_plan(db, plan_id, err)) == NULL ||
	    feed_render_years(db, d->plan, &first, &last, &updated, err) == -1 ||
	    feed_rules_load(db, plan_id, &d->rules, err) == -1)
		return -1;
	if ((d->c.zone = feed_zone_get(d->plan->tz, first, last)) == NULL)
		return error_set(err, ERR_INTERNAL, "the plan's zone %s is unknown", d->plan->tz);
	export_when_init(&d->when, d->plan);
	d->c = (struct feed_ctx){ .b = &d->b,
				  .plan = d->plan,
				  .zone = d->c.zone,
				  .words = feed_words_for(d->plan->lang),
				  .rules = &d->rules,
				  .when = &d->when,
				  .host = host,
				  .todo = FEED_TODO_EVERY,
				  .alarms = 1,
				  .now = now };
	return 0;
}

void feed_dav_close(struct feed_dav *d)
{
	feed_rules_free(&d->rules);
	feed_buf_free(&d->b);
	plan_free(d->plan);
	d->plan = NULL;
}

const char *feed_dav_item(struct feed_dav *d, const struct item *it, size_t *len, struct error *err)
{
	static const char head[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
				   "PRODID:-//qweek//qweekd " QWEEK_VERSION "//EN\r\n"
				   "CALSCALE:GREGORIAN\r\n";
	const char *zone;
	size_t zlen;
	int before = d->c.ntodos;

	d->b.buf.len = 0;
	d->b.col = 0;
	feed_buf_raw(&d->b, head, sizeof head - 1);
	zone = feed_zone_text(d->c.zone, &zlen);
	feed_buf_raw(&d->b, zone, zlen);
	feed_item_write(&d->c, it);
	feed_buf_raw(&d->b, "END:VCALENDAR\r\n", 15);
	if (d->b.buf.failed) {
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	if (d->c.ntodos == before)
		return NULL;
	*len = d->b.buf.len;
	return d->b.buf.data;
}
