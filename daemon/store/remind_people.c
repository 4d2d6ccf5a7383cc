/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "store/remind_store.h"
#include "grow.h"

/* Who a reminder reaches: an item's people and its groups' members, the plan's directors. */

void remind_people_free(struct remind_people *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].name);
		free(p->v[i].email);
		free(p->v[i].role);
	}
	free(p->v);
	memset(p, 0, sizeof *p);
}

int remind_people_add(struct remind_people *p, int64_t id, const char *name, const char *email,
		      const char *role, int copy)
{
	struct remind_person *x;

	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].id == id)
			return 0;
	if (grow(&p->v, &p->cap, p->n + 1, sizeof *p->v) == -1)
		return -1;
	x = &p->v[p->n];
	x->id = id;
	x->name = strdup(name);
	x->email = strdup(email);
	x->role = strdup(role);
	x->copy = copy;
	if (x->name == NULL || x->email == NULL || x->role == NULL) {
		free(x->name);
		free(x->email);
		free(x->role);
		return -1;
	}
	p->n++;
	return 0;
}

/*
 * Adds the rows of ST (id, name, email, role) to OUT; with ONLY_DIRECTORS, those whose role or name
 * says director (-1: unless column 4 of the first row says the plan named its director).
 */
static int add_rows(struct db *db, sqlite3_stmt *st, struct remind_people *out, int copy,
		    int only_directors, struct error *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = db_text(st, 3);

		if (only_directors == -1) /* the plan names its director, or not */
			only_directors = !sqlite3_column_int(st, 4);
		if (only_directors && !remind_is_director(role) &&
		    !remind_is_director(db_text(st, 1)))
			continue;
		if (remind_people_add(out, sqlite3_column_int64(st, 0), db_text(st, 1),
				      db_text(st, 2), role, copy) == -1) {
			sqlite3_reset(st);
			return error_set(err, ERR_INTERNAL, "out of memory");
		}
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int remind_store_recipients(struct db *db, int64_t item_id, struct remind_people *out,
			    struct error *err)
{
	static const char sql[] =
		"SELECT p.id, p.name, p.email, p.role FROM people p WHERE p.kind = 'person' AND "
		"p.id IN (SELECT a.person_id FROM assignments a WHERE a.item_id = ?1 UNION "
		"SELECT m.person_id FROM assignments a JOIN members m ON m.group_id = a.person_id "
		"WHERE a.item_id = ?1) ORDER BY p.name_key";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, item_id);
	return add_rows(db, st, out, 0, 0, err);
}

int remind_store_directors(struct db *db, int64_t plan_id, struct remind_people *out,
			   struct error *err)
{
	/* The plan's own director (plan edit --director), else whoever's role or name says so. */
	static const char sql[] =
		"SELECT p.id, p.name, p.email, p.role, l.director_id IS NOT NULL FROM plans l "
		"JOIN people p ON p.plan_id = l.id WHERE l.id = ? AND p.kind = 'person' AND "
		"(l.director_id IS NULL OR p.id = l.director_id) ORDER BY p.name_key";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, plan_id);
	return add_rows(db, st, out, 1, -1, err);
}

int remind_store_members(struct db *db, int64_t group_id, struct remind_people *out,
			 struct error *err)
{
	static const char sql[] = "SELECT p.id, p.name, p.email, p.role FROM members m JOIN "
				  "people p ON p.id = m.person_id WHERE m.group_id = ? "
				  "ORDER BY p.name_key";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, group_id);
	return add_rows(db, st, out, 0, 0, err);
}

int remind_store_person(struct db *db, int64_t plan_id, int64_t id, struct remind_people *out,
			struct error *err)
{
	static const char sql[] = "SELECT id, name, email, role FROM people WHERE plan_id = ? "
				  "AND id = ? AND kind = 'person'";
	sqlite3_stmt *st = db_stmt(db, sql);
	size_t before = out->n;

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, id);
	if (add_rows(db, st, out, 0, 0, err) == -1)
		return -1;
	return out->n > before;
}

int remind_store_reach(struct db *db, int64_t plan_id, remind_reach_fn fn, void *ctx,
		       struct error *err)
{
	static const char sql[] =
		"SELECT p.id, p.name, p.kind, p.email, (SELECT count(DISTINCT a.item_id) FROM "
		"assignments a JOIN items i ON i.id = a.item_id WHERE i.state = 'open' AND "
		"(a.person_id = p.id OR a.person_id IN (SELECT group_id FROM members WHERE "
		"person_id = p.id))), (SELECT count(*) FROM members m WHERE m.group_id = p.id) "
		"FROM people p WHERE p.plan_id = ? ORDER BY p.kind DESC, p.name_key";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn(sqlite3_column_int64(st, 0), db_text(st, 1), db_text(st, 2), db_text(st, 3),
		       sqlite3_column_int(st, 4), sqlite3_column_int(st, 5), ctx) == -1) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}
