/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remind/remind.h"
#include "remind/remind_int.h"

/* An item as the reminders see it: its copy, its rules, and whether a reminder still stands. */

void remind_item_free(struct remind_item *it)
{
	free(it->kind);
	free(it->state);
	free(it->label);
	free(it->title);
	free(it->place);
	free(it->who);
	free(it->start_at);
	free(it->end_at);
	free(it->due_at);
	memset(it, 0, sizeof *it);
}

static int copy_item(const struct item *src, void *arg)
{
	struct remind_item *it = arg;

	it->id = src->id;
	it->plan_id = src->plan_id;
	it->at = src->at;
	it->late_after = src->late_after;
	it->updated = src->updated;
	it->seq = src->seq;
	it->kind = strdup(src->kind);
	it->state = strdup(src->state);
	it->label = strdup(src->label);
	it->title = strdup(src->title);
	it->place = strdup(src->place);
	it->who = strdup(src->who);
	it->start_at = strdup(src->start_at);
	it->end_at = strdup(src->end_at);
	it->due_at = strdup(src->due_at);
	if (!it->kind || !it->state || !it->label || !it->title || !it->place || !it->who ||
	    !it->start_at || !it->end_at || !it->due_at)
		return -1;
	return 0;
}

int remind_item_load(struct db *db, int64_t plan_id, int64_t id, struct remind_item *out,
		     struct error *err)
{
	struct error e = ERROR_INIT;
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_item_get(db, plan_id, id, copy_item, out, &e);
	if (rc == 0 && out->kind != NULL) {
		error_clear(&e);
		return 1;
	}
	remind_item_free(out);
	if (e.kind == ERR_NOT_FOUND) {
		error_clear(&e);
		return 0;
	}
	if (e.kind == ERR_NONE)
		error_set(err, ERR_INTERNAL, "out of memory");
	else
		error_set(err, e.kind, "%s", e.message ? e.message : "?");
	error_clear(&e);
	return -1;
}

void remind_item_subject(const struct remind_item *it, struct remind_subject *s)
{
	int deadline = strcmp(it->kind, "deadline") == 0;

	s->kind = it->kind;
	s->stored = deadline ? it->due_at : it->start_at;
	s->at = it->at;
	s->late_after = it->late_after;
}

int remind_item_rules(struct db *db, const struct remind_item *it, const struct remind_rules *plan,
		      struct remind_list *list, int *overdue_at, struct error *err)
{
	int own = remind_store_item_rules(db, it->id, list, err);

	if (own == -1)
		return -1;
	*overdue_at = plan->overdue_at;
	if (own == 1) {
		if (list->n == 0) /* "none": nothing at all, overdue notices included */
			*overdue_at = -1;
		return 0;
	}
	*list = strcmp(it->kind, "deadline") == 0 ? plan->deadlines : plan->events;
	return 0;
}

void remind_item_ref(struct db *db, const struct remind_item *it, char *buf, size_t len)
{
	int64_t ids[2];

	if (*it->label != '\0' &&
	    store_item_by_label(db, it->plan_id, it->label, ids, 2, NULL) == 1)
		snprintf(buf, len, "%s", it->label);
	else
		snprintf(buf, len, "@%lld", (long long)it->id);
}

int remind_useful(const struct remind_item *it, int overdue, int64_t now)
{
	if (overdue)
		return 1;
	if (strcmp(it->kind, "deadline") == 0)
		return now <= it->at;
	return now < it->at;
}

/* Whether rule NAME of LIST (or the overdue notices) fires for IT at OCCURRENCE. */
static int still_fires(const struct remind_item *it, const char *name, int64_t occurrence,
		       const struct remind_list *list, int overdue_at, const char *tz)
{
	struct remind_subject s;
	char rname[REMIND_NAME_LEN];
	int64_t t;

	remind_item_subject(it, &s);
	if (strcmp(name, REMIND_OVERDUE_RULE) == 0)
		return remind_overdue_next(overdue_at, s.late_after, occurrence, tz, &t) == 1 &&
		       t == occurrence;
	for (int i = 0; i < list->n; i++) {
		remind_rule_name(&list->r[i], rname);
		if (strcmp(rname, name) == 0 && remind_fire(&list->r[i], &s, tz, &t) == 1 &&
		    t == occurrence)
			return 1;
	}
	return 0;
}

/* Whether PERSON_ID is still to hear about IT: one of its people, or (COPY) a director. */
static int still_reaches(struct db *db, const struct remind_item *it, int64_t person_id, int copy)
{
	struct remind_people p = { 0 };
	struct error err = ERROR_INIT;
	int found = 0;

	if ((copy ? remind_store_directors(db, it->plan_id, &p, &err) :
		    remind_store_recipients(db, it->id, &p, &err)) == -1) {
		error_clear(&err);
		remind_people_free(&p);
		return 1; /* cannot tell: do not drop it */
	}
	for (size_t i = 0; i < p.n; i++)
		if (p.v[i].id == person_id)
			found = 1;
	remind_people_free(&p);
	return found;
}

enum remind_verdict remind_row_check(struct db *db, const struct remind_row *row,
				     const struct remind_item *it, const struct remind_list *list,
				     int overdue_at, const char *tz, int64_t now, const char **why)
{
	int overdue = strcmp(row->rule, REMIND_OVERDUE_RULE) == 0;

	*why = NULL;
	if (row->item_id == 0)
		return REMIND_KEEP; /* a test message */
	if (it == NULL)
		*why = "the item is gone";
	else if (strcmp(it->state, "done") == 0)
		*why = "the item is done";
	else if (strcmp(it->state, "cancelled") == 0)
		*why = "the item was cancelled";
	else if (!still_fires(it, row->rule, row->occurrence, list, overdue_at, tz))
		*why = "the item's time or its reminders changed";
	else if (!still_reaches(db, it, row->person_id, row->copy))
		*why = "the person is no longer on the item";
	if (*why != NULL)
		return REMIND_CANCEL;
	if (!remind_useful(it, overdue, now)) {
		*why = strcmp(it->kind, "deadline") == 0 ? "too late: the deadline has passed" :
							   "too late: it has started";
		return REMIND_EXPIRE;
	}
	return REMIND_KEEP;
}

/* An item's own rules as typed: "2h, 1d", "none" (an empty list) or "default" (none kept). */

int remind_item_spec_check(const char *spec, struct error *err)
{
	struct remind_list l;

	if (strcmp(spec, "default") == 0)
		return 0;
	return remind_list_parse(spec, &l, err);
}

int remind_item_spec_set(struct db *db, int64_t item_id, const char *spec, struct error *err)
{
	struct remind_list l;
	char text[128];

	if (strcmp(spec, "default") == 0)
		return remind_store_set_item_rules(db, item_id, NULL, err);
	if (remind_list_parse(spec, &l, err) == -1)
		return -1;
	if (l.n == 0)
		text[0] = '\0';
	else
		remind_list_format(&l, text, sizeof text);
	return remind_store_set_item_rules(db, item_id, text, err);
}

int remind_has_email(const struct config *c, const char *address)
{
	return c->smtp_url != NULL && *c->smtp_url != '\0' && address != NULL && *address != '\0';
}

int remind_has_hook(const struct config *c)
{
	return c->notify_command != NULL && *c->notify_command != '\0';
}
