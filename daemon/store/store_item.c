/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/item_mark_store.h"
#include "store/store.h"
#include "store/store_who.h"
#include "utf8.h"

/* Items of a plan, their assignees, and their state. */

/*
 * The columns store_item_from_row reads, then the parent's label. A NULL reads as "" or 0 there,
 * so the columns need no coalesce(), which would copy every text.
 */
#define ITEM_COLUMNS                                                                              \
	"SELECT i.id, i.plan_id, i.parent_id, i.label, i.title, i.description, i.place, i.kind, " \
	"i.when_text, i.start_at, i.end_at, i.due_at, i.at, i.late_after, i.state, i.done_at, "   \
	"i.cancelled_at, i.done_by, i.note, i.created, i.updated, i.seq, p.label"
#define ITEM_FROM "FROM items i LEFT JOIN items p ON p.id = i.parent_id "
/* One item with its assignees, in order. */
#define ITEM_SELECT                                                                              \
	ITEM_COLUMNS ", (SELECT group_concat(name, char(31)) FROM (SELECT n.name FROM "          \
		     "assignments a JOIN people n ON n.id = a.person_id WHERE a.item_id = i.id " \
		     "ORDER BY a.position)) " ITEM_FROM

void store_item_from_row(sqlite3_stmt *st, struct item *it)
{
	it->id = sqlite3_column_int64(st, 0);
	it->plan_id = sqlite3_column_int64(st, 1);
	it->parent_id = sqlite3_column_int64(st, 2);
	it->label = db_text(st, 3);
	it->title = db_text(st, 4);
	it->description = db_text(st, 5);
	it->place = db_text(st, 6);
	it->kind = db_text(st, 7);
	it->when_text = db_text(st, 8);
	it->start_at = db_text(st, 9);
	it->end_at = db_text(st, 10);
	it->due_at = db_text(st, 11);
	it->at = sqlite3_column_int64(st, 12);
	it->late_after = sqlite3_column_int64(st, 13);
	it->state = db_text(st, 14);
	it->done_at = sqlite3_column_int64(st, 15);
	it->cancelled_at = sqlite3_column_int64(st, 16);
	it->done_by = db_text(st, 17);
	it->note = db_text(st, 18);
	it->created = sqlite3_column_int64(st, 19);
	it->updated = sqlite3_column_int64(st, 20);
	it->seq = sqlite3_column_int64(st, 21);
}

static void item_from_row(sqlite3_stmt *st, struct item *it)
{
	store_item_from_row(st, it);
	it->parent_label = db_text(st, 22);
	it->who = db_text(st, 23);
}

