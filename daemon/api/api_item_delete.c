/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "core/daemon.h"
#include "store/plan_write.h"

/*
 * DELETE .../items/:ref[?with_children=1]: an item removed for good (a mistake, not a
 * cancellation: it leaves the lists, the report and the calendars). An item with sub-items
 * is refused unless they go too.
 */

int api_items_delete(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	const char *wc = http_query(r, "with_children");
	int with = wc != NULL &&
		   (strcmp(wc, "1") == 0 || strcmp(wc, "yes") == 0 || strcmp(wc, "true") == 0);
	struct plan_write w;
	int64_t id, children, gone;
	char q[200];

	if (http_query_only(r, "with_children", err) == -1 ||
	    api_item_resolve(db, p, r->args[1], &id, err) == -1 ||
	    (children = store_item_children(db, id, err)) == -1)
		return -1;
	if (children > 0 && !with)
		return error_set(err, ERR_CONFLICT,
				 "item %s has %lld sub-item(s): delete them with it (qweek delete "
				 "%s --with-children), or move them first (qweek edit)",
				 r->args[1], (long long)children,
				 api_shell_quote(r->args[1], q, sizeof q));
	if (plan_write_begin(&w, db, p->id, err) == -1)
		return -1;
	if ((gone = store_item_delete(db, id, with, err)) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	r->reply = json_pack("{s:s, s:I}", "deleted", r->args[1], "items", (json_int_t)gone);
	return 0;
}
