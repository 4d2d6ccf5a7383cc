/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "time/moment.h"
#include "remind/remind_digest.h"
#include "remind/remind_int.h"
#include "remind/remind_report.h"
#include "store/plan_write.h"

/* The reminders' API, part two: listings, one reminder, a test message, the scheduler's state. */

#define LIST_LIMIT     1000
#define LIST_LIMIT_MAX 10000

static const char *const states_sent[] = { "sent", NULL };
static const char *const states_failed[] = { "failed", "expired", NULL };
static const char *const states_skipped[] = { "skipped", "cancelled", NULL };
static const char *const states_undeliverable[] = { "undeliverable", NULL };
static const char *const states_all[] = { "queued",  "sent",	  "failed",	   "expired",
					  "skipped", "cancelled", "undeliverable", NULL };

static const struct {
	const char *name;
	const char *const *states; /* NULL: the pending ones, worked out */
} listings[] = {
	{ "pending", NULL },
	{ "sent", states_sent },
	{ "failed", states_failed },
	{ "skipped", states_skipped },
	{ "undeliverable", states_undeliverable },
	{ "all", states_all },
};

/* The ?who= of the request: a person or group of plan P (0 when not given). */
static int resolve_who(struct request *r, const struct plan *p, struct remind_who *who,
		       struct error *err)
{
	const char *name = http_query(r, "who");
	int found;

	who->id = 0;
	who->is_group = 0;
	if (name == NULL || *name == '\0')
		return 0;
	found = store_person_lookup(r->daemon->db, p->id, name, &who->id, &who->is_group, err);
	if (found == 0) {
		error_set(err, ERR_NOT_FOUND, "there is no person or group «%s» in this plan",
			  name);
		store_person_suggest(r->daemon->db, p->id, name, err);
	}
	return found == 1 ? 0 : -1;
}

static int query_limit(struct request *r, struct error *err)
{
	const char *s = http_query(r, "limit");
	char *end;
	long v;

	if (s == NULL)
		return LIST_LIMIT;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 1 || v > LIST_LIMIT_MAX)
		return error_set(err, ERR_INVALID, "limit must be a number from 1 to %d",
				 LIST_LIMIT_MAX);
	return (int)v;
}

/* Drops the elements of ARR from index LIMIT on. */
static void cut(json_t *arr, int limit)
{
	while (json_array_size(arr) > (size_t)limit)
		json_array_remove(arr, json_array_size(arr) - 1);
}

static int listing(const char *name, struct error *err)
{
	for (size_t i = 0; i < sizeof listings / sizeof listings[0]; i++)
		if (strcmp(name, listings[i].name) == 0)
			return (int)i;
	return error_set(err, ERR_INVALID,
			 "state «%s»: use pending, sent, failed, skipped, "
			 "undeliverable or all",
			 name);
}

int api_reminders_list(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	const char *state = http_query(r, "state");
	struct remind_who who;
	const struct plan *p = r->plan;
	json_t *arr = json_array();
	char now[40];
	size_t total = 0;
	int which = -1, limit = -1, rc = -1, more = 0;

	if (http_query_only(r, "state|who|limit|count", err) == -1 ||
	    (which = listing(state != NULL ? state : "pending", err)) == -1 ||
	    (limit = query_limit(r, err)) == -1 || resolve_who(r, p, &who, err) == -1)
		goto out;
	if (listings[which].states == NULL) {
		const char *count = http_query(r, "count");
		struct remind_pending_query pq = {
			&who, 0, clock_now(), limit, count != NULL && strcmp(count, "1") == 0, 0
		};
		rc = remind_report_pending(db, &r->daemon->config, p, &pq, arr, &total, err);
		more = pq.stopped;
	} else
		rc = remind_report_log(db, p, &who, listings[which].states, limit + 1, arr, err);
	if (rc == -1)
		goto out;
	if (listings[which].states != NULL)
		total = json_array_size(arr); /* LIMIT + 1: whether there are more */
	/* The log gave LIMIT + 1; pending, every queued and failed one before those to come. */
	cut(arr, limit);
	moment_iso_instant(clock_now(), p->tz, now, sizeof now);
	r->reply = json_pack("{s:s, s:s, s:s, s:O, s:b}", "plan", p->slug, "now", now, "state",
			     listings[which].name, "reminders", arr, "truncated",
			     more || total > json_array_size(arr));
	if (listings[which].states == NULL && !more)
		json_object_set_new(r->reply, "total", json_integer((json_int_t)total));
out:
	json_decref(arr);
	return rc;
}

