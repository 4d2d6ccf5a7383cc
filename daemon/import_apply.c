/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "import.h"
#include "import_match.h"
#include "import_people.h"
#include "import_row.h"

/*
 * The import as one transaction: every row in file order becomes an item, created or updated
 * (or found unchanged), or is refused with its reason; then it is committed, or rolled back
 * for a dry run and for refused rows without skip_bad. A dry run runs the very same writes,
 * so that what it shows is exactly what the import would do.
 */

struct counts {
	int created, updated, unchanged, refused, skipped;
};

static const char *action_name(enum import_action a)
{
	static const char *const names[] = { "create", "update", "unchanged", "refused",
					     "skipped" };

	return names[a];
}

static json_t *text_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *time_or_null(const char *stored, const char *tz)
{
	char buf[40];

	if (*stored == '\0')
		return json_null();
	moment_iso(stored, tz, buf, sizeof buf);
	return json_string(buf);
}

/* What the row's item is (or would be): its id, kind, times as the API writes them, parent. */
static json_t *item_json(const struct import_result *res, const char *tz)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:o}", "id", (json_int_t)res->id, "kind",
			 res->m.kind, "start", time_or_null(res->m.start, tz), "end",
			 time_or_null(res->m.end, tz), "due", time_or_null(res->m.due, tz),
			 "parent_id",
			 res->parent_id != 0 ? json_integer(res->parent_id) : json_null());
}

/* The reply's entry for row R and what became of it. */
static json_t *row_json(struct import_run *x, const struct import_row *r,
			const struct import_result *res)
{
	json_t *who = json_array(), *j;

	for (size_t i = 0; i < r->nwho; i++)
		json_array_append_new(who, json_string(r->who[i]));
	j = json_pack("{s:i, s:o, s:o, s:o, s:o, s:s}", "row", r->row, "label",
		      text_or_null(r->label), "title", text_or_null(r->title), "when",
		      text_or_null(res->when != NULL ? res->when : r->when), "who", who, "action",
		      action_name(res->action));
	if (res->reason != NULL)
		json_object_set_new(j, "reason", json_string(res->reason));
	if (r->warnings != NULL && json_array_size(r->warnings) > 0)
		json_object_set(j, "warnings", r->warnings);
	if (res->id != 0)
		json_object_set_new(j, "item", item_json(res, x->p->tz));
	return j;
}

static void count(struct counts *c, enum import_action a)
{
	switch (a) {
	case IMPORT_CREATE:
		c->created++;
		break;
	case IMPORT_UPDATE:
		c->updated++;
		break;
	case IMPORT_UNCHANGED:
		c->unchanged++;
		break;
	case IMPORT_REFUSED:
		c->refused++;
		break;
	case IMPORT_SKIPPED:
		c->skipped++;
		break;
	}
}

/* Every row's warnings, after the file's, as "row N: ..." in F->warnings. */
static void gather_warnings(struct import_file *f)
{
	for (size_t i = 0; i < f->nrows; i++) {
		json_t *v;
		size_t k;
		json_array_foreach (f->rows[i].warnings, k, v)
			import_file_warn(f, f->rows[i].row, "%s", json_string_value(v));
	}
}

/* "3 rows are refused (row 5: ...; row 9: ...)": the reply's error when nothing is done. */
static json_t *refusal_error(const struct import_file *f, const struct import_result *res, int n)
{
	char list[1024] = "", *msg;
	size_t used = 0;
	int shown = 0;
	json_t *e;

	for (size_t i = 0; i < f->nrows && used < sizeof list; i++) {
		if (res[i].action != IMPORT_REFUSED)
			continue;
		if (shown++ == 3) {
			snprintf(list + used, sizeof list - used, "; …");
			break;
		}
		used += (size_t)snprintf(list + used, sizeof list - used, "%srow %d: %s",
					 shown > 1 ? "; " : "", f->rows[i].row, res[i].reason);
	}
	if (asprintf(&msg,
		     "%d row%s refused (%s), so nothing was imported: fix %s, or import "
		     "the other rows with --skip-bad",
		     n, n == 1 ? " is" : "s are", list, n == 1 ? "it" : "them") == -1)
		return json_pack("{s:s, s:s}", "code", "invalid", "message", "rows are refused");
	e = json_pack("{s:s, s:s}", "code", "invalid", "message", msg);
	free(msg);
	return e;
}

