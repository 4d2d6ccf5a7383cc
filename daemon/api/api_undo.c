/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_history.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "store/plan_write.h"

/*
 * POST .../undo: reverts the last change the asker made in the plan, or change {"id": "N"},
 * as a change of its own (recorded, announced). Refused, naming them, while later changes
 * touched the same rows: undoing under them would silently undo them too.
 */

struct undo_ctx {
	struct api_what x;
	struct buf later; /* the later changes, named */
	char *what;	  /* the change undone, in words */
	char by[200];
	int creates_plan;
};

static int name_later(const struct change *c, void *arg)
{
	struct undo_ctx *u = arg;
	char *what = api_history_what(&u->x, c);

	buf_printf(&u->later, "%s%lld (%s: %s)", u->later.len > 0 ? "; " : "", (long long)c->id,
		   c->by, what);
	free(what);
	return 0;
}

static int read_undone(const struct change *c, void *arg)
{
	struct undo_ctx *u = arg;

	u->what = api_history_what(&u->x, c);
	snprintf(u->by, sizeof u->by, "%s", c->by);
	for (size_t i = 0; i < c->nrows; i++)
		u->creates_plan |=
			strcmp(c->rows[i].tbl, "plans") == 0 && c->rows[i].before == NULL;
	return 0;
}

/* Which change: {"id": "N"}, else the asker's (BY) last one. 0 with *ID, or -1 with ERR. */
static int which(struct request *r, const char *by, int64_t *id, struct error *err)
{
	const char *given = json_in_str(r->body, "id");
	char *end = NULL;
	int found;

	if (given != NULL) {
		*id = strtoll(given, &end, 10);
		if (*given == '\0' || *end != '\0' || *id <= 0)
			return error_set(err, ERR_INVALID,
					 "change «%s»: give its number (qweek history)", given);
		return 0;
	}
	found = store_history_last(r->daemon->db, r->plan->id, by != NULL ? by : "", id, err);
	if (found == 0)
		return error_set(err, ERR_NOT_FOUND,
				 "%s made no change in plan %s that can be undone (qweek history "
				 "lists them all; qweek undo --id N undoes another's)",
				 by != NULL ? by : "nobody", r->plan->slug);
	return found == 1 ? 0 : -1;
}

/* Whether change ID can be undone now: 0, or -1 with ERR saying why not. */
static int undoable(struct request *r, int64_t id, struct undo_ctx *u, struct error *err)
{
	struct db *db = r->daemon->db;
	int64_t undo_id;
	int n = store_history_get(db, r->plan->id, id, read_undone, u, err);

	if (n == 0)
		return error_set(err, ERR_NOT_FOUND, "there is no change %lld in plan %s",
				 (long long)id, r->plan->slug);
	if (n == -1 || (n = store_history_undone(db, id, &undo_id, err)) == -1)
		return -1;
	if (n == 1)
		return error_set(err, ERR_CONFLICT,
				 "change %lld was undone already, by change %lld", (long long)id,
				 (long long)undo_id);
	if (u->creates_plan)
		return error_set(err, ERR_CONFLICT,
				 "change %lld made the plan itself: undo cannot remove a plan",
				 (long long)id);
	if ((n = store_history_later(db, r->plan->id, id, name_later, u, err)) == -1)
		return -1;
	if (n > 0) {
		size_t len;
		char *later = buf_take(&u->later, &len);
		error_set(
			err, ERR_CONFLICT,
			"change %lld cannot be undone: later changes touched the same things: %s. "
			"Undo them first (qweek undo --id N)",
			(long long)id, later != NULL ? later : "");
		free(later);
		return -1;
	}
	return 0;
}

static int revert(struct request *r, int64_t id, const char *by, struct error *err)
{
	struct db *db = r->daemon->db;
	struct plan_write w;

	if (plan_write_begin(&w, db, r->plan->id, err) == -1)
		return -1;
	plan_write_by(&w, by, "cli");
	w.undoes = id;
	if (store_history_revert(db, id, clock_now(), err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	return 0;
}

int api_undo(struct request *r, struct error *err)
{
	static const struct field fields[] = { { "id", FIELD_LINE, 20 }, { NULL, 0, 0 } };
	struct undo_ctx u = { .x = { .db = r->daemon->db, .lang = r->plan->lang } };
	const char *by = NULL;
	char name[200];
	int64_t id = 0, made = 0;
	int rc = -1;

	if (json_in_check(r->body, fields, err) == -1 ||
	    api_actor(r, r->plan, NULL, &by, name, sizeof name, err) == -1 ||
	    which(r, by, &id, err) == -1 || undoable(r, id, &u, err) == -1 ||
	    revert(r, id, by, err) == -1 ||
	    store_history_undone(r->daemon->db, id, &made, err) == -1)
		goto out;
	r->reply = json_pack("{s:I, s:s, s:s, s:I}", "undone", (json_int_t)id, "by", u.by, "what",
			     u.what != NULL ? u.what : "", "change", (json_int_t)made);
	rc = 0;
out:
	buf_free(&u.later);
	free(u.what);
	return rc;
}
