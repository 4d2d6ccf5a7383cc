/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_dav.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "dav/dav_out.h"
#include "dav/dav_todo.h"
#include "feed/feed.h"
#include "store/auth_store.h"
#include "store/plan_write.h"

/*
 * A task: GET renders it, PUT ticks it off or reopens it through the one write path, as the
 * person's page does (a version-bound change, so a PUT and a page's form never cross), and
 * refuses every other change. A PUT without If-Match is taken (python-caldav's complete()
 * sends none); with a stale one it is 412, and the client syncs again.
 */

#define COMPLETED_SLACK (5 * 60) /* a phone's clock ahead by this much is still believed */
#define COMPLETED_PAST	(366 * 86400)

/* The item as it is now: its rendering and version. */
struct current {
	struct feed_dav render;
	char *text;
	size_t len;
	char etag[64];
	int64_t seq, created;
	char state[16];
};

static int read_item(const struct item *it, void *arg)
{
	struct current *cur = arg;
	struct error err = ERROR_INIT;
	const char *t = api_dav_member(it, cur->render.c.now) ?
				feed_dav_item(&cur->render, it, &cur->len, &err) :
				NULL;

	error_clear(&err);
	if (t != NULL && (cur->text = strndup(t, cur->len)) == NULL)
		return -1;
	api_dav_etag(it, cur->render.plan->updated, cur->etag, sizeof cur->etag);
	cur->seq = it->seq;
	cur->created = it->created;
	snprintf(cur->state, sizeof cur->state, "%s", it->state);
	return 0;
}

/* The person's item C->item_id into CUR: 0, or -1 with ERR (404 when it is not theirs). */
static int load(struct dav_ctx *c, struct current *cur, struct error *err)
{
	struct db *db = c->r->daemon->db;
	char host[256];
	int mine = 0;

	feed_uid_host(&c->r->daemon->config, host, sizeof host);
	if (feed_dav_open(&cur->render, db, c->who.plan_id, host, clock_now(), err) == -1)
		return -1;
	if (c->item_id != 0 &&
	    (mine = store_item_responsible(db, c->item_id, c->who.person_id, err)) == -1)
		return -1;
	if (mine == 1 && store_item_get(db, c->who.plan_id, c->item_id, read_item, cur, err) == 0 &&
	    cur->text != NULL)
		return 0;
	if (err->kind != ERR_NONE && err->kind != ERR_NOT_FOUND)
		return -1;
	error_clear(err);
	return error_set(err, ERR_NOT_FOUND, "there is no task %s among %s's",
			 c->res != NULL ? c->res : "", c->who.login);
}

static void unload(struct current *cur)
{
	feed_dav_close(&cur->render);
	free(cur->text);
}

int api_dav_get(struct dav_ctx *c, struct error *err)
{
	struct current cur = { 0 };
	struct buf b;
	int rc = -1;

	if (c->res == NULL) {
		/* A collection has no body of its own. */
		buf_init(&b, 64);
		buf_add_str(&b, "qweek CalDAV: use a CalDAV client\n");
		return api_dav_send(c->r, 200, "text/plain; charset=utf-8", &b, NULL, err);
	}
	if (load(c, &cur, err) == 0) {
		buf_init(&b, cur.len + 1);
		buf_add(&b, cur.text, cur.len);
		rc = api_dav_send(c->r, 200, "text/calendar; charset=utf-8", &b, cur.etag, err);
	}
	unload(&cur);
	return rc;
}

/* If-Match: absent, "*", or the ETag the item has now (any of a list). */
static int matches(struct request *r, const char *etag)
{
	const char *h = evhttp_find_header(evhttp_request_get_input_headers(r->ev), "If-Match");

	return h == NULL || strcmp(h, "*") == 0 || strstr(h, etag) != NULL;
}

/* The COMPLETED a client gave, when it is believable; else now. */
static int64_t done_at(const struct dav_todo *t, int64_t now, int64_t created)
{
	if (t->completed == 0 || t->completed > now + COMPLETED_SLACK ||
	    t->completed < now - COMPLETED_PAST || t->completed < created - 86400)
		return now;
	return t->completed < now ? t->completed : now;
}

/*
 * The change, by the person signed in, through the CalDAV channel: 1 made, 0 the item moved on
 * meanwhile (or was cancelled), -1 with ERR.
 */
static int change(struct dav_ctx *c, const struct current *cur, const struct dav_todo *t,
		  struct error *err)
{
	struct db *db = c->r->daemon->db;
	const char *by = c->who.name;
	struct plan_write w;
	int64_t now = clock_now();
	int changed;

	if (plan_write_begin(&w, db, c->who.plan_id, err) == -1)
		return -1;
	plan_write_by(&w, by, DAV_CHANNEL);
	changed = store_item_set_state_seq_at(
		db, c->item_id, cur->seq, t->done ? "done" : "open", NULL, by,
		t->done ? done_at(t, now, cur->created) : now, now, err);
	if (changed != 1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return changed == 0 ? 0 : -1;
	}
	return 1;
}

static int reply_done(struct request *r, int status, struct error *err)
{
	(void)err;
	evhttp_send_reply(r->ev, status, "No Content", NULL);
	r->sent = 1;
	return 0;
}

static int put(struct dav_ctx *c, struct current *cur, struct error *err)
{
	struct dav_todo t;
	size_t len;
	const char *body = http_body(c->r, &len);
	int open = strcmp(cur->state, "open") == 0, done = strcmp(cur->state, "done") == 0;
	int moved;

	if (!matches(c->r, cur->etag))
		return api_dav_refuse(
			c->r, 412, "<d:no-conflicting-lock/>",
			"the task changed since it was read: sync, then tick it again", err);
	if (len > DAV_MAX_BODY)
		return error_set(err, ERR_TOO_LARGE, "the request is larger than %d bytes",
				 DAV_MAX_BODY);
	if (dav_todo_read(body, len, cur->text, &t, err) == -1) {
		if (err->kind != ERR_FORBIDDEN)
			return -1;
		error_clear(err);
		return api_dav_refuse(c->r, 403, "<c:valid-calendar-data/>",
				      t.changed[0] != '\0' ?
					      "only ticking a task off (or un-ticking it) is taken "
					      "here: change the rest in the plan" :
					      "this is not this task",
				      err);
	}
	if ((t.done && done) || (!t.done && open))
		return reply_done(c->r, 204, err); /* nothing of ours changed */
	if (!open && !done)
		return api_dav_refuse(c->r, 403, "<c:valid-calendar-data/>",
				      "the task is cancelled in the plan", err);
	if ((moved = change(c, cur, &t, err)) == -1)
		return -1;
	if (moved == 0)
		return api_dav_refuse(c->r, 412, "<d:no-conflicting-lock/>",
				      "the task changed meanwhile: sync, then tick it again", err);
	return reply_done(c->r, 204, err);
}

int api_dav_put(struct dav_ctx *c, struct error *err)
{
	struct current cur = { 0 };
	int rc;

	if (c->res == NULL || c->item_id == 0)
		return api_dav_refuse(c->r, 403, "<d:need-privileges/>",
				      "tasks are made in the plan, not here", err);
	if (load(c, &cur, err) == -1) {
		unload(&cur);
		if (err->kind != ERR_NOT_FOUND)
			return -1;
		error_clear(err);
		return api_dav_refuse(c->r, 403, "<d:need-privileges/>",
				      "this is not one of your tasks: tasks are made in the plan",
				      err);
	}
	rc = put(c, &cur, err);
	unload(&cur);
	return rc;
}
