/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

/* A plan changed after it was made: its settings, its time zone, its director; or removed. */

int store_plan_update(struct db *db, const struct plan *p, int64_t now, struct error *err)
{
	static const char sql[] = "UPDATE plans SET slug = ?2, title = ?3, org = ?4, "
				  "first_day = ?5, last_day = ?6, tz = ?7, lang = ?8, "
				  "updated = ?9 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_text(st, 2, p->slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->org, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->first_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->last_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->tz, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, p->lang, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, now);
	return db_exec_stmt(db, st, err);
}

int store_plan_set_director(struct db *db, int64_t plan_id, int64_t person_id, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE plans SET director_id = ?2 WHERE id = ?1");

	sqlite3_bind_int64(st, 1, plan_id);
	if (person_id != 0)
		sqlite3_bind_int64(st, 2, person_id);
	else
		sqlite3_bind_null(st, 2);
	return db_exec_stmt(db, st, err);
}

/* Everything else goes with the plan's row: every table refers to it ON DELETE CASCADE. */
int store_plan_delete(struct db *db, int64_t id, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM plans WHERE id = ?");

	sqlite3_bind_int64(st, 1, id);
	return db_exec_stmt(db, st, err);
}

/* ---- a new time zone ---------------------------------------------------------------------- */

/* An item's WHEN as written, read before anything is written back. */
struct retime_item {
	int64_t id, at, late_after;
	char *when_text;
	int deadline;
};

static void retime_free(struct retime_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].when_text);
	free(v);
}

static int retime_load(struct db *db, int64_t plan_id, struct retime_item **out, size_t *n,
		       struct error *err)
{
	static const char sql[] = "SELECT id, at, late_after, when_text, kind = 'deadline' "
				  "FROM items WHERE plan_id = ? ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct retime_item *v = NULL, *grown;
	size_t cap = 0;
	int rc;

	*n = 0;
	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			if ((grown = realloc(v, (cap * 2 + 64) * sizeof *v)) == NULL)
				break;
			v = grown, cap = cap * 2 + 64;
		}
		v[*n] = (struct retime_item){ sqlite3_column_int64(st, 0),
					      sqlite3_column_int64(st, 1),
					      sqlite3_column_int64(st, 2), strdup(db_text(st, 3)),
					      sqlite3_column_int(st, 4) };
		if (v[(*n)++].when_text == NULL)
			break;
	}
	*out = v;
	if (rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return error_set(err, ERR_INTERNAL, "out of memory");
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

/* Item V read again in zone TZ: its new instants written if they moved (*MOVED counts it). */
static int retime_one(struct db *db, const struct when_ctx *ctx, const struct retime_item *v,
		      const char *tz, int64_t now, int *moved, struct error *err)
{
	struct item_change c = { .when_text = v->when_text };
	struct moment m;
	struct when w;

	if (when_parse(v->when_text, ctx, v->deadline, &w, NULL) == -1 ||
	    moment_from_when(&w, tz, &m, err) == -1) {
		error_clear(err);
		return 0; /* what never read keeps its instants */
	}
	if (m.at == v->at && m.late_after == v->late_after)
		return 0;
	c.moment = &m;
	(*moved)++;
	return store_item_update(db, v->id, &c, now, err);
}

int store_plan_retime(struct db *db, const struct plan *p, const char *tz, int64_t now, int *moved,
		      struct error *err)
{
	struct retime_item *v;
	struct when_ctx ctx;
	size_t n;
	int rc;

	*moved = 0;
	if ((rc = retime_load(db, p->id, &v, &n, err)) == 0) {
		when_ctx_init(&ctx, p->first_day, p->last_day);
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = retime_one(db, &ctx, &v[i], tz, now, moved, err);
	}
	retime_free(v, n);
	return rc;
}
