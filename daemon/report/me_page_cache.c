/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "report/me_page.h"
#include "store/changes.h"

/*
 * Personal pages as rendered: one per person who opened theirs, kept until their plan changes
 * (changes.h), the minute turns (the page says what is late and what is on today, as of a
 * minute) or their feed's URL changes (rotated, revoked, or qweekd's address reloaded). Between
 * changes a page asked for again costs a comparison, as the status page does.
 */

struct page {
	int64_t plan_id, person_id;
	int64_t minute;	       /* the instant it was rendered at (a whole minute) */
	char *feed;	       /* the feed URL it shows, or NULL */
	struct rendered *body; /* NULL: render on the next request */
	size_t last_len;       /* to size the next rendering's buffer */
};

static struct page *pages;
static size_t npages, cpages;
static int subscribed;

static void forget(struct page *p)
{
	rendered_unref(p->body);
	p->body = NULL;
}

static void on_change(int64_t plan_id, void *ctx)
{
	(void)ctx;
	for (size_t i = 0; i < npages; i++)
		if (pages[i].plan_id == plan_id)
			forget(&pages[i]);
}

static struct page *page_of(int64_t plan_id, int64_t person_id)
{
	struct page *p;

	for (size_t i = 0; i < npages; i++)
		if (pages[i].person_id == person_id && pages[i].plan_id == plan_id)
			return &pages[i];
	if (npages == cpages) {
		size_t c = cpages ? cpages * 2 : 16;
		if ((p = realloc(pages, c * sizeof *p)) == NULL)
			return NULL;
		pages = p;
		cpages = c;
	}
	p = &pages[npages++];
	memset(p, 0, sizeof *p);
	p->plan_id = plan_id;
	p->person_id = person_id;
	return p;
}

static int same_feed(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int render(struct db *db, struct page *pg, const char *feed, int64_t minute,
		  struct error *err)
{
	struct timespec cpu; /* how long rendering takes, for the log only */
	struct rendered *body;
	struct me_view *v;
	char *text, *kept = NULL;
	struct buf b;
	size_t len;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
	if ((v = me_view_load(db, pg->plan_id, pg->person_id, minute, err)) == NULL)
		return -1;
	buf_init(&b, pg->last_len ? pg->last_len + 4096 : 16384 + v->n * 1200);
	me_page_render(&b, v, feed);
	me_view_free(v);
	if ((feed != NULL && (kept = strdup(feed)) == NULL) ||
	    (text = buf_take(&b, &len)) == NULL || (body = rendered_new(text, len)) == NULL) {
		free(kept);
		buf_free(&b);
		return error_set(err, ERR_INTERNAL, "out of memory");
	}
	forget(pg);
	free(pg->feed);
	pg->feed = kept;
	pg->body = body;
	pg->minute = minute;
	pg->last_len = len;
	log_debug("personal page: person %lld rendered: %zu bytes, %.1f ms CPU",
		  (long long)pg->person_id, len, log_ms_since(CLOCK_PROCESS_CPUTIME_ID, &cpu));
	return 0;
}

struct rendered *me_page_cache_get(struct db *db, int64_t plan_id, int64_t person_id,
				   const char *feed_http, int64_t now, struct error *err)
{
	int64_t minute = now - ((now % 60) + 60) % 60;
	struct page *pg;

	/* Subscribed before the first page is kept, so no change can slip past a kept page. */
	if (!subscribed) {
		changes_subscribe(on_change, NULL);
		subscribed = 1;
	}
	if ((pg = page_of(plan_id, person_id)) == NULL) {
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	if ((pg->body == NULL || pg->minute != minute || !same_feed(pg->feed, feed_http)) &&
	    render(db, pg, feed_http, minute, err) == -1)
		return NULL;
	rendered_ref(pg->body);
	return pg->body;
}

void me_page_cache_free(void)
{
	for (size_t i = 0; i < npages; i++) {
		forget(&pages[i]);
		free(pages[i].feed);
	}
	free(pages);
	pages = NULL;
	npages = cpages = 0;
}
