/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "import/import_names.h"
#include "import/import_people.h"
#include "store/store.h"
#include "utf8.h"
#include "grow.h"

/*
 * A plan table names people and groups as it likes: "Заведующие отделениями" here and
 * "Заведующие отделений" there. An unknown name is created (a group when it reads as a plural
 * or a unit, so that people can be added to it) and listed; when it is nearly a name the plan
 * has, the import says which, so that a typo does not quietly become a second group.
 */

#define NEAR_MAX_NAMES 5000 /* beyond this many names, near names are not looked for */

struct known {
	int64_t id;
	char *name;
	size_t chars;
	int row; /* the row that created it, 0 if it was there before */
};

struct import_people {
	int64_t plan_id, now;
	struct known *names;
	size_t n, cap;
	json_t *index; /* folded name → index in NAMES */
	json_t *created, *groups;
};

static int add_known(struct import_people *pp, int64_t id, const char *name, int row)
{
	char *key = utf8_fold_str(name);
	struct known *k;

	if (key == NULL)
		return -1;
	if (grow(&pp->names, &pp->cap, pp->n + 1, sizeof *pp->names) == -1) {
		free(key);
		return -1;
	}
	k = &pp->names[pp->n];
	if ((k->name = strdup(name)) == NULL) {
		free(key);
		return -1;
	}
	k->id = id;
	k->chars = utf8_length(name);
	k->row = row;
	json_object_set_new(pp->index, key, json_integer((json_int_t)pp->n++));
	free(key);
	return 0;
}

static int load_one(const struct person *p, void *arg)
{
	return add_known(arg, p->id, p->name, 0);
}

struct import_people *import_people_load(struct db *db, int64_t plan_id, int64_t now,
					 struct error *err)
{
	struct import_people *pp = calloc(1, sizeof *pp);

	if (pp == NULL) {
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	pp->plan_id = plan_id;
	pp->now = now;
	pp->index = json_object();
	pp->created = json_array();
	pp->groups = json_array();
	if (store_person_each(db, plan_id, 0, load_one, pp, err) == -1) {
		error_set(err, ERR_INTERNAL, "out of memory");
		import_people_free(pp);
		return NULL;
	}
	return pp;
}

void import_people_free(struct import_people *pp)
{
	if (pp == NULL)
		return;
	for (size_t i = 0; i < pp->n; i++)
		free(pp->names[i].name);
	free(pp->names);
	json_decref(pp->index);
	json_decref(pp->created);
	json_decref(pp->groups);
	free(pp);
}

json_t *import_people_created(struct import_people *pp)
{
	return pp->created;
}

json_t *import_people_groups(struct import_people *pp)
{
	return pp->groups;
}

/* The known name nearest to NAME if it is near enough (import_names_near), or NULL. */
static const struct known *nearest(const struct import_people *pp, const char *name, size_t chars)
{
	const struct known *best = NULL;
	int best_d = 100;

	if (pp->n > NEAR_MAX_NAMES)
		return NULL;
	for (size_t i = 0; i < pp->n; i++) {
		const struct known *k = &pp->names[i];
		size_t diff = k->chars > chars ? k->chars - chars : chars - k->chars;
		int d;
		if (diff > chars / 6 + 1 || !import_names_near(name, k->name))
			continue;
		if ((d = utf8_distance(name, k->name)) < best_d) {
			best_d = d;
			best = k;
		}
	}
	return best;
}

static void warn_near(struct import_row *r, const char *name, const struct known *k, int group)
{
	char where[48] = "already in the plan";

	if (k->row > 0)
		snprintf(where, sizeof where, "from row %d", k->row);
	import_row_warn(r,
			"«%s» is nearly «%s» (%s): the same %s? If so, write it the same "
			"way and import again; it was added as a new %s",
			name, k->name, where, group ? "group" : "person",
			group ? "group" : "person");
}

static int create(struct import_people *pp, struct db *db, const char *name, const char *email,
		  struct import_row *r, int64_t *id, struct error *err)
{
	int group = import_name_is_group(name);
	const struct known *near = nearest(pp, name, utf8_length(name));

	if (store_person_insert(db, pp->plan_id, name, group ? "group" : "person", NULL, email,
				pp->now, id, err) == -1)
		return -1;
	if (near != NULL)
		warn_near(r, name, near, group);
	json_array_append_new(pp->created, json_string(name));
	if (group)
		json_array_append_new(pp->groups, json_string(name));
	if (add_known(pp, *id, name, r->row) == -1)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return 0;
}

int import_people_resolve(struct import_people *pp, struct db *db, const char *name,
			  const char *email, struct import_row *r, int64_t *id, const char **canon,
			  struct error *err)
{
	char *key = utf8_fold_str(name);
	json_t *at;
	size_t i;

	if (key == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	at = json_object_get(pp->index, key);
	free(key);
	if (at != NULL)
		i = (size_t)json_integer_value(at);
	else if (create(pp, db, name, email, r, id, err) == -1)
		return -1;
	else
		i = pp->n - 1;
	*id = pp->names[i].id;
	*canon = pp->names[i].name;
	return 0;
}
