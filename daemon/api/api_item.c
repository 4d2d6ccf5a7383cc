/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "remind/remind.h"
#include "time/moment.h"
#include "time/tz.h"
#include "store/plan_write.h"

/* Adding and editing items: the daemon reads what the person typed and checks it. */

static const struct field item_fields[] = {
	{ "title", FIELD_LINE, 2000 }, { "when", FIELD_TEXT, 200 },
	{ "due", FIELD_TEXT, 200 },    { "who", FIELD_LINES, 50 },
	{ "label", FIELD_LINE, 32 },   { "parent", FIELD_LINE, 40 },
	{ "where", FIELD_LINE, 500 },  { "description", FIELD_TEXT, 20000 },
	{ "remind", FIELD_LINE, 200 }, { NULL, 0, 0 },
};

/* An item request, read and resolved; strings malloc'd, NULL when not given. */
struct item_req {
	char *title, *description, *place, *label, *when_text;
	struct moment moment;
	struct when when;   /* as parsed, for the warning on a wall time that occurs twice */
	const char *remind; /* "2h, 1d", "none", "default": the item's own reminders */
	int64_t who[50];
	struct item_change change;
};

static void item_req_free(struct item_req *q)
{
	free(q->title);
	free(q->description);
	free(q->place);
	free(q->label);
	free(q->when_text);
}

static int parse_when(json_t *body, const struct plan *p, struct item_req *q, struct error *err)
{
	const char *when = json_in_str(body, "when"), *due = json_in_str(body, "due");
	struct when_ctx ctx;
	struct when w;
	char *cause = NULL;

	if (when != NULL && due != NULL)
		return error_set(err, ERR_INVALID, "give either --when or --due, not both");
	if (when == NULL && due == NULL)
		return 0;
	when_ctx_init(&ctx, p->first_day, p->last_day);
	if (when_parse(when != NULL ? when : due, &ctx, due != NULL, &w, &cause) == -1) {
		error_set(err, ERR_INVALID, "%s", cause != NULL ? cause : "date not understood");
		free(cause);
		return -1;
	}
	if (moment_from_when(&w, p->tz, &q->moment, err) == -1)
		return -1;
	q->when = w;
	q->when_text = strdup(when != NULL ? when : due);
	q->change.when_text = q->when_text;
	q->change.moment = &q->moment;
	return 0;
}

static int resolve_who(struct db *db, json_t *body, const struct plan *p, struct item_req *q,
		       struct error *err)
{
	json_t *who = json_object_get(body, "who"), *v;
	size_t i;
	int64_t id;

	if (who == NULL)
		return 0;
	q->change.has_who = 1;
	q->change.who = q->who;
	json_array_foreach (who, i, v) {
		const char *name = json_string_value(v);
		int found = store_person_lookup(db, p->id, name, &id, NULL, err);
		if (found == -1)
			return -1;
		if (!found) {
			error_set(err, ERR_INVALID,
				  "there is no person or group «%s» in this plan; "
				  "add them with qweek person add",
				  name);
			store_person_suggest(db, p->id, name, err);
			return -1;
		}
		q->who[q->change.nwho++] = id;
	}
	return 0;
}

/* The newest item labelled as LABEL's parent ("7" for "7.2"), or 0. */
static int64_t parent_by_label(struct db *db, const struct plan *p, const char *label, int64_t self)
{
	const char *dot = strrchr(label, '.');
	int64_t ids[16];
	char *head;
	int n;

	if (dot == NULL || dot == label)
		return 0;
	if ((head = strndup(label, (size_t)(dot - label))) == NULL)
		return 0;
	n = store_item_by_label(db, p->id, head, ids, 16, NULL);
	free(head);
	while (n > 0 && ids[n - 1] == self)
		n--;
	return n > 0 ? ids[n - 1] : 0;
}

static int resolve_parent(struct db *db, json_t *body, const struct plan *p, int64_t self,
			  struct item_req *q, struct error *err)
{
	const char *parent = json_in_str(body, "parent");

	if (parent == NULL) {
		if (q->label == NULL)
			return 0;
		q->change.has_parent = 1;
		q->change.parent_id = parent_by_label(db, p, q->label, self);
		return 0;
	}
	q->change.has_parent = 1;
	if (*parent == '\0')
		return 0;
	if (api_item_resolve(db, p, parent, &q->change.parent_id, err) == -1)
		return -1;
	if (q->change.parent_id == self)
		return error_set(err, ERR_INVALID, "an item cannot be its own parent");
	return 0;
}

static int read_item_req(struct request *r, const struct plan *p, int64_t self, struct item_req *q,
			 struct error *err)
{
	struct db *db = r->daemon->db;

	if (json_in_check(r->body, item_fields, err) == -1)
		return -1;
	q->change.title = q->title = json_in_trimmed(r->body, "title");
	q->change.description = q->description = json_in_trimmed(r->body, "description");
	q->change.place = q->place = json_in_trimmed(r->body, "where");
	q->change.label = q->label = json_in_trimmed(r->body, "label");
	if (q->title != NULL && *q->title == '\0')
		return error_set(err, ERR_INVALID, "the title is empty");
	if (q->label != NULL && q->label[0] == '@')
		return error_set(err, ERR_INVALID, "a label cannot start with @ (that marks ids)");
	q->remind = json_in_str(r->body, "remind");
	if (q->remind != NULL && remind_item_spec_check(q->remind, err) == -1)
		return -1;
	if (parse_when(r->body, p, q, err) == -1 || resolve_who(db, r->body, p, q, err) == -1)
		return -1;
	return resolve_parent(db, r->body, p, self, q, err);
}

