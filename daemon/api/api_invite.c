/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_link.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "remind/remind_int.h"
#include "remind/remind_invite.h"
#include "store/plan_write.h"

/*
 * POST /api/v1/plans/{slug}/invite {"who": [NAME...]} or {"all": true}: a welcome message to
 * each person named (a group: each member), or to every person of the plan, with their page
 * and calendar links (made now for those who have none; the same links as before for the
 * others: inviting again gives no new URL). Each message is queued like a reminder, under the
 * rule "invite", and sent at once; the reply lists their ids (the CLI waits for each), and the
 * people who cannot be invited, each with why. An unknown name refuses the whole request.
 */

struct target {
	int64_t id;
	char *name, *email;
};

struct targets {
	struct target *v;
	size_t n, cap;
};

static void targets_free(struct targets *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].email);
	}
	free(t->v);
}

/* Adds person P once; groups are left to the caller. */
static int add_person(const struct person *p, void *arg)
{
	struct targets *t = arg;
	struct target *nv;

	if (strcmp(p->kind, "person") != 0)
		return 0;
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].id == p->id)
			return 0;
	if (t->n == t->cap) {
		if ((nv = realloc(t->v, (t->cap * 2 + 8) * sizeof *nv)) == NULL)
			return -1;
		t->v = nv;
		t->cap = t->cap * 2 + 8;
	}
	nv = &t->v[t->n];
	nv->id = p->id;
	nv->name = strdup(p->name);
	nv->email = strdup(p->email);
	if (nv->name == NULL || nv->email == NULL) {
		free(nv->name);
		free(nv->email);
		return -1;
	}
	t->n++;
	return 0;
}

/* Each member of a group (given as its '\x1f'-joined names) added as a person. */
static int add_members(struct db *db, const struct plan *p, const char *members, struct targets *t,
		       struct error *err)
{
	char *copy = strdup(members), *name, *save = NULL;
	int64_t id;
	int rc = 0;

	if (copy == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	for (name = strtok_r(copy, "\x1f", &save); name != NULL && rc == 0;
	     name = strtok_r(NULL, "\x1f", &save))
		if ((rc = store_person_lookup(db, p->id, name, &id, NULL, err)) == 1)
			rc = store_person_each(db, p->id, id, add_person, t, err);
	free(copy);
	return rc == -1 ? -1 : 0;
}

static int group_members(const struct person *g, void *arg)
{
	char **out = arg;

	*out = strdup(g->members != NULL ? g->members : "");
	return *out != NULL ? 0 : -1;
}

/* The person or group NAME of plan P into T; an unknown name is a 404 with suggestions. */
static int add_name(struct db *db, const struct plan *p, const char *name, struct targets *t,
		    struct error *err)
{
	int64_t id;
	int is_group = 0, found = store_person_lookup(db, p->id, name, &id, &is_group, err);
	char *members = NULL;
	int rc;