static int each_row(struct db *db, sqlite3_stmt *st, item_fn fn, void *ctx, int *n,
		    struct error *err)
{
	struct item it;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		item_from_row(st, &it);
		(*n)++;
		if (fn(&it, ctx) == -1)
			return -1;
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_item_each(struct db *db, int64_t plan_id, const struct item_filter *f, item_fn fn,
		    void *ctx, struct error *err)
{
	static const char sql[] = ITEM_COLUMNS
		" " ITEM_FROM
		"WHERE i.plan_id = ?1 AND (?2 IS NULL OR i.state = ?2 OR (?2 = 'overdue' AND "
		"i.state = 'open' AND i.late_after <= ?3)) AND (?4 = 0 OR EXISTS (SELECT 1 FROM "
		"assignments a WHERE a.item_id = i.id AND (a.person_id = ?4 OR a.person_id IN "
		"(SELECT group_id FROM members WHERE person_id = ?4)))) ORDER BY i.sort_key, i.id";
	struct store_who who = { 0 };
	sqlite3_stmt *st;
	struct item it;
	int rc = -1;

	if (store_who_load(db, plan_id, &who, err) == -1)
		goto out;
	st = db_stmt(db, sql);
	sqlite3_bind_int64(st, 1, plan_id);
	if (f->state != NULL)
		sqlite3_bind_text(st, 2, f->state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, f->now);
	sqlite3_bind_int64(st, 4, f->person_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_item_from_row(st, &it);
		it.parent_label = db_text(st, 22);
		it.who = store_who_get(&who, it.id);
		if (fn(&it, ctx) == -1) {
			sqlite3_reset(st);
			rc = -1;
			goto out;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
out:
	store_who_free(&who);
	return rc;
}

int store_item_get(struct db *db, int64_t plan_id, int64_t id, item_fn fn, void *ctx,
		   struct error *err)
{
	static const char sql[] = ITEM_SELECT "WHERE i.plan_id = ? AND i.id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int n = 0;

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, id);
	if (each_row(db, st, fn, ctx, &n, err) == -1)
		return -1;
	if (n == 0)
		return error_set(err, ERR_NOT_FOUND, "there is no item @%lld in this plan",
				 (long long)id);
	return 0;
}

int store_item_by_label(struct db *db, int64_t plan_id, const char *label, int64_t *ids, int max,
			struct error *err)
{
	static const char sql[] = "SELECT id FROM items WHERE plan_id = ? AND label = ? "
				  "ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, sql);
	int n = 0, rc;

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n < max)
			ids[n++] = sqlite3_column_int64(st, 0);
	return rc == SQLITE_DONE ? n : db_fail(db, rc, err);
}

/* "@13 7 Подготовка аналитической справки…": how candidates name an item. */
static void candidate_line(struct error *err, int64_t id, const char *label, const char *title)
{
	enum { TITLE_CHARS = 48 };
	char shown[TITLE_CHARS * 4 + 4], *p = shown;
	const char *s = title;
	uint32_t cp;
	int n = 0;

	while ((cp = utf8_next(&s)) != 0 && n++ < TITLE_CHARS)
		p += utf8_put(p, cp);
	if (cp != 0)
		p += utf8_put(p, 0x2026);
	*p = '\0';
	error_candidate(err, "@%lld%s%s %s", (long long)id, *label ? " " : "", label, shown);
}

void store_item_suggest(struct db *db, int64_t plan_id, const char *ref, struct error *err)
{
	static const char sql[] = "SELECT id, label, title FROM items WHERE plan_id = ? "
				  "ORDER BY sort_key, id";
	sqlite3_stmt *st = db_stmt(db, sql);
	size_t head = strcspn(ref, ".");
	char *key = utf8_fold_str(ref);
	int shown = 0;

	sqlite3_bind_int64(st, 1, plan_id);
	while (sqlite3_step(st) == SQLITE_ROW && shown < 10) {
		const char *label = db_text(st, 1), *title = db_text(st, 2);
		char *tkey = utf8_fold_str(title);
		int near = (*label && strncmp(label, ref, head) == 0 &&
			    (label[head] == '\0' || label[head] == '.')) ||
			   utf8_distance(label, ref) <= 1 ||
			   (key && tkey && strlen(key) >= 3 && strstr(tkey, key) != NULL);
		if (near) {
			candidate_line(err, sqlite3_column_int64(st, 0), label, title);
			shown++;
		}
		free(tkey);
	}
	free(key);
}

void store_item_same_label(struct db *db, int64_t plan_id, const char *label, struct error *err)
{
	static const char sql[] = "SELECT id, label, title FROM items WHERE plan_id = ? AND "
				  "label = ? ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		candidate_line(err, sqlite3_column_int64(st, 0), db_text(st, 1), db_text(st, 2));
}

void store_label_key(const char *label, char *buf, size_t len)
{
	size_t used = 0;

	if (*label == '\0') {
		snprintf(buf, len, "~");
		return;
	}
	while (*label != '\0' && used + 8 < len) {
		if (isdigit((unsigned char)*label)) {
			unsigned long v = strtoul(label, (char **)&label, 10);
			used += (size_t)snprintf(buf + used, len - used, "%06lu", v % 1000000);
		} else {
			buf[used++] = *label++;
		}
	}
	buf[used < len ? used : len - 1] = '\0';
}

static int replace_assignees(struct db *db, int64_t item_id, const int64_t *who, size_t n,
			     struct error *err)
{
	static const char del[] = "DELETE FROM assignments WHERE item_id = ?";
	static const char ins[] = "INSERT OR IGNORE INTO assignments (item_id, person_id, "
				  "position) VALUES (?, ?, ?)";
	sqlite3_stmt *st = db_stmt(db, del);

	sqlite3_bind_int64(st, 1, item_id);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	for (size_t i = 0; i < n; i++) {
		st = db_stmt(db, ins);
		sqlite3_bind_int64(st, 1, item_id);
		sqlite3_bind_int64(st, 2, who[i]);
		sqlite3_bind_int64(st, 3, (int64_t)i);
		if (db_exec_stmt(db, st, err) == -1)
			return -1;
	}
	return 0;
}

static void bind_opt_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL && *s != '\0')
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* Binds ?10-?16 (the time of an item) from M. */
static void bind_moment(sqlite3_stmt *st, const char *when_text, const struct moment *m)
{
	sqlite3_bind_text(st, 10, m->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, when_text, -1, SQLITE_STATIC);
	bind_opt_text(st, 12, m->start);
	bind_opt_text(st, 13, m->end);
	bind_opt_text(st, 14, m->due);
	sqlite3_bind_int64(st, 15, m->at);
	sqlite3_bind_int64(st, 16, m->late_after);
}

int store_item_insert(struct db *db, int64_t plan_id, const struct item_change *c, int64_t now,
		      int64_t *id, struct error *err)
{
	static const char sql[] =
		"INSERT INTO items (plan_id, label, sort_key, title, description, place, "
		"parent_id, created, updated, kind, when_text, start_at, end_at, due_at, at, "
		"late_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?10, ?11, ?12, ?13, ?14, "
		"?15, ?16)";
	const char *label = c->label != NULL ? c->label : "";
	sqlite3_stmt *st = db_stmt(db, sql);
	char key[128];

	store_label_key(label, key, sizeof key);
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, c->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->description ? c->description : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, c->place ? c->place : "", -1, SQLITE_STATIC);
	if (c->has_parent && c->parent_id != 0)
		sqlite3_bind_int64(st, 7, c->parent_id);
	sqlite3_bind_int64(st, 8, now);
	bind_moment(st, c->when_text, c->moment);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	*id = db_last_id(db);
	return c->has_who ? replace_assignees(db, *id, c->who, c->nwho, err) : 0;
}

