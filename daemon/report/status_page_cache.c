/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/changes.h"
#include "store/feed_store.h"
#include "store/survey_store.h"
#include "core/log.h"
#include "report/status_page.h"
#include "grow.h"

/*
 * The status pages as rendered: one per plan, kept until the plan changes (changes.h) or the
 * minute turns. The page reads the clock down to the minute ("as of 14.11.2017 12:00",
 * "overdue by 5 min"), so it is rendered for the minute it names, as a function of the plan
 * and that minute: every request within the minute gets the same bytes and ETag, and the
 * marks (overdue, due within 48 hours) are those of the minute's first second. Between
 * requests nothing runs, so an idle page costs nothing, and a page asked for all day costs at
 * most one rendering a minute.
 */

struct page {
	int64_t plan_id;
	int64_t minute;	       /* the instant the body was rendered at (a whole minute) */
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

/*
 * Plan 0 (the test clock moved, api.c) matches no page: time is in the key already, and the
 * end-to-end test that moves the clock then checks the key, not this.
 */
void status_page_cache_changed(int64_t plan_id)
{
	for (size_t i = 0; i < npages; i++)
		if (pages[i].plan_id == plan_id)
			forget(&pages[i]);
}

static void on_change(int64_t plan_id, void *ctx)
{
	(void)ctx;
	status_page_cache_changed(plan_id);
}

static struct page *page_of(int64_t plan_id)
{
	struct page *p;

	for (size_t i = 0; i < npages; i++)
		if (pages[i].plan_id == plan_id)
			return &pages[i];
	if (grow(&pages, &cpages, npages + 1, sizeof *pages) == -1)
		return NULL;
	p = &pages[npages++];
	memset(p, 0, sizeof *p);
	p->plan_id = plan_id;
	return p;
}

/* How many responses the plan's survey has so far; -1 when it has none (or cannot tell). */
static int64_t survey_count(struct db *db, int64_t plan_id)
{
	struct error err = ERROR_INIT;
	struct survey_row row = { 0 };
	int has = store_survey_get(db, plan_id, &row, &err);
	int64_t n = has == 1 ? store_survey_count(db, plan_id, &err) : -1;

	free(row.source);
	error_clear(&err);
	return n;
}

static int render(struct db *db, struct page *pg, int64_t minute, struct error *err)
{
	struct timespec cpu; /* how long rendering takes, for the log only */
	struct report *rep;
	struct rendered *body;
	struct plan *p;
	struct buf b;
	size_t len;
	char *text;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
	if ((p = store_feed_plan(db, pg->plan_id, err)) == NULL ||
	    (rep = report_load(db, p, minute, err)) == NULL)
		return -1;
	rep->survey_count = survey_count(db, pg->plan_id);
	buf_init(&b, pg->last_len ? pg->last_len + 4096 : 8192 + rep->nitems * 400);
	status_page_render(&b, rep);
	report_free(rep);
	if ((text = buf_take(&b, &len)) == NULL || (body = rendered_new(text, len)) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	forget(pg);
	pg->body = body;
	pg->minute = minute;
	pg->last_len = len;
	log_debug("status page: plan %lld rendered: %zu bytes, %.1f ms CPU", (long long)pg->plan_id,
		  len, log_ms_since(CLOCK_PROCESS_CPUTIME_ID, &cpu));
	return 0;
}

struct rendered *status_page_cache_get(struct db *db, int64_t plan_id, int64_t now,
				       struct error *err)
{
	int64_t minute = now - ((now % 60) + 60) % 60;
	struct page *pg;

	/* Subscribed before the first page is kept, so no change can slip past a kept page. */
	if (!subscribed) {
		changes_subscribe(on_change, NULL);
		subscribed = 1;
	}
	if ((pg = page_of(plan_id)) == NULL) {
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	if ((pg->body == NULL || pg->minute != minute) && render(db, pg, minute, err) == -1)
		return NULL;
	rendered_ref(pg->body);
	return pg->body;
}

void status_page_cache_free(void)
{
	for (size_t i = 0; i < npages; i++)
		forget(&pages[i]);
	free(pages);
	pages = NULL;
	npages = cpages = 0;
}
