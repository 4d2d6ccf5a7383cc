/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "api/rendered_http.h"
#include "api/report_http.h"
#include "report/status_page.h"
#include "store/status_page_store.h"

/*
 * GET /status/<secret>: the page, to whoever holds the URL; anything else a bare 404. The page
 * comes from the cache (status_page_cache.c) with a strong ETag; a browser that has it gets a
 * 304, and "no-cache" makes it ask every time, since the plan may change at any moment.
 * "private": the URL is a capability, no shared cache should keep what it shows.
 */

static const char *const page_extra_headers[] = {
	"Referrer-Policy",
	"no-referrer",
	"Content-Security-Policy",
	"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
	"frame-ancestors 'none'",
	"X-Frame-Options",
	"DENY",
	NULL,
};

static const struct rendered_headers page_headers = {
	.content_type = "text/html; charset=utf-8",
	.cache_control = "private, no-cache",
	.extra = page_extra_headers,
};

static void not_found(struct request *r)
{
	struct buf b;

	buf_init(&b, 0);
	buf_add_str(&b, "Not Found\n");
	report_http_send(r, 404, "text/plain; charset=utf-8", &b);
}

int status_page_get(struct request *r, struct error *err)
{
	const char *secret = r->args[0];
	size_t len = strlen(secret);
	unsigned char hash[FEED_HASH_LEN];
	struct rendered *page = NULL;
	int64_t plan_id;
	int found = 0;

	/* The secret is looked up every time: a rotated one stops working at once. */
	if (feed_secret_wellformed(secret, len) && feed_secret_hash(secret, len, hash) == 0 &&
	    (found = status_page_store_find(r->daemon->db, hash, &plan_id, err)) == -1)
		return -1;
	if (!found ||
	    (page = status_page_cache_get(r->daemon->db, plan_id, clock_now(), err)) == NULL) {
		if (found && err->kind != ERR_NOT_FOUND)
			return -1;
		error_clear(err);
		not_found(r);
		return 0;
	}
	rendered_http_reply(r, page, &page_headers);
	rendered_unref(page);
	return 0;
}