	if (found == -1)
		return -1;
	if (!found) {
		error_set(err, ERR_NOT_FOUND, "there is no person or group «%s» in plan %s", name,
			  p->slug);
		store_person_suggest(db, p->id, name, err);
		return -1;
	}
	if (!is_group)
		return store_person_each(db, p->id, id, add_person, t, err);
	if (store_person_each(db, p->id, id, group_members, &members, err) == -1)
		return -1;
	rc = add_members(db, p, members != NULL ? members : "", t, err);
	free(members);
	return rc;
}

/* Whom the body names: {"who": [...]} or {"all": true}, not both. */
static int read_targets(struct request *r, struct targets *t, struct error *err)
{
	static const struct field fields[] = { { "who", FIELD_LINES, 500 }, { NULL, 0, 0 } };
	json_t *all = r->body != NULL ? json_object_get(r->body, "all") : NULL, *rest, *who, *v;
	size_t i;
	int rc;

	if (all != NULL && !json_is_boolean(all))
		return error_set(err, ERR_BAD_FIELD, "«all» must be true or false");
	if (r->body == NULL || (rest = json_copy(r->body)) == NULL)
		return error_set(err, ERR_INVALID, "say whom to invite: who (names) or all");
	json_object_del(rest, "all");
	rc = json_in_check(rest, fields, err);
	json_decref(rest);
	if (rc == -1)
		return -1;
	who = json_object_get(r->body, "who");
	if ((who != NULL && json_array_size(who) > 0) == (all != NULL && json_is_true(all)))
		return error_set(err, ERR_INVALID,
				 "say whom to invite: who (one or more names) or all, not both");
	if (who == NULL || json_array_size(who) == 0)
		return store_person_each(r->daemon->db, r->plan->id, 0, add_person, t, err);
	json_array_foreach (who, i, v)
		if (add_name(r->daemon->db, r->plan, json_string_value(v), t, err) == -1)
			return -1;
	return 0;
}

/* Why T cannot be invited, or NULL; with its links made when it can. */
static const char *why_not(struct request *r, const struct target *t, char *buf, size_t len)
{
	struct error err = ERROR_INIT;

	if (*t->email == '\0')
		return "no email address (qweek person add NAME --email ADDRESS)";
	if (!remind_has_email(&r->daemon->config, t->email))
		return "qweekd cannot send email: no [smtp] url in its configuration";
	if (api_person_links_ensure(r->daemon->db, r->plan->id, t->id, t->name, &err) == -1) {
		snprintf(buf, len, "no link can be given: %s", err.message ? err.message : "?");
		error_clear(&err);
		return buf;
	}
	return NULL;
}

/* Queues the invitation of T; its id and name into QUEUED. */
static int queue(struct request *r, const struct target *t, int64_t now, json_t *queued,
		 struct error *err)
{
	struct remind_row row = { 0 };

	row.plan_id = r->plan->id;
	row.person_id = t->id;
	row.occurrence = now;
	row.next_try = now;
	row.created = now;
	snprintf(row.rule, sizeof row.rule, "%s", REMIND_INVITE_RULE);
	snprintf(row.channel, sizeof row.channel, "email");
	snprintf(row.state, sizeof row.state, "queued");
	if (remind_log_insert(r->daemon->db, &row, err) == -1)
		return -1;
	return json_array_append_new(
		queued, json_pack("{s:s, s:I}", "who", t->name, "id", (json_int_t)row.id));
}

int api_invite(struct request *r, struct error *err)
{
	struct targets t = { 0 };
	json_t *queued = json_array(), *skipped = json_array();
	struct plan_write w;
	int64_t now = clock_now();
	char buf[600];
	const char *why;
	int *ok = NULL, rc = -1;

	if (read_targets(r, &t, err) == -1)
		goto out;
	if ((ok = calloc(t.n + 1, sizeof *ok)) == NULL) {
		error_set(err, ERR_INTERNAL, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < t.n; i++)
		if ((why = why_not(r, &t.v[i], buf, sizeof buf)) != NULL)
			json_array_append_new(
				skipped, json_pack("{s:s, s:s}", "who", t.v[i].name, "why", why));
		else
			ok[i] = 1;
	/* Announced like any change: the reminders look at once, and send them. */
	if (plan_write_begin(&w, r->daemon->db, r->plan->id, err) == -1)
		goto out;
	for (size_t i = 0; i < t.n; i++)
		if (ok[i] && queue(r, &t.v[i], now, queued, err) == -1) {
			plan_write_rollback(&w);
			goto out;
		}
	if (plan_write_commit(&w, err) == -1)
		goto out;
	r->status = 202;
	r->reply = json_pack("{s:O, s:O}", "queued", queued, "skipped", skipped);
	rc = 0;
out:
	free(ok);
	targets_free(&t);
	json_decref(queued);
	json_decref(skipped);
	return rc;
}
