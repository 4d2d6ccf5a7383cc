/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "store/plan_write.h"

/*
 * PATCH .../people/:name: a person's or group's name, role, e-mail, groups joined ("groups")
 * and left ("leave"), checked as when they were added. DELETE .../people/:name[?reassign=X]:
 * refused while they are responsible for open items, unless those go to X. A refusal changes
 * nothing: everything is checked, then written in one change.
 */

struct who {
	int64_t id;
	int is_group;
	char kind[8];
};

/* NAME of plan P into W: 0, or -1 with a 404 that suggests names. */
static int find(struct db *db, const struct plan *p, const char *name, struct who *w,
		struct error *err)
{
	int found = store_person_lookup(db, p->id, name, &w->id, &w->is_group, err);

	if (found == -1)
		return -1;
	if (found == 0) {
		error_set(err, ERR_NOT_FOUND, "there is no person or group «%s» in plan %s", name,
			  p->slug);
		store_person_suggest(db, p->id, name, err);
		return -1;
	}
	snprintf(w->kind, sizeof w->kind, "%s", w->is_group ? "group" : "person");
	return 0;
}

static int leave_groups(struct db *db, const struct plan *p, const struct who *w, json_t *leave,
			const char *name, struct error *err)
{
	struct who g;
	json_t *v;
	size_t i;

	json_array_foreach (leave, i, v) {
		const char *gname = json_string_value(v);
		int n;
		if (find(db, p, gname, &g, err) == -1)
			return -1;
		if (!g.is_group)
			return error_set(err, ERR_INVALID, "«%s» is a person, not a group", gname);
		if ((n = store_member_remove(db, g.id, w->id, err)) == -1)
			return -1;
		if (n == 0)
			return error_set(err, ERR_INVALID, "«%s» is not in the group «%s»", name,
					 gname);
	}
	return 0;
}

static int join_groups(struct db *db, const struct plan *p, const struct who *w, json_t *groups,
		       int new_group, struct error *err)
{
	int64_t gid;
	json_t *v;
	size_t i;

	json_array_foreach (groups, i, v) {
		const char *gname = json_string_value(v);
		if (*gname == '\0')
			return error_set(err, ERR_INVALID, "a group needs a name");
		if (api_group_for(db, p->id, gname, new_group, &gid, err) == -1 ||
		    store_member_add(db, gid, w->id, err) == -1)
			return -1;
	}
	return 0;
}

/* The changes of BODY to W (called NAME), inside the write. */
static int apply(struct db *db, const struct plan *p, const struct who *w, const char *name,
		 const char *new_name, json_t *body, int new_group, struct error *err)
{
	int64_t other;
	int found;

	if (new_name != NULL && strcmp(new_name, name) != 0) {
		found = store_person_lookup(db, p->id, new_name, &other, NULL, err);
		if (found == -1)
			return -1;
		if (found && other != w->id)
			return error_set(
				err, ERR_CONFLICT,
				"there is already a person or group named «%s» in this plan",
				new_name);
	}
	if (store_person_update(db, w->id, new_name, json_in_str(body, "role"),
				json_in_str(body, "email"), err) == -1 ||
	    leave_groups(db, p, w, json_object_get(body, "leave"), name, err) == -1)
		return -1;
	return join_groups(db, p, w, json_object_get(body, "groups"), new_group, err);
}

int api_people_edit(struct request *r, struct error *err)
{
	static const struct field fields[] = {
		{ "name", FIELD_LINE, 200 },  { "role", FIELD_LINE, 200 },
		{ "email", FIELD_LINE, 254 }, { "groups", FIELD_LINES, 50 },
		{ "leave", FIELD_LINES, 50 }, { NULL, 0, 0 },
	};
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	int new_group = api_take_flag(r->body, "new_group"), rc = -1;
	char *new_name = NULL;
	struct plan_write w;
	struct who x;

	if (json_in_check(r->body, fields, err) == -1 || find(db, p, r->args[1], &x, err) == -1)
		return -1;
	new_name = json_in_trimmed(r->body, "name");
	if (x.is_group && json_object_get(r->body, "leave") != NULL)
		error_set(err, ERR_INVALID, "a group belongs to no groups");
	else if (api_person_check(r->body, new_name != NULL ? new_name : r->args[1], x.kind, err) ==
			 0 &&
		 plan_write_begin(&w, db, p->id, err) == 0) {
		if (apply(db, p, &x, r->args[1], new_name, r->body, new_group, err) == -1 ||
		    plan_write_commit(&w, err) == -1)
			plan_write_rollback(&w);
		else
			rc = 0;
	}
	free(new_name);
	if (rc == 0) {
		r->reply = json_object();
		rc = store_person_each(db, p->id, x.id, api_person_json, r->reply, err);
	}
	return rc;
}

/* Whether W can go: its open items go to TO (0: refused while there are any). */
static int can_go(struct request *r, const struct who *w, const char *name, const char *to,
		  struct error *err)
{
	int64_t open = store_person_open_items(r->daemon->db, w->id, err);
	char q[300], s[128];

	if (open == -1)
		return -1;
	if (open == 0 || to != NULL)
		return 0;
	return error_set(err, ERR_CONFLICT,
			 "«%s» is responsible for %lld open item(s): give them to someone else "
			 "first (qweek %s remove %s --reassign NAME), or see them with qweek list "
			 "--who %s",
			 name, (long long)open, w->kind, api_shell_quote(name, q, sizeof q),
			 api_shell_quote(name, s, sizeof s));
}

int api_people_remove(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	const char *to_name = http_query(r, "reassign");
	struct plan_write w;
	struct who x, to = { 0 };

	if (http_query_only(r, "reassign", err) == -1 || find(db, p, r->args[1], &x, err) == -1 ||
	    (to_name != NULL && find(db, p, to_name, &to, err) == -1) ||
	    can_go(r, &x, r->args[1], to_name, err) == -1)
		return -1;
	if (to_name != NULL && to.id == x.id)
		return error_set(err, ERR_INVALID, "«%s» cannot take over their own items",
				 to_name);
	if (plan_write_begin(&w, db, p->id, err) == -1)
		return -1;
	if ((to_name != NULL && store_person_reassign(db, x.id, to.id, clock_now(), err) == -1) ||
	    store_person_delete(db, x.id, err) == -1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	r->reply = json_pack("{s:s, s:s, s:s?}", "removed", r->args[1], "kind", x.kind,
			     "reassigned_to", to_name);
	return 0;
}
