/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "time/civil.h"
#include "time/when_shift.h"

/*
 * Next year's plan from this one. People, groups and rules are copied by SQL, the new rows found
 * by their names (unique in a plan); items one by one, because each one's WHEN is read, moved and
 * written again (time/when_shift.c). Not copied: what belongs to the old week (states, notes,
 * who did what, sent reminders) and its links (feeds, pages, tokens): the new plan makes its own.
 */

/* Runs SQL with ?1 the old plan and ?2 the new one. */
static int copy_sql(struct db *db, const char *sql, int64_t from, int64_t to, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	return db_exec_stmt(db, st, err);
}

static int copy_people(struct db *db, int64_t from, int64_t to, int64_t now, struct error *err)
{
	static const char people[] =
		"INSERT INTO people (plan_id, name, name_key, kind, role, email, created) "
		"SELECT ?2, name, name_key, kind, role, email, ?3 FROM people WHERE plan_id = ?1 "
		"ORDER BY id";
	static const char members[] =
		"INSERT INTO members (group_id, person_id) SELECT ng.id, np.id FROM members m "
		"JOIN people og ON og.id = m.group_id JOIN people op ON op.id = m.person_id "
		"JOIN people ng ON ng.plan_id = ?2 AND ng.name_key = og.name_key "
		"JOIN people np ON np.plan_id = ?2 AND np.name_key = op.name_key "
		"WHERE og.plan_id = ?1";
	static const char rules[] = "INSERT INTO remind_plan (plan_id, events, deadlines, overdue) "
				    "SELECT ?2, events, deadlines, overdue FROM remind_plan "
				    "WHERE plan_id = ?1";
	static const char director[] =
		"UPDATE plans SET director_id = (SELECT np.id FROM plans o JOIN people op ON "
		"op.id = o.director_id JOIN people np ON np.plan_id = ?2 AND np.name_key = "
		"op.name_key WHERE o.id = ?1) WHERE id = ?2";
	sqlite3_stmt *st = db_stmt(db, people);

	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_int64(st, 3, now);
	if (db_exec_stmt(db, st, err) == -1 || copy_sql(db, members, from, to, err) == -1 ||
	    copy_sql(db, rules, from, to, err) == -1)
		return -1;
	return copy_sql(db, director, from, to, err);
}

/* An item of the old plan, as much of it as goes over. */
struct src_item {
	int64_t id, parent_id, new_id;
	char *label, *title, *description, *place, *when_text;
	int deadline;
};

struct src_items {
	struct src_item *v;
	size_t n, cap;
};

static void src_free(struct src_items *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].label);
		free(s->v[i].title);
		free(s->v[i].description);
		free(s->v[i].place);
		free(s->v[i].when_text);
	}
	free(s->v);
}

static int src_add(struct src_items *s, sqlite3_stmt *st)
{
	struct src_item *x, *grown;

	if (s->n == s->cap) {
		if ((grown = realloc(s->v, (s->cap * 2 + 64) * sizeof *grown)) == NULL)
			return -1;
		s->v = grown, s->cap = s->cap * 2 + 64;
	}
	x = &s->v[s->n++];
	*x = (struct src_item){ .id = sqlite3_column_int64(st, 0),
				.parent_id = sqlite3_column_int64(st, 1),
				.label = strdup(db_text(st, 2)),
				.title = strdup(db_text(st, 3)),
				.description = strdup(db_text(st, 4)),
				.place = strdup(db_text(st, 5)),
				.when_text = strdup(db_text(st, 6)),
				.deadline = sqlite3_column_int(st, 7) };
	return x->label && x->title && x->description && x->place && x->when_text ? 0 : -1;
}

static int src_load(struct db *db, int64_t plan_id, struct src_items *s, struct error *err)
{
	static const char sql[] = "SELECT id, coalesce(parent_id, 0), label, title, description, "
				  "place, when_text, kind = 'deadline' FROM items "
				  "WHERE plan_id = ? ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (src_add(s, st) == -1) {
			sqlite3_reset(st);
			return error_set(err, ERR_INTERNAL, "out of memory");
		}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

