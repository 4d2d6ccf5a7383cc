/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "store/plan_write.h"

/* People and groups: who is responsible for what. */

int api_person_json(const struct person *p, void *arg)
{
	json_t *target = arg;
	json_t *j =
		json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o}", "id", (json_int_t)p->id, "name",
			  p->name, "kind", p->kind, "role", p->role, "email", p->email, "groups",
			  api_name_list(p->groups), "members", api_name_list(p->members));

	if (json_is_array(target))
		return json_array_append_new(target, j);
	json_object_update(target, j);
	json_decref(j);
	return 0;
}

int api_people_list(struct request *r, struct error *err)
{
	json_t *people = json_array();

	r->reply = json_pack("{s:o}", "people", people);
	return store_person_each(r->daemon->db, r->plan->id, 0, api_person_json, people, err);
}

/*
 * Finds group NAME, creating it when missing (NEW_GROUP 0: unless its name is nearly that of
 * a group there is: then refused, asking); a person of that name is refused.
 */
int api_group_for(struct db *db, int64_t plan_id, const char *name, int new_group, int64_t *id,
		  struct error *err)
{
	int is_group = 0;
	int found = store_person_lookup(db, plan_id, name, id, &is_group, err);

	if (found == -1)
		return -1;
	if (found && !is_group)
		return error_set(err, ERR_CONFLICT, "«%s» is a person, not a group", name);
	if (found)
		return 0;
	if (!new_group && api_group_near(db, plan_id, name, err) == -1)
		return -1;
	return store_person_insert(db, plan_id, name, "group", NULL, NULL, clock_now(), id, err);
}

int api_person_check(json_t *body, const char *name, const char *kind, struct error *err)
{
	const char *email = json_in_str(body, "email");

	if (name == NULL || *name == '\0')
		return error_set(err, ERR_INVALID, "a person needs a name");
	if (name[0] == '@')
		return error_set(err, ERR_INVALID, "a name cannot start with @ (that marks ids)");
	if (strcmp(kind, "person") != 0 && strcmp(kind, "group") != 0)
		return error_set(err, ERR_INVALID, "kind «%s»: use person or group", kind);
	if (email != NULL && *email != '\0' &&
	    (strchr(email, '@') == NULL || strpbrk(email, " ,;<>") != NULL))
		return error_set(err, ERR_INVALID, "«%s» is not an e-mail address", email);
	if (strcmp(kind, "group") == 0 && json_object_get(body, "groups") != NULL)
		return error_set(err, ERR_INVALID, "a group cannot belong to groups");
	return 0;
}

static int insert_person(struct db *db, int64_t plan_id, json_t *body, const char *name,
			 const char *kind, int new_group, int64_t *id, struct error *err)
{
	json_t *groups = json_object_get(body, "groups"), *g;
	int64_t gid;
	size_t i;

	if (store_person_insert(db, plan_id, name, kind, json_in_str(body, "role"),
				json_in_str(body, "email"), clock_now(), id, err) == -1)
		return -1;
	json_array_foreach (groups, i, g) {
		const char *gname = json_string_value(g);
		if (*gname == '\0')
			return error_set(err, ERR_INVALID, "a group needs a name");
		if (api_group_for(db, plan_id, gname, new_group, &gid, err) == -1 ||
		    store_member_add(db, gid, *id, err) == -1)
			return -1;
	}
	return 0;
}

int api_people_create(struct request *r, struct error *err)
{
	static const struct field fields[] = {
		{ "name", FIELD_LINE, 200 },  { "role", FIELD_LINE, 200 },
		{ "email", FIELD_LINE, 254 }, { "groups", FIELD_LINES, 50 },
		{ "kind", FIELD_LINE, 16 },   { NULL, 0, 0 },
	};
	struct db *db = r->daemon->db;
	const char *kind = json_in_str(r->body, "kind");
	const struct plan *p = r->plan;
	struct plan_write w;
	char *name = NULL;
	int64_t id;
	int rc = -1, new_group = api_take_flag(r->body, "new_group");

	if (json_in_check(r->body, fields, err) == -1)
		goto out;
	name = json_in_trimmed(r->body, "name");
	if (kind == NULL)
		kind = "person";
	if (api_person_check(r->body, name, kind, err) == -1 ||
	    plan_write_begin(&w, db, p->id, err) == -1)
		goto out;
	if (insert_person(db, p->id, r->body, name, kind, new_group, &id, err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	r->status = 201;
	r->reply = json_object();
	rc = store_person_each(db, p->id, id, api_person_json, r->reply, err);
out:
	free(name);
	return rc;
}
