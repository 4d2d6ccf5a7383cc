/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "core/slug.h"
#include "store/plan_write.h"
#include "time/tz.h"

/* Plans: create one, list them, show one. */

struct plans_ctx {
	json_t *plans;
	int64_t only; /* a token's plan, or 0 for all */
};

static int add_plan_json(const struct plan *p, void *arg)
{
	struct plans_ctx *c = arg;

	if (c->only != 0 && p->id != c->only)
		return 0;
	return json_array_append_new(c->plans, api_plan_json(p));
}

/* Every plan; with a token, its own plan only. */
int api_plans_list(struct request *r, struct error *err)
{
	struct plans_ctx c = { json_array(), r->who.plan_id };

	r->reply = json_pack("{s:o}", "plans", c.plans);
	return store_plan_each(r->daemon->db, add_plan_json, &c, err);
}

int api_plans_show(struct request *r, struct error *err)
{
	r->reply = api_plan_json(r->plan);
	return 0;
}

/* Checks and fills P's days, zone, language and slug from the request. */
static int plan_settle(struct request *r, struct plan *p, struct error *err)
{
	const char *from = json_in_str(r->body, "from"), *to = json_in_str(r->body, "to");
	const char *lang = json_in_str(r->body, "lang"), *slug = json_in_str(r->body, "slug");
	char buf[64];

	if (from == NULL || to == NULL)
		return error_set(err, ERR_INVALID,
				 "a plan needs its first and last day "
				 "(--from 08.11.2017 --to 15.11.2017)");
	if (moment_day_from_text(from, p->first_day, err) == -1 ||
	    moment_day_from_text(to, p->last_day, err) == -1)
		return -1;
	if (strcmp(p->last_day, p->first_day) < 0)
		return error_set(err, ERR_INVALID, "the plan ends (%s) before it starts (%s)", to,
				 from);
	if (!tz_valid(p->tz))
		return error_set(err, ERR_INVALID,
				 "«%s» is not a time zone; use an IANA name such "
				 "as Asia/Krasnoyarsk or Europe/Kyiv",
				 p->tz);
	if (lang != NULL && strcmp(lang, "ru") && strcmp(lang, "uk") && strcmp(lang, "en"))
		return error_set(err, ERR_INVALID, "language «%s»: use ru, uk or en", lang);
	if (slug != NULL && (!slug_valid(slug) || strcmp(slug, "_") == 0))
		return error_set(err, ERR_INVALID,
				 "slug «%s»: use lower-case Latin letters, "
				 "digits and '-'",
				 slug);
	if (slug != NULL && store_plan_slug_taken(r->daemon->db, slug))
		return error_set(err, ERR_CONFLICT, "there is already a plan «%s»", slug);
	slug_from_title(p->title, buf, sizeof buf);
	p->slug = strdup(slug != NULL ? slug : buf);
	p->lang = strdup(lang != NULL ? lang : "ru");
	return 0;
}

int api_plans_create(struct request *r, struct error *err)
{
	static const struct field fields[] = {
		{ "title", FIELD_LINE, 500 }, { "from", FIELD_LINE, 100 },
		{ "to", FIELD_LINE, 100 },    { "tz", FIELD_LINE, 64 },
		{ "org", FIELD_LINE, 500 },   { "lang", FIELD_LINE, 8 },
		{ "slug", FIELD_LINE, 64 },   { NULL, 0, 0 },
	};
	struct db *db = r->daemon->db;
	struct plan *p = calloc(1, sizeof *p);
	struct plan_write w;
	const char *tz;
	int rc = -1;

	if (p == NULL || json_in_check(r->body, fields, err) == -1)
		goto out;
	p->title = json_in_trimmed(r->body, "title");
	p->org = json_in_trimmed(r->body, "org");
	tz = json_in_str(r->body, "tz");
	p->tz = strdup(tz != NULL ? tz : tz_system_default());
	if (p->org == NULL)
		p->org = strdup("");
	if (p->title == NULL || *p->title == '\0') {
		error_set(err, ERR_INVALID, "a plan needs a title");
		goto out;
	}
	if (plan_settle(r, p, err) == -1 || plan_write_begin(&w, db, 0, err) == -1)
		goto out;
	if (store_plan_insert(db, p, clock_now(), err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	w.plan_id = p->id;
	if (plan_write_commit(&w, err) == -1)
		goto out;
	r->status = 201;
	r->reply = api_plan_json(p);
	rc = 0;
out:
	plan_free(p);
	return rc;
}
