/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "store/plan_write.h"

/* Done, reopen, cancel: the moves of an item's state, each refused when it makes no sense. */

struct transition {
	const char *verb;    /* as the person typed it */
	const char *to;	     /* the state it leads to */
	const char *from;    /* the only state it leaves */
	const char *refusal; /* "%s" is the item's REF */
};

static const struct transition done_move = {
	"done",
	"done",
	"open",
	"%s is %s; reopen it first if it needs doing again",
};
static const struct transition reopen_move = {
	"reopen",
	"open",
	NULL,
	"%s is %s already",
};
static const struct transition cancel_move = {
	"cancel",
	"cancelled",
	"open",
	"%s is %s; reopen it first",
};

struct state_ctx {
	char state[16];
	char ref[48];
};

static int read_state(const struct item *it, void *arg)
{
	struct state_ctx *c = arg;

	snprintf(c->state, sizeof c->state, "%s", it->state);
	if (*it->label != '\0')
		snprintf(c->ref, sizeof c->ref, "%s", it->label);
	else
		snprintf(c->ref, sizeof c->ref, "@%lld", (long long)it->id);
	return 0;
}

static int allowed(const struct transition *t, const struct state_ctx *c, struct error *err)
{
	int ok = t->from != NULL ? strcmp(c->state, t->from) == 0 : strcmp(c->state, t->to) != 0;

	if (!ok)
		return error_set(err, ERR_CONFLICT, t->refusal, c->ref, c->state);
	return 0;
}

static int move(struct request *r, const struct transition *t, struct error *err)
{
	static const struct field fields[] = { { "note", FIELD_TEXT, 20000 },
					       { "by", FIELD_LINE, 500 },
					       { NULL, 0, 0 } };
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	struct plan_write w;
	struct state_ctx c = { "", "" };
	char *note = NULL, name[256];
	const char *by = NULL;
	int64_t id;
	int rc = -1;

	if (json_in_check(r->body, fields, err) == -1 ||
	    api_item_resolve(db, p, r->args[1], &id, err) == -1 ||
	    store_item_get(db, p->id, id, read_state, &c, err) == -1 || allowed(t, &c, err) == -1 ||
	    api_actor(r, p, json_in_str(r->body, "by"), &by, name, sizeof name, err) == -1 ||
	    plan_write_begin(&w, db, p->id, err) == -1)
		goto out;
	note = json_in_trimmed(r->body, "note");
	if (store_item_set_state(db, id, t->to, note, by, clock_now(), err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	rc = api_reply_item(r, p, id, 200, err);
out:
	free(note);
	return rc;
}

int api_items_done(struct request *r, struct error *err)
{
	return move(r, &done_move, err);
}

int api_items_reopen(struct request *r, struct error *err)
{
	return move(r, &reopen_move, err);
}

int api_items_cancel(struct request *r, struct error *err)
{
	return move(r, &cancel_move, err);
}