/* Real plans have follow-ups after the week: accepted, but said. */
static void warn_outside(struct request *r, const struct plan *p, const struct item_req *q)
{
	int64_t begin, end, b2, e2;
	char from[16], to[16];

	if (q->change.moment == NULL || moment_day_bounds(p->first_day, p->tz, &begin, &e2) == -1 ||
	    moment_day_bounds(p->last_day, p->tz, &b2, &end) == -1)
		return;
	if (q->moment.first < end && q->moment.last > begin)
		return;
	moment_human_day(p->first_day, from, sizeof from);
	moment_human_day(p->last_day, to, sizeof to);
	http_warn(r, "«%s» is outside the plan's days (%s–%s); kept as written", q->when_text, from,
		  to);
}

/* "+03:00" for OFF seconds east of UTC. */
static void say_offset(int64_t t, const char *tz, char buf[8])
{
	struct tz_local l;
	int off = tz_from_utc(tz, t, &l) == 0 ? l.offset_sec : 0, a = off < 0 ? -off : off;

	snprintf(buf, 8, "%c%02d:%02d", off < 0 ? '-' : '+', a / 3600 % 100, a / 60 % 60);
}

/* A wall time that occurs twice (clocks going back) and no season said: which one was taken. */
static void warn_twice(struct request *r, const struct plan *p, const struct item_req *q)
{
	const struct when_point *pts[] = { &q->when.start, &q->when.end, &q->when.due }, *w;
	int64_t summer, winter;
	char at[32], so[8], wo[8];

	for (size_t i = 0; i < 3 && q->change.moment != NULL; i++) {
		w = pts[i];
		if (w->prec != WHEN_PREC_TIME || w->fold != WHEN_FOLD_NONE ||
		    tz_twice(p->tz, w->year, w->month, w->day, w->hour, w->minute, w->second,
			     &summer, &winter) != 1)
			continue;
		moment_human_instant(summer, p->tz, at, sizeof at);
		say_offset(summer, p->tz, so);
		say_offset(winter, p->tz, wo);
		http_warn(r,
			  "%s happens twice, in summer time (UTC%s) and in winter time (UTC%s): "
			  "summer time taken; write «%s (winter)» for the other",
			  at, so, wo, q->when_text);
		return;
	}
}

static int read_title(const struct item *it, void *ctx)
{
	snprintf(ctx, 160, "%s", it->title);
	return 0;
}

/* A number given that another item has already: taken, as the import takes it, but said. */
static void warn_label(struct request *r, const struct plan *p, int64_t id, const char *label)
{
	struct db *db = r->daemon->db;
	int64_t ids[4];
	char title[160] = "";
	struct error e = ERROR_INIT;
	int n;

	if (label == NULL || *label == '\0' ||
	    (n = store_item_by_label(db, p->id, label, ids, 4, &e)) < 1)
		goto out;
	for (int i = 0; i < n && i < 4; i++) {
		if (ids[i] == id || store_item_get(db, p->id, ids[i], read_title, title, &e) == -1)
			continue;
		http_warn(
			r,
			"№ %s is already used by item @%lld («%s»): now there are two (qweek edit "
			"@%lld --no N renumbers one)",
			label, (long long)ids[i], title, (long long)id);
		break;
	}
out:
	error_clear(&e);
}

/* Runs the write of Q in one transaction and replies with the item. */
static int commit_item(struct request *r, const struct plan *p, int64_t id, struct item_req *q,
		       struct error *err)
{
	struct db *db = r->daemon->db;
	struct plan_write w;
	int64_t now = clock_now();
	int created = id == 0, rc;

	if (plan_write_begin(&w, db, p->id, err) == -1)
		return -1;
	if (id == 0)
		rc = store_item_insert(db, p->id, &q->change, now, &id, err);
	else
		rc = store_item_update(db, id, &q->change, now, err);
	if (rc == 0 && q->remind != NULL)
		rc = remind_item_spec_set(db, id, q->remind, err);
	if (rc == -1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	warn_outside(r, p, q);
	warn_twice(r, p, q);
	if (created || q->change.label != NULL)
		warn_label(r, p, id, q->change.label);
	return api_reply_item(r, p, id, created ? 201 : 200, err);
}

int api_items_create(struct request *r, struct error *err)
{
	struct item_req q = { 0 };
	const struct plan *p = r->plan;
	int rc = -1;

	if (read_item_req(r, p, 0, &q, err) == -1)
		goto out;
	if (q.title == NULL) {
		error_set(err, ERR_INVALID, "an item needs a title");
		goto out;
	}
	if (q.change.moment == NULL) {
		error_set(err, ERR_INVALID, "an item needs --when or --due");
		goto out;
	}
	rc = commit_item(r, p, 0, &q, err);
out:
	item_req_free(&q);
	return rc;
}

int api_items_edit(struct request *r, struct error *err)
{
	struct item_req q = { 0 };
	const struct plan *p = r->plan;
	int64_t id;
	int rc = -1;

	if (api_item_resolve(r->daemon->db, p, r->args[1], &id, err) == -1 ||
	    read_item_req(r, p, id, &q, err) == -1)
		goto out;
	if (r->body == NULL || json_object_size(r->body) == 0) {
		error_set(err, ERR_INVALID, "nothing to change: give what to change, e.g. --when");
		goto out;
	}
	rc = commit_item(r, p, id, &q, err);
out:
	item_req_free(&q);
	return rc;
}