int store_item_update(struct db *db, int64_t id, const struct item_change *c, int64_t now,
		      struct error *err)
{
	static const char sql[] =
		"UPDATE items SET title = coalesce(?2, title), description = coalesce(?3, "
		"description), place = coalesce(?4, place), label = coalesce(?5, label), "
		"sort_key = coalesce(?6, sort_key), parent_id = CASE WHEN ?7 THEN ?8 ELSE "
		"parent_id END, kind = coalesce(?10, kind), when_text = coalesce(?11, when_text), "
		"start_at = CASE WHEN ?10 IS NULL THEN start_at ELSE ?12 END, "
		"end_at = CASE WHEN ?10 IS NULL THEN end_at ELSE ?13 END, "
		"due_at = CASE WHEN ?10 IS NULL THEN due_at ELSE ?14 END, "
		"at = coalesce(?15, at), late_after = coalesce(?16, late_after), "
		"seq = seq + 1, updated = ?9 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	char key[128];

	sqlite3_bind_int64(st, 1, id);
	if (c->title)
		sqlite3_bind_text(st, 2, c->title, -1, SQLITE_STATIC);
	if (c->description)
		sqlite3_bind_text(st, 3, c->description, -1, SQLITE_STATIC);
	if (c->place)
		sqlite3_bind_text(st, 4, c->place, -1, SQLITE_STATIC);
	if (c->label) {
		store_label_key(c->label, key, sizeof key);
		sqlite3_bind_text(st, 5, c->label, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, key, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(st, 7, c->has_parent);
	if (c->has_parent && c->parent_id != 0)
		sqlite3_bind_int64(st, 8, c->parent_id);
	sqlite3_bind_int64(st, 9, now);
	if (c->moment != NULL)
		bind_moment(st, c->when_text, c->moment);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	return c->has_who ? replace_assignees(db, id, c->who, c->nwho, err) : 0;
}

int store_item_touch(struct db *db, int64_t id, int64_t now, struct error *err)
{
	sqlite3_stmt *st =
		db_stmt(db, "UPDATE items SET seq = seq + 1, updated = ?2 WHERE id = ?1");

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	return db_exec_stmt(db, st, err);
}

/* A person's change of state (not an import's) is also a mark, for the digest. */
int store_item_set_state(struct db *db, int64_t id, const char *state, const char *note,
			 const char *by, int64_t now, struct error *err)
{
	if (store_item_set_state_at(db, id, state, note, by, now, now, err) == -1)
		return -1;
	return store_item_mark_add(db, id, state, by, note, now, err);
}

/*
 * The one UPDATE of an item's state. SEQ >= 0 binds it to that version (a form of a person's
 * page carries the seq it was rendered with): an item that moved on, or was cancelled, is then
 * left as it is, in the same statement, so a stale page or a second press changes nothing.
 */
static int set_state(struct db *db, int64_t id, int64_t seq, const char *state, const char *note,
		     const char *by, int64_t at, int64_t now, struct error *err)
{
	static const char sql[] = "UPDATE items SET state = ?2, note = coalesce(?3, note), "
				  "done_at = CASE ?2 WHEN 'done' THEN ?5 ELSE NULL END, "
				  "done_by = CASE ?2 WHEN 'done' THEN ?4 ELSE NULL END, "
				  "cancelled_at = CASE ?2 WHEN 'cancelled' THEN ?5 ELSE NULL END, "
				  "seq = seq + 1, updated = ?6 WHERE id = ?1 AND "
				  "(?7 IS NULL OR (seq = ?7 AND state <> 'cancelled'))";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	if (note != NULL)
		sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	if (by != NULL)
		sqlite3_bind_text(st, 4, by, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, at);
	sqlite3_bind_int64(st, 6, now);
	if (seq >= 0)
		sqlite3_bind_int64(st, 7, seq);
	return db_exec_stmt(db, st, err);
}

int store_item_set_state_at(struct db *db, int64_t id, const char *state, const char *note,
			    const char *by, int64_t at, int64_t now, struct error *err)
{
	return set_state(db, id, -1, state, note, by, at, now, err);
}

int store_item_set_state_seq(struct db *db, int64_t id, int64_t seq, const char *state,
			     const char *note, const char *by, int64_t now, struct error *err)
{
	return store_item_set_state_seq_at(db, id, seq, state, note, by, now, now, err);
}

int store_item_set_state_seq_at(struct db *db, int64_t id, int64_t seq, const char *state,
				const char *note, const char *by, int64_t at, int64_t now,
				struct error *err)
{
	if (set_state(db, id, seq, state, note, by, at, now, err) == -1)
		return -1;
	if (sqlite3_changes(db_handle(db)) != 1)
		return 0;
	return store_item_mark_add(db, id, state, by, note, now, err) == -1 ? -1 : 1;
}
