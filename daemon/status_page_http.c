/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "clock.h"
#include "daemon.h"
#include "report_render.h"
#include "feed_store.h"
#include "status_page.h"

/* GET /status/<secret>: the page, to whoever holds the URL; anything else a bare 404. */

static void not_found(struct request *r)
{
	struct rbuf b;

	rbuf_init(&b, 0);
	rbuf_put(&b, "Not Found\n");
	report_send(r, 404, "text/plain; charset=utf-8", &b);
}

int status_page_get(struct request *r, struct error *err)
{
	const char *secret = r->args[0];
	size_t len = strlen(secret);
	unsigned char hash[FEED_HASH_LEN];
	struct report *rep;
	struct plan *p;
	int64_t plan_id;
	int found = 0;
	struct rbuf b;

	if (feed_secret_wellformed(secret, len) && feed_secret_hash(secret, len, hash) == 0 &&
	    (found = status_page_find(r->daemon->db, hash, &plan_id, err)) == -1)
		return -1;
	if (!found || (p = store_feed_plan(r->daemon->db, plan_id, err)) == NULL) {
		if (found && err->kind != ERR_NOT_FOUND)
			return -1;
		error_clear(err);
		not_found(r);
		return 0;
	}
	if ((rep = report_load(r->daemon->db, p, clock_now(), err)) == NULL)
		return -1;
	rbuf_init(&b, 8192 + rep->nitems * 400);
	status_page_render(&b, rep);
	report_free(rep);
	report_send(r, 200, "text/html; charset=utf-8", &b);
	return 0;
}