static json_t *summary(struct import_run *x, const struct counts *c, json_t *rows, int committed)
{
	struct import_file *f = x->f;

	return json_pack("{s:b, s:b, s:s, s:O, s:o, s:i, s:i, s:i, s:i, s:i, s:i, s:O, s:O, "
			 "s:O}",
			 "dry_run", x->o->dry_run, "committed", committed, "format",
			 f->format == IMPORT_ICS ? "ics" : "csv", "file", f->info, "rows", rows,
			 "created", c->created, "updated", c->updated, "unchanged", c->unchanged,
			 "refused", c->refused, "skipped", c->skipped, "blank", f->blank,
			 "people_created", import_people_created(x->people), "groups_created",
			 import_people_groups(x->people), "warnings", f->warnings);
}

/* Runs every row inside the transaction; RES gets what became of each. 0 or -1 with ERR. */
static int run_rows(struct import_run *x, struct import_result *res, json_t *rows, struct counts *c,
		    struct error *err)
{
	import_row_prepare(x);
	for (size_t i = 0; i < x->f->nrows; i++)
		if (import_row_apply(x, i, &res[i], err) == -1)
			return -1;
	if (import_row_finish(x, res, err) == -1)
		return -1;
	for (size_t i = 0; i < x->f->nrows; i++) {
		json_t *j = row_json(x, &x->f->rows[i], &res[i]);
		if (j == NULL)
			return -1;
		json_array_append_new(rows, j);
		count(c, res[i].action);
	}
	gather_warnings(x->f);
	return 0;
}

static void free_results(struct import_result *res, size_t n)
{
	for (size_t i = 0; res != NULL && i < n; i++) {
		free(res[i].reason);
		free(res[i].when);
	}
	free(res);
}

static int end_transaction(struct import_run *x, const struct counts *c, int *committed,
			   struct error *err)
{
	*committed = 0;
	if (x->o->dry_run || (c->refused > 0 && !x->o->skip_bad)) {
		db_rollback(x->db);
		return 0;
	}
	if (db_commit(x->db, err) == -1) {
		db_rollback(x->db);
		return -1;
	}
	*committed = 1;
	return 0;
}

int import_apply(struct db *db, const struct plan *p, struct import_file *f,
		 const struct import_opts *o, json_t **reply, int *committed, struct error *err)
{
	struct import_run x = { .db = db, .p = p, .f = f, .o = o, .now = clock_now() };
	struct import_result *res = calloc(f->nrows + 1, sizeof *res);
	struct counts c = { 0 };
	json_t *rows = json_array();
	int rc = -1;

	*reply = NULL;
	*committed = 0;
	if (res == NULL || db_begin(db, err) == -1)
		goto out;
	if (import_match_load(db, p->id, &x.match, err) == -1 ||
	    (x.people = import_people_load(db, p->id, x.now, err)) == NULL ||
	    run_rows(&x, res, rows, &c, err) == -1) {
		db_rollback(db);
		goto out;
	}
	if (end_transaction(&x, &c, committed, err) == -1)
		goto out;
	*reply = summary(&x, &c, rows, *committed);
	rows = NULL;
	if (c.refused > 0 && !o->skip_bad)
		json_object_set_new(*reply, "error", refusal_error(f, res, c.refused));
	rc = 0;
out:
	json_decref(rows);
	import_row_cleanup(&x);
	import_match_free(&x.match);
	import_people_free(x.people);
	free_results(res, f->nrows);
	if (rc == -1 && err->kind == ERR_NONE)
		error_set(err, ERR_INTERNAL, "out of memory");
	return rc;
}
