/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "import/import_names.h"

/*
 * A group named nearly as one there is («Соціальні прцівники» beside «Соціальні працівники»)
 * is most likely a slip, not a new group: person add and edit ask, as the import does (with
 * its own test of nearness), and make it only when told to (--new-group).
 */

struct near {
	const char *name;
	char found[256];
};

static int near_group(const struct person *p, void *arg)
{
	struct near *n = arg;

	if (strcmp(p->kind, "group") == 0 && *n->found == '\0' &&
	    import_names_near(n->name, p->name))
		snprintf(n->found, sizeof n->found, "%s", p->name);
	return 0;
}

int api_group_near(struct db *db, int64_t plan_id, const char *name, struct error *err)
{
	struct near n = { name, "" };

	if (store_person_each(db, plan_id, 0, near_group, &n, err) == -1)
		return -1;
	if (*n.found == '\0')
		return 0;
	error_set(err, ERR_CONFLICT,
		  "there is no group «%s»; did you mean «%s»? To make a new group of that name "
		  "all the same, add --new-group (\"new_group\": true)",
		  name, n.found); /* it names the one candidate: no list after it repeating it */
	return -1;
}

int api_take_flag(json_t *obj, const char *name)
{
	json_t *v = json_object_get(obj, name);
	int on = json_is_true(v);

	if (v != NULL && (json_is_boolean(v) || json_is_null(v)))
		json_object_del(obj, name);
	return on;
}

const char *api_shell_quote(const char *s, char *buf, size_t len)
{
	size_t used = 0;

	if (len < 3) {
		*buf = '\0';
		return buf;
	}
	buf[used++] = '\'';
	for (; *s != '\0' && used + 6 < len; s++) {
		if (*s == '\'') {
			memcpy(buf + used, "'\\''", 4);
			used += 4;
		} else {
			buf[used++] = *s;
		}
	}
	buf[used++] = '\'';
	buf[used] = '\0';
	return buf;
}
