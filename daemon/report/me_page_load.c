/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "report/me_page.h"
#include "store/feed_store.h"

/*
 * What a person's page holds: their items and their groups' (the same as their feed), sorted
 * into what is late, what is on today, what is to come and what is done. Cancelled items are
 * left out: there is nothing for the person to do with them.
 */

struct load_ctx {
	struct me_view *v;
	int64_t today_ends; /* the first instant of tomorrow in the plan's zone */
	size_t order;	    /* plan order, for ties */
};

/* The names of WHO ('\x1f'-joined) but SELF, joined by ", "; malloc'd. */
static char *others_of(const char *who, const char *self)
{
	size_t len = strlen(who), self_len = strlen(self), used = 0;
	char *out = malloc(2 * len + 1);

	if (out == NULL)
		return NULL;
	while (*who != '\0') {
		size_t n = strcspn(who, "\x1f");
		if (!(n == self_len && strncmp(who, self, n) == 0)) {
			if (used > 0) {
				memcpy(out + used, ", ", 2);
				used += 2;
			}
			memcpy(out + used, who, n);
			used += n;
		}
		who += n + (who[n] == '\x1f');
	}
	out[used] = '\0';
	return out;
}

static enum me_section section_of(const struct item *it, const struct load_ctx *c)
{
	if (strcmp(it->state, "done") == 0)
		return ME_DONE;
	if (it->late_after <= c->v->now)
		return ME_OVERDUE;
	return it->at < c->today_ends ? ME_TODAY : ME_COMING;
}

static int keep(const struct item *it, void *arg)
{
	struct load_ctx *c = arg;
	struct me_view *v = c->v;
	struct me_item *m;

	if (strcmp(it->state, "cancelled") == 0)
		return 0;
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 32;
		if ((m = realloc(v->items, cap * sizeof *m)) == NULL)
			return -1;
		v->items = m;
		v->cap = cap;
	}
	m = &v->items[v->n];
	if (report_item_copy(&m->r, it) == -1)
		return -1;
	if ((m->others = others_of(it->who, v->person)) == NULL) {
		report_item_free(&m->r);
		return -1;
	}
	m->seq = it->seq;
	m->section = section_of(it, c);
	m->r.mark = m->section == ME_DONE    ? REPORT_DONE :
		    m->section == ME_OVERDUE ? REPORT_OVERDUE :
					       REPORT_OPEN;
	m->order = c->order++;
	v->count[m->section]++;
	v->n++;
	return 0;
}

/* By section; late first among the overdue, soonest first among the open, last done first. */
static int by_section(const void *a, const void *b)
{
	const struct me_item *x = a, *y = b;
	int64_t kx, ky;

	if (x->section != y->section)
		return x->section < y->section ? -1 : 1;
	switch (x->section) {
	case ME_OVERDUE:
		kx = x->r.late_after, ky = y->r.late_after;
		break;
	case ME_DONE:
		kx = -x->r.done_at, ky = -y->r.done_at;
		break;
	default:
		kx = x->r.at, ky = y->r.at;
		break;
	}
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int today_ends(const char *tz, int64_t now, int64_t *end)
{
	char day[11];
	int64_t begin;

	return report_local_day(now, tz, day) == 0 && moment_day_bounds(day, tz, &begin, end) == 0 ?
		       0 :
		       -1;
}

struct me_view *me_view_load(struct db *db, int64_t plan_id, int64_t person_id, int64_t now,
			     struct error *err)
{
	struct me_view *v = calloc(1, sizeof *v);
	struct load_ctx c = { v, 0, 0 };

	if (v == NULL) {
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	v->person_id = person_id;
	v->now = now;
	if ((v->plan = store_plan_get(db, plan_id, err)) == NULL ||
	    (v->person = store_feed_person_name(db, plan_id, person_id, err)) == NULL)
		goto fail;
	if (today_ends(v->plan->tz, now, &c.today_ends) == -1) {
		error_set(err, ERR_INTERNAL, "cannot read the zone %s", v->plan->tz);
		goto fail;
	}
	if (store_feed_items(db, plan_id, person_id, keep, &c, err) == -1) {
		if (err->kind == ERR_NONE)
			error_set(err, ERR_INTERNAL, "out of memory");
		goto fail;
	}
	if (v->n > 0)
		qsort(v->items, v->n, sizeof *v->items, by_section);
	return v;
fail:
	me_view_free(v);
	return NULL;
}

void me_view_free(struct me_view *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->n; i++) {
		report_item_free(&v->items[i].r);
		free(v->items[i].others);
	}
	free(v->items);
	free(v->person);
	plan_free(v->plan);
	free(v);
}
