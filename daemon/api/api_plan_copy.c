/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_plan.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "core/slug.h"
#include "store/plan_write.h"
#include "time/civil.h"

/*
 * Next year's plan from this one (POST .../copy): every date moved by the distance between the
 * first days, or (weekday) by the whole weeks nearest to it, so that "the second Thursday of
 * November" stays a Thursday. The copy's days move the same way unless "to" is given.
 */

static int64_t day_number(const char *iso)
{
	int y = 0, m = 0, d = 0;

	sscanf(iso, "%d-%d-%d", &y, &m, &d);
	return civil_days(y, m, d);
}

static void day_text(int64_t days, char out[11])
{
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

/* The shift in days, the new plan's days set in N. */
static int copy_days(struct request *r, const struct plan *p, struct plan *n, int *days,
		     struct error *err)
{
	const char *from = json_in_str(r->body, "from"), *to = json_in_str(r->body, "to");
	int64_t d, r7;
	char was[16];

	moment_human_day(p->first_day, was, sizeof was);
	if (from == NULL)
		return error_set(err, ERR_INVALID,
				 "the copy needs its first day: --from DATE (the plan «%s» starts "
				 "on %s)",
				 p->slug, was);
	if (moment_day_from_text(from, n->first_day, err) == -1)
		return -1;
	d = day_number(n->first_day) - day_number(p->first_day);
	if (json_is_true(json_object_get(r->body, "weekday"))) {
		r7 = ((d % 7) + 7) % 7;
		d += r7 <= 3 ? -r7 : 7 - r7;
		day_text(day_number(p->first_day) + d, n->first_day);
	}
	day_text(day_number(p->last_day) + d, n->last_day);
	*days = (int)d;
	return api_plan_check_days(n, NULL, to, err);
}

/* The new plan: P's organisation, zone and language; its own title, days and slug. */
static struct plan *copy_settle(struct request *r, const struct plan *p, int *days,
				struct error *err)
{
	struct plan *n = calloc(1, sizeof *n);
	const char *slug = json_in_str(r->body, "slug");
	char buf[64];

	if (n == NULL) {
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	n->title = json_in_trimmed(r->body, "title");
	if (api_plan_check_title(n->title, err) == -1 || copy_days(r, p, n, days, err) == -1 ||
	    (slug != NULL && api_plan_check_slug(r->daemon->db, slug, err) == -1))
		goto fail;
	slug_from_title(n->title, buf, sizeof buf);
	n->slug = strdup(slug != NULL ? slug : buf);
	n->org = strdup(p->org), n->tz = strdup(p->tz), n->lang = strdup(p->lang);
	if (n->slug && n->org && n->tz && n->lang)
		return n;
	error_set(err, ERR_INTERNAL, "out of memory");
fail:
	plan_free(n);
	return NULL;
}

static int copy_write(struct db *db, const struct plan *p, struct plan *n, int days,
		      struct plan_copy_result *res, struct error *err)
{
	struct plan_write w;

	if (plan_write_begin(&w, db, 0, err) == -1)
		return -1;
	if (store_plan_copy(db, p, n, days, clock_now(), res, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	w.plan_id = n->id;
	return plan_write_commit(&w, err);
}

int api_plans_copy(struct request *r, struct error *err)
{
	static const struct field fields[] = {
		{ "title", FIELD_LINE, 500 }, { "from", FIELD_LINE, 100 },
		{ "to", FIELD_LINE, 100 },    { "slug", FIELD_LINE, 64 },
		{ "weekday", FIELD_BOOL, 0 }, { NULL, 0, 0 },
	};
	struct plan *n = NULL, *made = NULL;
	struct plan_copy_result res;
	int days = 0, rc = -1;

	if (json_in_check(r->body, fields, err) == -1 ||
	    (n = copy_settle(r, r->plan, &days, err)) == NULL ||
	    copy_write(r->daemon->db, r->plan, n, days, &res, err) == -1 ||
	    (made = store_plan_get(r->daemon->db, n->id, err)) == NULL)
		goto out;
	r->status = 201;
	r->reply = api_plan_json(made);
	json_object_set_new(r->reply, "copied",
			    json_pack("{s:s, s:i, s:i, s:i, s:i}", "from", r->plan->slug, "days",
				      days, "items", res.items, "people", res.people, "rewritten",
				      res.rewritten));
	if (res.rewritten > 0)
		http_warn(r,
			  "%d dates could not be rewritten in the form they were written; they are "
			  "written as qweek writes dates",
			  res.rewritten);
	rc = 0;
out:
	plan_free(n);
	plan_free(made);
	return rc;
}
