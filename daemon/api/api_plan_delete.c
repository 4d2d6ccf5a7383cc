/* SPDX-License-Identifier: MIT */
#include "api/api.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "store/plan_write.h"

/*
 * DELETE a plan: a test plan, or one made by mistake. It goes with everything in it (people,
 * items, links, reminders) and cannot be taken back, so the request must say {"yes": true};
 * without it the refusal names the plan and what would go.
 */
int api_plans_delete(struct request *r, struct error *err)
{
	static const struct field fields[] = { { "yes", FIELD_BOOL, 0 }, { NULL, 0, 0 } };
	const struct plan *p = r->plan;
	struct plan_write w;

	if (r->body != NULL && json_in_check(r->body, fields, err) == -1)
		return -1;
	if (!json_is_true(json_object_get(r->body, "yes")))
		return error_set(
			err, ERR_INVALID,
			"deleting plan «%s» («%s») removes its %d items and %d people and groups "
			"for good; to go ahead: qweek plan delete %s --yes",
			p->slug, p->title, p->nitems, p->npeople, p->slug);
	if (plan_write_begin(&w, r->daemon->db, p->id, err) == -1)
		return -1;
	if (store_plan_delete(r->daemon->db, p->id, err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	r->reply = json_pack("{s:s, s:s, s:i, s:i}", "deleted", p->slug, "title", p->title, "items",
			     p->nitems, "people", p->npeople);
	return 0;
}
