/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_plan.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "core/slug.h"
#include "store/plan_write.h"
#include "time/tz.h"
#include "remind/remind_int.h"
#include "remind/remind_report.h"

/* Plans: create one, list them, show one, change its reminder rules. */

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
	if (api_plan_check_days(p, from, to, err) == -1 || api_plan_check_tz(p->tz, err) == -1 ||
	    (lang != NULL && api_plan_check_lang(lang, err) == -1) ||
	    (slug != NULL && api_plan_check_slug(r->daemon->db, slug, err) == -1))
		return -1;
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
	if (api_plan_check_title(p->title, err) == -1)
		goto out;
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

/* The plan and its reminder rules, as PATCH of a plan and GET .../remind reply. */
int api_plan_reply_rules(struct request *r, const struct plan *p, struct error *err)
{
	json_t *rules = remind_report_rules(r->daemon->db, p->id, err);

	if (rules == NULL)
		return -1;
	r->reply = api_plan_json(p);
	json_object_set_new(r->reply, "remind", rules);
	return 0;
}

/* ---- PATCH: the plan's reminder rules ------------------------------------------------------ */

/* One parsed section of `plan edit --remind`. */
struct section {
	enum remind_section sec;
	char text[128]; /* canonical; empty for "default" */
};

static int parse_section(const char *line, struct section *s, struct error *err)
{
	struct remind_list l;
	const char *rest;
	int at;

	if (remind_section_split(line, &s->sec, &rest, err) == -1)
		return -1;
	s->text[0] = '\0';
	if (s->sec == REMIND_SEC_OVERDUE) {
		if (remind_overdue_parse(rest, &at, err) == -1)
			return -1;
		remind_overdue_format(at, s->text, sizeof s->text);
	} else if (s->sec != REMIND_SEC_DEFAULT) {
		if (remind_list_parse(rest, &l, err) == -1)
			return -1;
		remind_list_format(&l, s->text, sizeof s->text);
	}
	return 0;
}

/* The plan's schedule again, from now on, after its rules changed (inside a transaction). */
static int reschedule_plan(struct db *db, int64_t plan_id, int64_t now, struct error *err)
{
	int64_t *ids, max_updated;
	size_t n;
	int rc;

	if (remind_store_changed(db, plan_id, 0, 1, &ids, &n, &max_updated, err) == -1)
		return -1;
	rc = remind_recompute(db, plan_id, ids, n, now, now, err);
	free(ids);
	return rc;
}

/* The reminder rules asked for, parsed into S (*N of them). */
static int parse_sections(json_t *lines, struct section *s, size_t *n, struct error *err)
{
	json_t *v;
	size_t i;

	*n = 0;
	json_array_foreach (lines, i, v)
		if (parse_section(json_string_value(v), &s[(*n)++], err) == -1)
			return -1;
	return 0;
}

/* Writes the rules S[N] and the settings E of plan P, and its schedule again, in one change. */
static int plan_edit_write(struct db *db, const struct plan *p, const struct section *s, size_t n,
			   struct plan_edit *e, struct error *err)
{
	struct plan_write w;
	int64_t now = clock_now();
	int bad = 0;

	if (plan_write_begin(&w, db, p->id, err) == -1)
		return -1;
	for (size_t i = 0; i < n && !bad; i++)
		bad = remind_store_set_plan_rules(db, p->id, s[i].sec,
						  *s[i].text ? s[i].text : NULL, err) == -1;
	/* The feeds' VALARMs follow the rules: their Last-Modified must move too. */
	if (bad || (e->plan != NULL && api_plan_edit_apply(db, p, e, now, err) == -1) ||
	    store_plan_touch(db, p->id, now, err) == -1 ||
	    reschedule_plan(db, p->id, now, err) == -1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	return 0;
}

int api_plans_edit(struct request *r, struct error *err)
{
	static const struct field fields[] = {
		{ "remind", FIELD_LINES, 8 },	 { "title", FIELD_LINE, 500 },
		{ "from", FIELD_LINE, 100 },	 { "to", FIELD_LINE, 100 },
		{ "tz", FIELD_LINE, 64 },	 { "org", FIELD_LINE, 500 },
		{ "lang", FIELD_LINE, 8 },	 { "slug", FIELD_LINE, 64 },
		{ "director", FIELD_LINE, 200 }, { NULL, 0, 0 },
	};
	struct db *db = r->daemon->db;
	json_t *lines = json_object_get(r->body, "remind");
	struct plan_edit e = { 0 };
	struct section s[8];
	struct plan *now_plan = NULL;
	size_t n = 0;
	int rc = -1;

	if (json_in_check(r->body, fields, err) == -1)
		goto out;
	if (json_array_size(lines) == 0 && !api_plan_edit_wants(r->body)) {
		error_set(err, ERR_INVALID,
			  "nothing to change: give --title, --from, --to, --tz, --org, --lang, "
			  "--slug, --director or --remind \"events 1d, 1h\"");
		goto out;
	}
	if (parse_sections(lines, s, &n, err) == -1 ||
	    (api_plan_edit_wants(r->body) && api_plan_edit_check(r, r->plan, &e, err) == -1) ||
	    plan_edit_write(db, r->plan, s, n, &e, err) == -1)
		goto out;
	if ((now_plan = store_plan_get(db, r->plan->id, err)) == NULL ||
	    api_plan_reply_rules(r, now_plan, err) == -1)
		goto out;
	if (e.tz_changed)
		json_object_set_new(r->reply, "moved", json_integer(e.moved));
	rc = 0;
out:
	plan_free(now_plan);
	api_plan_edit_free(&e);
	return rc;
}
