/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

/* Plans: one Quality Week of one institution. */

#define PLAN_COLUMNS                                                                     \
	"SELECT id, slug, title, org, first_day, last_day, tz, lang, created, updated, " \
	"(SELECT count(*) FROM items WHERE plan_id = plans.id), "                        \
	"(SELECT count(*) FROM people WHERE plan_id = plans.id), "                       \
	"(SELECT name FROM people WHERE id = plans.director_id) FROM plans "

void plan_free(struct plan *p)
{
	if (p == NULL)
		return;
	free(p->slug);
	free(p->title);
	free(p->org);
	free(p->tz);
	free(p->lang);
	free(p->director);
	free(p);
}

/* Reads the current row of a PLAN_COLUMNS statement; strings point into the row. */
static void plan_from_row(sqlite3_stmt *st, struct plan *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->slug = (char *)db_text(st, 1);
	p->title = (char *)db_text(st, 2);
	p->org = (char *)db_text(st, 3);
	snprintf(p->first_day, sizeof p->first_day, "%s", db_text(st, 4));
	snprintf(p->last_day, sizeof p->last_day, "%s", db_text(st, 5));
	p->tz = (char *)db_text(st, 6);
	p->lang = (char *)db_text(st, 7);
	p->created = sqlite3_column_int64(st, 8);
	p->updated = sqlite3_column_int64(st, 9);
	p->nitems = sqlite3_column_int(st, 10);
	p->npeople = sqlite3_column_int(st, 11);
	p->director = sqlite3_column_type(st, 12) == SQLITE_NULL ? NULL : (char *)db_text(st, 12);
}

static struct plan *plan_copy(const struct plan *row)
{
	struct plan *p = malloc(sizeof *p);

	if (p == NULL)
		return NULL;
	*p = *row;
	p->slug = strdup(row->slug);
	p->title = strdup(row->title);
	p->org = strdup(row->org);
	p->tz = strdup(row->tz);
	p->lang = strdup(row->lang);
	p->director = row->director != NULL ? strdup(row->director) : NULL;
	return p;
}

int store_plan_slug_taken(struct db *db, const char *slug)
{
	static const char sql[] = "SELECT 1 FROM plans WHERE slug = ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	return sqlite3_step(st) == SQLITE_ROW;
}

/* Appends -2, -3, ... to P->slug until it is free. */
static int make_slug_unique(struct db *db, struct plan *p)
{
	char *candidate;

	if (!store_plan_slug_taken(db, p->slug))
		return 0;
	for (int n = 2;; n++) {
		if (asprintf(&candidate, "%s-%d", p->slug, n) == -1)
			return -1;
		if (!store_plan_slug_taken(db, candidate)) {
			free(p->slug);
			p->slug = candidate;
			return 0;
		}
		free(candidate);
	}
}

int store_plan_insert(struct db *db, struct plan *p, int64_t now, struct error *err)
{
	static const char sql[] =
		"INSERT INTO plans (slug, title, org, first_day, last_day, tz, lang, created, "
		"updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?8)";
	sqlite3_stmt *st;

	if (make_slug_unique(db, p) == -1)
		return error_set(err, ERR_INTERNAL, "out of memory");
	st = db_stmt(db, sql);
	sqlite3_bind_text(st, 1, p->slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->org, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->first_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->last_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->tz, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->lang, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, now);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	p->id = db_last_id(db);
	p->created = p->updated = now;
	return 0;
}

int store_plan_touch(struct db *db, int64_t id, int64_t now, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE plans SET updated = ?2 WHERE id = ?1");

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	return db_exec_stmt(db, st, err);
}

/* With several plans and no slug given, name them all so the person can choose. */
static struct plan *only_plan(struct db *db, struct error *err)
{
	static const char sql[] = PLAN_COLUMNS "ORDER BY id LIMIT 20";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct plan row, *found = NULL;
	char slugs[1024] = "";
	size_t used = 0;
	int n = 0;

	while (sqlite3_step(st) == SQLITE_ROW) {
		plan_from_row(st, &row);
		if (n++ == 0)
			found = plan_copy(&row);
		if (used < sizeof slugs)
			used += (size_t)snprintf(slugs + used, sizeof slugs - used, "%s%s",
						 n > 1 ? ", " : "", row.slug);
	}
	if (n == 1)
		return found;
	plan_free(found);
	if (n == 0)
		error_set(err, ERR_NOT_FOUND,
			  "there is no plan yet: create one with "
			  "qweek plan new TITLE --from DATE --to DATE");
	else
		error_set(err, ERR_CHOOSE_PLAN,
			  "there are several plans (%s): choose one with "
			  "--plan",
			  slugs);
	return NULL;
}

struct plan *store_plan_find(struct db *db, const char *slug, struct error *err)
{
	static const char sql[] = PLAN_COLUMNS "WHERE slug = ?";
	sqlite3_stmt *st;
	struct plan row;

	if (strcmp(slug, "_") == 0)
		return only_plan(db, err);
	st = db_stmt(db, sql);
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		plan_from_row(st, &row);
		return plan_copy(&row);
	}
	error_set(err, ERR_NOT_FOUND, "there is no plan «%s»; qweek plan list shows the plans",
		  slug);
	return NULL;
}

struct plan *store_plan_get(struct db *db, int64_t id, struct error *err)
{
	static const char sql[] = PLAN_COLUMNS "WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct plan row, *p;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			error_set(err, ERR_NOT_FOUND, "there is no plan %lld", (long long)id);
		else
			db_fail(db, rc, err);
		return NULL;
	}
	plan_from_row(st, &row);
	if ((p = plan_copy(&row)) == NULL || !p->slug || !p->title || !p->org || !p->tz ||
	    !p->lang) {
		plan_free(p);
		error_set(err, ERR_INTERNAL, "out of memory");
		p = NULL;
	}
	sqlite3_reset(st);
	return p;
}

int store_plan_each(struct db *db, int (*fn)(const struct plan *, void *), void *ctx,
		    struct error *err)
{
	static const char sql[] = PLAN_COLUMNS "ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct plan row;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		plan_from_row(st, &row);
		if (fn(&row, ctx) == -1)
			return -1;
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}
