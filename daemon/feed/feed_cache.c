/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed/feed_cache.h"
#include "core/log.h"
#include "grow.h"

/*
 * The cache: one entry per feed and per variant (?todo=, ?alarms=), each with its body. A
 * request that finds its entry fresh touches neither SQLite nor libical: it compares a plan
 * generation, an expiry instant and the host, and hands out the body. A change to a plan
 * (changes.h) drops the bodies of that plan's entries; they render again on the next request,
 * so a burst of changes (an import) costs one rendering, not one per change. The VALARMs follow
 * the plan's reminder rules: a change of them is announced as a change of the plan too.
 *
 * A body is a struct rendered (rendered.h): its ETag, Last-Modified and gzip, and how HTTP
 * serves it (feed_http.c).
 */

struct entry {
	struct feed_spec spec;
	struct rendered *body; /* NULL: render on the next request */
	uint64_t gen;	       /* the plan's generation it was rendered at */
	int64_t expires;       /* render again from then on (0: never) */
	char *host;
	char last_etag[RENDERED_ETAG_MAX]; /* of the body before, to keep Last-Modified honest */
	int64_t last_modified;
	size_t last_len; /* to size the next rendering's buffer */
};

struct plan_gen {
	int64_t plan_id;
	uint64_t gen;
};

static struct entry *entries;
static size_t nentries, centries;
static struct plan_gen *gens;
static size_t ngens, cgens;

/* ---- plan generations --------------------------------------------------------------------- */

static struct plan_gen *gen_of(int64_t plan_id, int create)
{
	for (size_t i = 0; i < ngens; i++)
		if (gens[i].plan_id == plan_id)
			return &gens[i];
	if (!create)
		return NULL;
	if (grow(&gens, &cgens, ngens + 1, sizeof *gens) == -1)
		return NULL;
	gens[ngens] = (struct plan_gen){ plan_id, 1 };
	return &gens[ngens++];
}

static uint64_t current_gen(int64_t plan_id)
{
	struct plan_gen *g = gen_of(plan_id, 0);

	return g != NULL ? g->gen : 0;
}

void feed_cache_changed(int64_t plan_id)
{
	struct plan_gen *g = gen_of(plan_id, 1);

	if (g != NULL)
		g->gen++;
	for (size_t i = 0; i < nentries; i++) {
		if (entries[i].spec.plan_id != plan_id || entries[i].body == NULL)
			continue;
		rendered_unref(entries[i].body);
		entries[i].body = NULL;
	}
	if (g == NULL) /* out of memory: forget every body rather than serve a stale one */
		for (size_t i = 0; i < nentries; i++) {
			rendered_unref(entries[i].body);
			entries[i].body = NULL;
		}
}

/* ---- entries ------------------------------------------------------------------------------ */

static struct entry *entry_of(const struct feed_spec *s)
{
	struct entry *e;

	for (size_t i = 0; i < nentries; i++) {
		e = &entries[i];
		if (e->spec.plan_id == s->plan_id && e->spec.person_id == s->person_id &&
		    e->spec.todo == s->todo && e->spec.alarms == s->alarms)
			return e;
	}
	if (grow(&entries, &centries, nentries + 1, sizeof *entries) == -1)
		return NULL;
	e = &entries[nentries++];
	memset(e, 0, sizeof *e);
	e->spec = *s;
	return e;
}

static int fresh(const struct entry *e, const char *host, int64_t now)
{
	return e->body != NULL && e->gen == current_gen(e->spec.plan_id) &&
	       (e->expires == 0 || now < e->expires) && strcmp(e->host, host) == 0;
}

/*
 * Last-Modified moves when the content does: the latest change the rendering saw, but never
 * back, nor forward when the bytes are the same as before.
 */
static void set_modified(struct entry *e, struct rendered *b, int64_t modified)
{
	if (e->last_etag[0] != '\0' && strcmp(e->last_etag, b->etag) == 0)
		modified = e->last_modified;
	else if (e->last_etag[0] != '\0' && modified <= e->last_modified)
		modified = e->last_modified + 1;
	rendered_set_modified(b, modified);
	snprintf(e->last_etag, sizeof e->last_etag, "%s", b->etag);
	e->last_modified = modified;
}

static int render(struct db *db, struct entry *e, const char *host, int64_t now, struct error *err)
{
	struct timespec wall, cpu; /* how long rendering takes, for the log only */
	struct feed_text t;
	struct rendered *b;
	uint64_t gen = current_gen(e->spec.plan_id);
	char *h;

	clock_gettime(CLOCK_MONOTONIC, &wall);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
	rendered_unref(e->body); /* stale: never served again */
	e->body = NULL;
	if (feed_render(db, &e->spec, host, now, e->last_len, &t, err) == -1)
		return -1;
	if ((h = strdup(host)) == NULL) {
		free(t.ics);
		return error_set(err, ERR_INTERNAL, "out of memory");
	}
	if ((b = rendered_new(t.ics, t.len)) == NULL) { /* it frees the text */
		free(h);
		return error_set(err, ERR_INTERNAL, "out of memory");
	}
	set_modified(e, b, t.modified);
	free(e->host);
	e->body = b;
	e->host = h;
	e->gen = gen;
	e->expires = t.expires;
	e->last_len = b->len;
	log_debug("feeds: plan %lld person %lld rendered: %d events, %d to-dos, %zu bytes, "
		  "%.1f ms CPU, %.1f ms",
		  (long long)e->spec.plan_id, (long long)e->spec.person_id, t.nevents, t.ntodos,
		  b->len, log_ms_since(CLOCK_PROCESS_CPUTIME_ID, &cpu),
		  log_ms_since(CLOCK_MONOTONIC, &wall));
	return 0;
}

struct rendered *feed_cache_get(struct db *db, const struct feed_spec *s, const char *host,
				int64_t now, struct error *err)
{
	struct entry *e = entry_of(s);

	if (e == NULL) {
		error_set(err, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	if (!fresh(e, host, now) && render(db, e, host, now, err) == -1)
		return NULL;
	rendered_ref(e->body);
	return e->body;
}

void feed_cache_free(void)
{
	for (size_t i = 0; i < nentries; i++) {
		rendered_unref(entries[i].body);
		free(entries[i].host);
	}
	free(entries);
	free(gens);
	entries = NULL;
	gens = NULL;
	nentries = centries = ngens = cgens = 0;
}