int api_reminders_unreachable(struct request *r, struct error *err)
{
	const struct config *c = &r->daemon->config;
	struct remind_who who = { 0, 0 };
	const struct plan *p = r->plan;
	json_t *people = json_array(), *rows = json_array();
	int rc = -1;

	if (remind_report_unreachable(r->daemon->db, c, p, people, err) == -1 ||
	    remind_report_log(r->daemon->db, p, &who, states_undeliverable, LIST_LIMIT, rows,
			      err) == -1)
		goto out;
	r->reply =
		json_pack("{s:s, s:O, s:O, s:{s:b, s:b}}", "plan", p->slug, "people", people,
			  "reminders", rows, "channels", "email",
			  c->smtp_url != NULL && *c->smtp_url != '\0', "hook", remind_has_hook(c));
	rc = 0;
out:
	json_decref(people);
	json_decref(rows);
	return rc;
}

struct take_ctx {
	const char *tz;
	json_t *found;
};

static int take_row(const struct remind_row *row, const char *label, const char *title,
		    const char *person, void *arg)
{
	struct take_ctx *x = arg;

	x->found = remind_report_row(row, label, title, person, x->tz);
	return 0;
}

/* Row ID of plan P as JSON, or NULL (ERR: not found). */
static json_t *row_json(struct db *db, const struct plan *p, int64_t id, struct error *err)
{
	struct remind_log_query q = { p->id, 0, states_all, 1, id };
	struct take_ctx x = { p->tz, NULL };

	if (remind_log_each(db, &q, take_row, &x, err) == -1)
		return NULL;
	if (x.found == NULL)
		error_set(err, ERR_NOT_FOUND, "there is no reminder #%lld in this plan",
			  (long long)id);
	return x.found;
}

int api_reminder_show(struct request *r, struct error *err)
{
	char *end;
	long long id = strtoll(r->args[1], &end, 10);

	if (*end != '\0' || id <= 0)
		error_set(err, ERR_NOT_FOUND, "there is no reminder «%s»", r->args[1]);
	else
		r->reply = row_json(r->daemon->db, r->plan, id, err);
	return r->reply != NULL ? 0 : -1;
}

/* Queues a test message to person WHO on CHANNEL; its row as JSON into ARR. */
static int queue_test(struct request *r, const struct plan *p, int64_t who, const char *channel,
		      int64_t now, json_t *arr, struct error *err)
{
	struct remind_row row = { 0 };
	json_t *o;

	row.plan_id = p->id;
	row.person_id = who;
	row.occurrence = now;
	row.next_try = now;
	row.created = now;
	snprintf(row.rule, sizeof row.rule, "test");
	snprintf(row.channel, sizeof row.channel, "%s", channel);
	snprintf(row.state, sizeof row.state, "queued");
	if (remind_log_insert(r->daemon->db, &row, err) == -1 ||
	    (o = row_json(r->daemon->db, p, row.id, err)) == NULL)
		return -1;
	return json_array_append_new(arr, o);
}