/* The new id of old item ID (S is in id order), or 0. */
static int64_t src_new_id(const struct src_items *s, int64_t id)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->v[mid].id == id)
			return s->v[mid].new_id;
		if (s->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* What goes with an item: its people (found by name in the new plan) and its own rules. */
static int copy_item_links(struct db *db, int64_t old_id, int64_t new_id, int64_t to,
			   struct error *err)
{
	static const char who[] =
		"INSERT INTO assignments (item_id, person_id, position) SELECT ?2, np.id, "
		"a.position FROM assignments a JOIN people op ON op.id = a.person_id "
		"JOIN people np ON np.plan_id = ?3 AND np.name_key = op.name_key "
		"WHERE a.item_id = ?1";
	static const char rules[] = "INSERT INTO remind_item (item_id, rules) SELECT ?2, rules "
				    "FROM remind_item WHERE item_id = ?1";
	sqlite3_stmt *st = db_stmt(db, who);

	sqlite3_bind_int64(st, 1, old_id);
	sqlite3_bind_int64(st, 2, new_id);
	sqlite3_bind_int64(st, 3, to);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	return copy_sql(db, rules, old_id, new_id, err);
}

/* The days of the old plan and of the new one, and what the new one is written in. */
struct shift {
	int64_t from_id;
	struct when_ctx from, to;
	int days;
	const struct plan *plan;
};

static int copy_item(struct db *db, const struct shift *sh, struct src_item *x, int64_t now,
		     struct plan_copy_result *res, struct error *err)
{
	struct item_change c = { .title = x->title,
				 .description = x->description,
				 .place = x->place,
				 .label = x->label };
	struct moment m;
	struct when w;
	int own_form = 0, rc = -1;
	char *text = when_shift_rewrite(x->when_text, &sh->from, &sh->to, x->deadline, sh->days,
					sh->plan->lang, &w, &own_form);

	if (text == NULL)
		return error_set(err, ERR_INVALID,
				 "item %s «%s»: its date «%s» does not read, so it cannot be "
				 "moved; correct it with qweek edit first",
				 *x->label ? x->label : "", x->title, x->when_text);
	if (moment_from_when(&w, sh->plan->tz, &m, err) == 0) {
		c.when_text = text;
		c.moment = &m;
		rc = store_item_insert(db, sh->plan->id, &c, now, &x->new_id, err);
	}
	free(text);
	if (rc == 0)
		rc = copy_item_links(db, x->id, x->new_id, sh->plan->id, err);
	res->items += rc == 0;
	res->rewritten += rc == 0 && own_form;
	return rc;
}

static int set_parent(struct db *db, int64_t id, int64_t parent, struct error *err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE items SET parent_id = ?2 WHERE id = ?1");

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, parent);
	return db_exec_stmt(db, st, err);
}

static int copy_items(struct db *db, const struct shift *sh, int64_t now,
		      struct plan_copy_result *res, struct error *err)
{
	struct src_items s = { 0 };
	int64_t parent;
	int rc = src_load(db, sh->from_id, &s, err);

	for (size_t i = 0; i < s.n && rc == 0; i++)
		rc = copy_item(db, sh, &s.v[i], now, res, err);
	for (size_t i = 0; i < s.n && rc == 0; i++)
		if (s.v[i].parent_id != 0 && (parent = src_new_id(&s, s.v[i].parent_id)) != 0)
			rc = set_parent(db, s.v[i].new_id, parent, err);
	src_free(&s);
	return rc;
}

int store_plan_copy(struct db *db, const struct plan *from, struct plan *to, int days, int64_t now,
		    struct plan_copy_result *res, struct error *err)
{
	struct shift sh = { .from_id = from->id, .days = days, .plan = to };

	*res = (struct plan_copy_result){ 0 };
	when_ctx_init(&sh.from, from->first_day, from->last_day);
	when_ctx_init(&sh.to, to->first_day, to->last_day);
	if (store_plan_insert(db, to, now, err) == -1 ||
	    copy_people(db, from->id, to->id, now, err) == -1)
		return -1;
	res->people = from->npeople;
	return copy_items(db, &sh, now, res, err);
}
