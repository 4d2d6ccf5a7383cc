/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tr.h"
#include "import/import_row.h"
#include "import/import_warn.h"
#include "time/moment.h"
#include "store/store.h"
#include "utf8.h"

/*
 * A row becomes an item the way `qweek add` makes one: its WHEN through the same parser with
 * the plan's days, its people by name, "7.1" under the nearest "7" above it. A row that cannot
 * be an item is refused before anything of it is written, with a reason for people.
 */

#define TITLE_MAX	2000 /* the API's limits (api_item.c, api_person.c) */
#define LABEL_MAX	32
#define WHEN_MAX	200
#define PLACE_MAX	500
#define DESCRIPTION_MAX 20000
#define NAME_MAX	200

/* A row as it will be written. */
struct resolved {
	struct when w;
	struct moment m;
	const char *when_text;
	int64_t who[IMPORT_MAX_NAMES];
	size_t nwho;
	char *who_joined; /* the names as the plan writes them, '\x1f'-joined */
	int has_parent;
	int64_t parent_id;
};

static int refuse(struct import_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int refuse(struct import_result *res, const char *fmt, ...)
{
	va_list ap;

	res->action = IMPORT_REFUSED;
	va_start(ap, fmt);
	if (vasprintf(&res->reason, tr_req(fmt), ap) == -1) /* said in the request's language */
		res->reason = NULL;
	va_end(ap);
	return -1;
}

/* Whether CAUSE starts with «TEXT»: the parser quoted all that was written. */
static int quotes_whole(const char *cause, const char *text)
{
	size_t n = strlen("«"), len = strlen(text);

	return strncmp(cause, "«", n) == 0 && strncmp(cause + n, text, len) == 0 &&
	       strncmp(cause + n + len, "»", strlen("»")) == 0;
}

static size_t len_of(const char *s)
{
	return s != NULL ? utf8_length(s) : 0; /* characters, as the API counts */
}

static struct import_key label_key(const void *ctx, size_t i)
{
	return (struct import_key){ ((const struct import_file *)ctx)->rows[i].label, NULL };
}

static struct import_key uid_key(const void *ctx, size_t i)
{
	return (struct import_key){ ((const struct import_file *)ctx)->rows[i].uid, NULL };
}

/* The first row labelled LABEL (may be NULL), where what its label says is kept; or NULL. */
static struct import_label *label_info(const struct import_run *x, const char *label)
{
	size_t i = import_index_first(&x->labels, (struct import_key){ label, NULL });

	return i != IMPORT_INDEX_NONE ? &x->label_info[i] : NULL;
}

/* Where the item of the row with UID (may be NULL) is kept; or NULL if no row has it. */
static int64_t *uid_item(const struct import_run *x, const char *uid)
{
	size_t i = import_index_first(&x->uids, (struct import_key){ uid, NULL });

	return i != IMPORT_INDEX_NONE ? &x->uid_item[i] : NULL;
}

int import_row_prepare(struct import_run *x, struct error *err)
{
	struct import_file *f = x->f;

	x->matched = calloc(f->nrows + 1, sizeof *x->matched);
	x->label_info = calloc(f->nrows + 1, sizeof *x->label_info);
	x->uid_item = calloc(f->nrows + 1, sizeof *x->uid_item);
	if (x->matched == NULL || x->label_info == NULL || x->uid_item == NULL ||
	    import_index_build(&x->labels, f->nrows, label_key, f) == -1 ||
	    import_index_build(&x->uids, f->nrows, uid_key, f) == -1)
		return error_set(err, ERR_INTERNAL, "out of memory");
	for (size_t i = 0; i < f->nrows; i++) {
		const struct import_row *r = &f->rows[i];
		if (r->skipped != NULL || r->refused != NULL || r->title == NULL)
			continue;
		if (r->label != NULL)
			label_info(x, r->label)->count++;
		x->matched[i] = import_match_exact(&x->match, r->label, r->title);
	}
	return 0;
}

void import_row_cleanup(struct import_run *x)
{
	import_index_free(&x->labels);
	import_index_free(&x->uids);
	free(x->label_info);
	free(x->uid_item);
	free(x->matched);
	x->label_info = NULL;
	x->uid_item = NULL;
	x->matched = NULL;
}

/* Refuses what cannot be an item: an empty title or WHEN, texts over the API's limits. */
static int check(const struct import_row *r, struct import_result *res)
{
	if (r->refused != NULL)
		return refuse(res, "%s", r->refused);
	if (r->title == NULL)
		return refuse(res, "the title is empty");
	if (r->when == NULL)
		return refuse(res, "the date (when) is empty: say when it happens, or by when");
	if (utf8_length(r->title) > TITLE_MAX)
		return refuse(res, "the title is longer than %d characters", TITLE_MAX);
	if (utf8_length(r->when) > WHEN_MAX)
		return refuse(res, "the date (when) is longer than %d characters", WHEN_MAX);
	if (len_of(r->label) > LABEL_MAX)
		return refuse(res, "the № is longer than %d characters", LABEL_MAX);
	if (r->label != NULL && r->label[0] == '@')
		return refuse(res, "a № cannot start with @ (that marks ids)");
	if (len_of(r->place) > PLACE_MAX)
		return refuse(res, "the place is longer than %d characters", PLACE_MAX);
	if (len_of(r->description) > DESCRIPTION_MAX)
		return refuse(res, "the description is longer than %d characters", DESCRIPTION_MAX);
	if (r->nwho > IMPORT_MAX_NAMES)
		return refuse(res, "more than %d responsible people", IMPORT_MAX_NAMES);
	for (size_t i = 0; i < r->nwho; i++) {
		if (utf8_length(r->who[i]) > NAME_MAX)
			return refuse(res, "a responsible name is longer than %d characters",
				      NAME_MAX);
		if (r->who[i][0] == '@')
			return refuse(res, "a name cannot start with @ (that marks ids): «%s»",
				      r->who[i]);
	}
	return 0;
}

/* iCalendar from qweek: its WHEN as typed, if it reads as the same time as the file's. */
static void use_exact_when(struct import_run *x, const struct import_row *r, struct resolved *v,
			   struct import_result *res)
{
	struct when w;
	struct moment m;
	struct error err = ERROR_INIT;

	if (r->when_exact == NULL || strlen(r->when_exact) > WHEN_MAX ||
	    when_parse(r->when_exact, &x->o->when, 0, &w, NULL) == -1 ||
	    moment_from_when(&w, x->p->tz, &m, &err) == -1) {
		error_clear(&err);
		return;
	}
	if (strcmp(m.kind, v->m.kind) != 0 || v->m.first < m.first || v->m.first > m.last ||
	    (res->when = strdup(r->when_exact)) == NULL)
		return;
	v->w = w;
	v->m = m;
	v->when_text = res->when;
}

static int parse_when(struct import_run *x, const struct import_row *r, struct resolved *v,
		      struct import_result *res)
{
	struct error err = ERROR_INIT;
	char *cause = NULL;
	int rc;

	if (when_parse(r->when, &x->o->when, 0, &v->w, &cause) == -1) {
		/* A cause that quotes the whole date already says which: not «x» twice. */
		if (cause != NULL && quotes_whole(cause, r->when))
			rc = refuse(res, "%s", cause);
		else
			rc = refuse(res, "«%s» is not understood as a date: %s", r->when,
				    cause != NULL ? cause : "?");
		free(cause);
		return rc;
	}
	if (moment_from_when(&v->w, x->p->tz, &v->m, &err) == -1) {
		rc = refuse(res, "«%s»: %s", r->when, err.message != NULL ? err.message : "?");
		error_clear(&err);
		return rc;
	}
	v->when_text = r->when;
	use_exact_when(x, r, v, res);
	return 0;
}

/*
 * The item "7.1" belongs to: the nearest "7" above it in the file, else the plan's newest;
 * for iCalendar, the item of its RELATED-TO when that came before (else see finish).
 */
static int resolve_parent(struct import_run *x, struct import_row *r, int64_t self,
			  struct resolved *v, struct import_result *res, struct error *err)
{
	const char *dot = r->label != NULL ? strrchr(r->label, '.') : NULL;
	char *head;
	int64_t ids[16], *uid = uid_item(x, r->parent_uid);
	struct import_label *known;
	int n;

	if (uid != NULL && *uid != 0) {
		v->has_parent = 1;
		v->parent_id = *uid;
		return 0;
	}
	res->parent_later = r->parent_uid != NULL;
	v->has_parent = r->label != NULL;
	if (dot == NULL || dot == r->label)
		return 0;
	if ((head = strndup(r->label, (size_t)(dot - r->label))) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	if ((known = label_info(x, head)) != NULL && known->item_id != 0) {
		v->parent_id = known->item_id;
	} else if ((n = store_item_by_label(x->db, x->p->id, head, ids, 16, err)) == -1) {
		free(head);
		return -1;
	} else {
		while (n > 0 && ids[n - 1] == self)
			n--;
		v->parent_id = n > 0 ? ids[n - 1] : 0;
		if (n == 0)
			import_row_warn(r, "№ %s has no item № %s above it to belong to", r->label,
					head);
	}
	free(head);
	return 0;
}

static int resolve_people(struct import_run *x, struct import_row *r, struct resolved *v,
			  struct error *err)
{
	size_t used = 0, cap = 1;
	const char *canon;

	for (size_t i = 0; i < r->nwho; i++)
		cap += strlen(r->who[i]) * 2 + 1;
	if ((v->who_joined = malloc(cap)) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	v->who_joined[0] = '\0';
	for (size_t i = 0; i < r->nwho; i++) {
		if (import_people_resolve(x->people, x->db, r->who[i],
					  r->emails != NULL ? r->emails[i] : NULL, r,
					  &v->who[v->nwho], &canon, err) == -1)
			return -1;
		v->nwho++;
		used += (size_t)snprintf(v->who_joined + used, cap - used, "%s%s",
					 i > 0 ? "\x1f" : "", canon);
	}
	return 0;
}

static int same_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* Would writing V over E change nothing? */
static int unchanged(const struct import_run *x, const struct import_existing *e,
		     const struct import_row *r, const struct resolved *v)
{
	return same_text(e->title, r->title) && same_text(e->label, r->label) &&
	       same_text(e->when_text, v->when_text) && same_text(e->kind, v->m.kind) &&
	       same_text(e->start, v->m.start) && same_text(e->end, v->m.end) &&
	       same_text(e->due, v->m.due) && same_text(e->who, v->who_joined) &&
	       (!v->has_parent || e->parent_id == v->parent_id) &&
	       (!x->f->has_place || same_text(e->place, r->place)) &&
	       (!x->f->has_description || same_text(e->description, r->description));
}

/*
 * A new item's state, note and who did it, as the file says (an export of qweek's says all of
 * it); done or cancelled at the time of the import when the file does not say when.
 */
static int write_state(struct import_run *x, const struct import_row *r, int64_t id,
		       struct error *err)
{
	if (r->state == NULL && r->note == NULL)
		return 0;
	return store_item_set_state_at(x->db, id, r->state != NULL ? r->state : "open", r->note,
				       r->done_by, r->state_at != 0 ? r->state_at : x->now, x->now,
				       err);
}

static int write_item(struct import_run *x, const struct import_row *r, struct resolved *v,
		      struct import_existing *e, struct import_result *res, struct error *err)
{
	struct item_change c = {
		.title = r->title,
		.label = r->label != NULL ? r->label : "",
		.when_text = v->when_text,
		.moment = &v->m,
		.has_parent = v->has_parent,
		.parent_id = v->parent_id,
		.has_who = 1,
		.who = v->who,
		.nwho = v->nwho,
	};

	if (x->f->has_place || e == NULL)
		c.place = r->place != NULL ? r->place : "";
	if (x->f->has_description || e == NULL)
		c.description = r->description != NULL ? r->description : "";
	if (e != NULL) {
		res->id = e->id;
		res->old_parent = e->parent_id;
		res->action = unchanged(x, e, r, v) ? IMPORT_UNCHANGED : IMPORT_UPDATE;
		if (res->action == IMPORT_UNCHANGED)
			return 0;
		return store_item_update(x->db, e->id, &c, x->now, err);
	}
	res->action = IMPORT_CREATE;
	if (store_item_insert(x->db, x->p->id, &c, x->now, &res->id, err) == -1)
		return -1;
	return write_state(x, r, res->id, err);
}

/* № 7 twice in the file: said on the second, with where the first is. */
static void note_label(struct import_run *x, struct import_row *r, size_t i, int64_t id)
{
	struct import_label *known = label_info(x, r->label);

	if (known == NULL)
		return;
	if (known->first == 0) {
		known->first = (uint32_t)i + 1;
	} else {
		const struct import_row *o = &x->f->rows[known->first - 1];
		import_row_warn(r,
				"№ %s is already used by row %d («%s»): a typo? Items %s.x "
				"belong to the nearest № %s above them",
				r->label, o->row, o->title != NULL ? o->title : "", r->label,
				r->label);
	}
	if (id != 0)
		known->item_id = id;
}

static struct import_existing *find_existing(struct import_run *x, const struct import_row *r,
					     size_t i)
{
	struct import_label *known = label_info(x, r->label);

	if (x->matched[i] != NULL)
		return x->matched[i];
	return import_match_loose(&x->match, r->label, r->title,
				  known != NULL && known->count == 1);
}

int import_row_apply(struct import_run *x, size_t i, struct import_result *res, struct error *err)
{
	struct import_row *r = &x->f->rows[i];
	struct resolved v = { 0 };
	struct import_existing *e;
	int rc = -1;

	if (r->skipped != NULL) {
		res->action = IMPORT_SKIPPED;
		res->reason = strdup(r->skipped);
		return 0;
	}
	if (check(r, res) == -1 || parse_when(x, r, &v, res) == -1) {
		note_label(x, r, i, 0);
		return 0;
	}
	e = find_existing(x, r, i);
	if (resolve_parent(x, r, e != NULL ? e->id : 0, &v, res, err) == -1 ||
	    resolve_people(x, r, &v, err) == -1 || write_item(x, r, &v, e, res, err) == -1)
		goto out;
	res->m = v.m;
	res->parent_id = v.has_parent ? v.parent_id : res->old_parent;
	import_warn_date(r, x->p, &v.w, &v.m, v.when_text);
	note_label(x, r, i, res->id);
	if (r->uid != NULL)
		*uid_item(x, r->uid) = res->id;
	rc = 0;
out:
	free(v.who_joined);
	return rc;
}

#define MAX_DEPTH 64 /* parents of parents: deeper is taken as a loop */

/* An item and its parent as the import leaves them, sorted by id, for finding loops. */
struct family {
	int64_t id, parent;
};

struct families {
	struct family *list;
	size_t n;
};

static int by_id(const void *a, const void *b)
{
	const struct family *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Where the parent of item ID is kept, or NULL if no row is that item. */
static struct family *family_of(const struct families *fs, int64_t id)
{
	struct family key = { .id = id };

	return fs->list != NULL ? bsearch(&key, fs->list, fs->n, sizeof key, by_id) : NULL;
}

/* Every row's item and its parent; 0, or -1 if out of memory. */
static int families_load(struct families *fs, const struct import_result *res, size_t n)
{
	fs->n = 0;
	if ((fs->list = malloc((n + 1) * sizeof *fs->list)) == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (res[i].id != 0)
			fs->list[fs->n++] = (struct family){ res[i].id, res[i].parent_id };
	qsort(fs->list, fs->n, sizeof *fs->list, by_id);
	return 0;
}

/* Would item ID under PARENT make a loop, as far as FS go? */
static int makes_loop(const struct families *fs, int64_t id, int64_t parent)
{
	for (int steps = 0; parent != 0; steps++) {
		const struct family *up;
		if (parent == id || steps == MAX_DEPTH)
			return 1;
		up = family_of(fs, parent);
		parent = up != NULL ? up->parent : 0;
	}
	return 0;
}

/* An item whose parent (RELATED-TO) came after it in the file. */
static int late_parent(struct import_run *x, struct import_row *r, struct import_result *res,
		       struct families *fs, struct error *err)
{
	const int64_t *id = uid_item(x, r->parent_uid);
	struct item_change c = { .has_parent = 1 };
	struct family *self;

	if (id == NULL || *id == 0 || *id == res->id ||
	    (res->action == IMPORT_UNCHANGED && *id == res->old_parent))
		return 0;
	if (makes_loop(fs, res->id, *id)) {
		import_row_warn(r, "its RELATED-TO would make it its own ancestor: left out");
		return 0;
	}
	c.parent_id = res->parent_id = *id;
	if ((self = family_of(fs, res->id)) != NULL)
		self->parent = c.parent_id;
	if (res->action == IMPORT_UNCHANGED)
		res->action = IMPORT_UPDATE;
	return store_item_update(x->db, res->id, &c, x->now, err);
}

static int any_parent_later(const struct import_result *res, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (res[i].parent_later)
			return 1;
	return 0;
}

int import_row_finish(struct import_run *x, struct import_result *res, struct error *err)
{
	struct families fs = { 0 };

	if (any_parent_later(res, x->f->nrows) && families_load(&fs, res, x->f->nrows) == -1)
		return error_set(err, ERR_INTERNAL, "out of memory");
	for (size_t i = 0; i < x->f->nrows; i++) {
		struct import_row *r = &x->f->rows[i];
		struct import_existing *e;
		if (res[i].parent_later && res[i].id != 0 &&
		    late_parent(x, r, &res[i], &fs, err) == -1) {
			free(fs.list);
			return -1;
		}
		if (res[i].action != IMPORT_CREATE ||
		    (e = import_match_unmatched_label(&x->match, r->label)) == NULL)
			continue;
		import_row_warn(r,
				"№ %s is also an item that the plan had before and that is "
				"not in this file («%s»): now there are two",
				r->label, e->title);
	}
	free(fs.list);
	return 0;
}