int api_reminders_test(struct request *r, struct error *err)
{
	static const struct field fields[] = { { "who", FIELD_LINE, 500 }, { NULL, 0, 0 } };
	const struct config *c = &r->daemon->config;
	struct remind_people person = { 0 };
	const struct plan *p = r->plan;
	struct plan_write w;
	const char *name;
	json_t *arr = json_array();
	int64_t id, now = clock_now();
	int is_group = 0, found, rc = -1;

	if (json_in_check(r->body, fields, err) == -1)
		goto out;
	if ((name = json_in_str(r->body, "who")) == NULL) {
		error_set(err, ERR_INVALID, "say whom to send the test to: --who NAME");
		goto out;
	}
	if ((found = store_person_lookup(r->daemon->db, p->id, name, &id, &is_group, err)) != 1) {
		if (found == 0) {
			error_set(err, ERR_NOT_FOUND, "there is no person «%s» in this plan", name);
			store_person_suggest(r->daemon->db, p->id, name, err);
		}
		goto out;
	}
	if (is_group) {
		error_set(err, ERR_INVALID, "«%s» is a group: test one person at a time", name);
		goto out;
	}
	if (remind_store_person(r->daemon->db, p->id, id, &person, err) != 1)
		goto out;
	if (!remind_has_email(c, person.v[0].email) && !remind_has_hook(c)) {
		error_set(err, ERR_INVALID, "nothing can reach «%s»: %s", name,
			  *person.v[0].email == '\0' ?
				  "no email address, and no notify hook" :
				  "email is not configured ([smtp] url), and no notify hook");
		goto out;
	}
	/* Announced like any change: the reminders look at once, and send it. */
	if (plan_write_begin(&w, r->daemon->db, p->id, err) == -1)
		goto out;
	if ((remind_has_email(c, person.v[0].email) &&
	     queue_test(r, p, id, "email", now, arr, err) == -1) ||
	    (remind_has_hook(c) && queue_test(r, p, id, "hook", now, arr, err) == -1) ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	r->status = 202;
	r->reply = json_pack("{s:O}", "reminders", arr);
	rc = 0;
out:
	remind_people_free(&person);
	json_decref(arr);
	return rc;
}

/* ---- digests -------------------------------------------------------------------------------- */

struct digest_ctx {
	json_t *arr;
	const char *tz;
};

static int add_digest(int64_t person_id, const char *name, int at_local, int64_t next_at, void *arg)
{
	struct digest_ctx *x = arg;
	char at[16], next[40];

	remind_overdue_format(at_local, at, sizeof at);
	moment_iso_instant(next_at, x->tz, next, sizeof next);
	return json_array_append_new(
		x->arr, json_pack("{s:s, s:s, s:s}", "person", name, "at", at, "next", next));
}

static int reply_digests(struct request *r, const struct plan *p, struct error *err)
{
	struct digest_ctx x = { json_array(), p->tz };

	if (remind_digest_store_each(r->daemon->db, p->id, add_digest, &x, err) == -1) {
		json_decref(x.arr);
		return -1;
	}
	r->reply = json_pack("{s:s, s:o}", "plan", p->slug, "digests", x.arr);
	return 0;
}

int api_reminders_digests(struct request *r, struct error *err)
{
	return reply_digests(r, r->plan, err);
}

/* The "at" of a digest: a time of day alone, or none (-1). */
static int digest_time(const char *at, int *at_local, struct error *err)
{
	const char *extra;
	int rc = remind_clock_parse(at, at_local, &extra);
	size_t n = strlen(at);

	if (rc == 0)
		return 0;
	while (n > 0 && strchr(" \t", at[n - 1]) != NULL)
		n--;
	if (rc == 1)
		return error_set(err, ERR_INVALID,
				 "«%.*s» is not understood in «%.*s»: write the time of the "
				 "digest (08:00), or none",
				 (int)(n - (size_t)(extra - at)), extra, (int)n, at);
	return error_set(err, ERR_INVALID, "«%s»: write the time of the digest (08:00), or none",
			 at);
}

int api_reminders_digest_set(struct request *r, struct error *err)
{
	static const struct field fields[] = { { "who", FIELD_LINE, 500 },
					       { "at", FIELD_LINE, 16 },
					       { NULL, 0, 0 } };
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	struct plan_write w;
	const char *name, *at;
	int64_t id;
	int is_group = 0, found, at_local, rc = -1;

	if (json_in_check(r->body, fields, err) == -1)
		goto out;
	name = json_in_str(r->body, "who");
	at = json_in_str(r->body, "at");
	if (name == NULL || at == NULL) {
		error_set(err, ERR_INVALID, "say whose digest and when: --who NAME --at 08:00");
		goto out;
	}
	if (digest_time(at, &at_local, err) == -1)
		goto out;
	if ((found = store_person_lookup(db, p->id, name, &id, &is_group, err)) != 1) {
		if (found == 0) {
			error_set(err, ERR_NOT_FOUND, "there is no person «%s» in this plan", name);
			store_person_suggest(db, p->id, name, err);
		}
		goto out;
	}
	if (is_group) {
		error_set(err, ERR_INVALID, "«%s» is a group: a digest is for one person", name);
		goto out;
	}
	if (plan_write_begin(&w, db, p->id, err) == -1)
		goto out;
	if (remind_digest_set(db, p, id, at_local, clock_now(), err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	rc = reply_digests(r, p, err);
out:
	return rc;
}

int api_reminders_status(struct request *r, struct error *err)
{
	const struct config *c = &r->daemon->config;
	int64_t queued, failed, expired, next = 0, t;
	char now[40], due[40];
	int has_next;

	if (remind_log_counts(r->daemon->db, &queued, &failed, &expired) == -1)
		return error_set(err, ERR_INTERNAL, "cannot count the reminders");
	has_next = remind_store_next_min(r->daemon->db, &next);
	if (remind_digest_store_next_min(r->daemon->db, &t) && (!has_next || t < next)) {
		next = t;
		has_next = 1;
	}
	moment_iso_instant(clock_now(), "UTC", now, sizeof now);
	moment_iso_instant(next, "UTC", due, sizeof due);
	r->reply =
		json_pack("{s:s, s:o, s:I, s:I, s:I, s:i, s:b, s:b}", "now", now, "next_due",
			  has_next ? json_string(due) : json_null(), "queued", (json_int_t)queued,
			  "failed", (json_int_t)failed, "expired", (json_int_t)expired, "sending",
			  remind_deliver_busy(), "email",
			  c->smtp_url != NULL && *c->smtp_url != '\0', "hook", remind_has_hook(c));
	return 0;
}
