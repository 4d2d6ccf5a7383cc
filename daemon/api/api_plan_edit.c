/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_plan.h"
#include "core/daemon.h"
#include "core/json_in.h"

/*
 * A plan's settings changed: title, days, zone, organisation, language, slug, director. A new
 * title keeps the slug (scripts and QWEEK_PLAN name the plan by it); a new slug is asked for on
 * purpose. A new zone keeps every item's written local time: "10.11 в 10.00" stays at 10:00 there.
 */

static const char *const settings[] = { "title", "from", "to",	 "tz",
					"org",	 "lang", "slug", "director" };

int api_plan_edit_wants(json_t *body)
{
	for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++)
		if (json_object_get(body, settings[i]) != NULL)
			return 1;
	return 0;
}

static struct plan *plan_dup(const struct plan *p)
{
	struct plan *c = calloc(1, sizeof *c);

	if (c == NULL)
		return NULL;
	*c = *p;
	c->slug = strdup(p->slug), c->title = strdup(p->title), c->org = strdup(p->org);
	c->tz = strdup(p->tz), c->lang = strdup(p->lang);
	c->director = p->director != NULL ? strdup(p->director) : NULL;
	if (!c->slug || !c->title || !c->org || !c->tz || !c->lang) {
		plan_free(c);
		return NULL;
	}
	return c;
}

/* The director named NAME ("": nobody, the roles decide): a person of the plan. */
static int check_director(struct db *db, const struct plan *p, const char *name,
			  struct plan_edit *e, struct error *err)
{
	int found, group = 0;

	e->has_director = 1;
	if (*name == '\0')
		return 0;
	if ((found = store_person_lookup(db, p->id, name, &e->director, &group, err)) == -1)
		return -1;
	if (!found) {
		error_set(err, ERR_INVALID,
			  "there is no person «%s» in this plan to be its director; "
			  "add them with qweek person add",
			  name);
		store_person_suggest(db, p->id, name, err);
		return -1;
	}
	if (group)
		return error_set(err, ERR_INVALID,
				 "«%s» is a group: the director is one person, who gets the "
				 "copies of overdue notices",
				 name);
	return 0;
}

/* The title, organisation, zone, language and slug asked for, checked and set in E->plan. */
static int check_words(struct request *r, struct plan_edit *e, struct error *err)
{
	struct plan *n = e->plan;
	const char *tz = json_in_str(r->body, "tz"), *lang = json_in_str(r->body, "lang");
	const char *slug = json_in_str(r->body, "slug");
	char *title = json_in_trimmed(r->body, "title"), *org = json_in_trimmed(r->body, "org");
	int rc = -1;

	if (json_object_get(r->body, "title") != NULL && api_plan_check_title(title, err) == -1)
		goto out;
	if ((title != NULL && api_plan_set(&n->title, title, err) == -1) ||
	    (org != NULL && api_plan_set(&n->org, org, err) == -1))
		goto out;
	if (tz != NULL && (api_plan_check_tz(tz, err) == -1 || api_plan_set(&n->tz, tz, err) == -1))
		goto out;
	if (lang != NULL &&
	    (api_plan_check_lang(lang, err) == -1 || api_plan_set(&n->lang, lang, err) == -1))
		goto out;
	if (slug != NULL && strcmp(slug, n->slug) != 0 &&
	    (api_plan_check_slug(r->daemon->db, slug, err) == -1 ||
	     api_plan_set(&n->slug, slug, err) == -1))
		goto out;
	rc = 0;
out:
	free(title);
	free(org);
	return rc;
}

int api_plan_edit_check(struct request *r, const struct plan *p, struct plan_edit *e,
			struct error *err)
{
	const char *director = json_in_str(r->body, "director");

	*e = (struct plan_edit){ .plan = plan_dup(p) };
	if (e->plan == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	if (check_words(r, e, err) == -1 ||
	    api_plan_check_days(e->plan, json_in_str(r->body, "from"), json_in_str(r->body, "to"),
				err) == -1)
		return -1;
	if (director != NULL && check_director(r->daemon->db, p, director, e, err) == -1)
		return -1;
	e->tz_changed = strcmp(p->tz, e->plan->tz) != 0;
	return 0;
}

int api_plan_edit_apply(struct db *db, const struct plan *p, struct plan_edit *e, int64_t now,
			struct error *err)
{
	if (store_plan_update(db, e->plan, now, err) == -1)
		return -1;
	if (e->has_director && store_plan_set_director(db, p->id, e->director, err) == -1)
		return -1;
	/* The items were read in the plan's days as they were; only their zone is new. */
	if (e->tz_changed && store_plan_retime(db, p, e->plan->tz, now, &e->moved, err) == -1)
		return -1;
	return 0;
}

void api_plan_edit_free(struct plan_edit *e)
{
	plan_free(e->plan);
	e->plan = NULL;
}
