/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "import/import.h"
#include "import/import_match.h"
#include "import/import_people.h"
#include "import/import_report.h"
#include "import/import_row.h"
#include "core/jsonw.h"
#include "store/plan_write.h"

/*
 * The import as one transaction: every row in file order becomes an item, created or updated
 * (or found unchanged), or is refused with its reason; then it is committed (and announced, by
 * plan_write_commit), or rolled back for a dry run and for refused rows without skip_bad. A dry
 * run runs the very same writes, so that what it shows is exactly what the import would do.
 */

/* Runs every row inside the transaction; RES gets what became of each. 0 or -1 with ERR. */
static int run_rows(struct import_run *x, struct import_result *res, struct import_counts *c,
		    struct error *err)
{
	if (import_row_prepare(x, err) == -1)
		return -1;
	for (size_t i = 0; i < x->f->nrows; i++)
		if (import_row_apply(x, i, &res[i], err) == -1)
			return -1;
	if (import_row_finish(x, res, err) == -1)
		return -1;
	for (size_t i = 0; i < x->f->nrows; i++)
		import_counts_add(c, res[i].action);
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

static int end_transaction(struct import_run *x, struct plan_write *w,
			   const struct import_counts *c, int *committed, struct error *err)
{
	*committed = 0;
	if (x->o->dry_run || (c->refused > 0 && !x->o->skip_bad)) {
		plan_write_rollback(w);
		return 0;
	}
	if (plan_write_commit(w, err) == -1)
		return -1;
	*committed = 1;
	return 0;
}

/* The reply as text into OUT; 0, or -1 when out of memory. */
static int report(struct import_run *x, const struct import_result *res,
		  const struct import_counts *c, int committed, struct import_outcome *out)
{
	struct jsonw w;

	out->refused = c->refused > 0 && !x->o->skip_bad;
	jsonw_init(&w);
	import_report_write(&w, x, res, c, committed);
	if (w.buf.failed) {
		jsonw_free(&w);
		return -1;
	}
	out->reply = jsonw_take(&w, &out->len);
	return 0;
}

int import_apply(struct db *db, const struct plan *p, struct import_file *f,
		 const struct import_opts *o, struct import_outcome *out, struct error *err)
{
	struct import_run x = { .db = db, .p = p, .f = f, .o = o, .now = clock_now() };
	struct import_result *res = calloc(f->nrows + 1, sizeof *res);
	struct import_counts c = { 0 };
	struct plan_write w;
	int committed = 0, rc = -1;

	memset(out, 0, sizeof *out);
	if (res == NULL || plan_write_begin(&w, db, p->id, err) == -1)
		goto out;
	plan_write_by(&w, NULL, "import");
	if (import_match_load(db, p->id, &x.match, err) == -1 ||
	    (x.people = import_people_load(db, p->id, x.now, err)) == NULL ||
	    run_rows(&x, res, &c, err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	if (end_transaction(&x, &w, &c, &committed, err) == -1)
		goto out;
	/* What matched the plan's items is done with: let it go before the reply grows. */
	import_row_cleanup(&x);
	import_match_free(&x.match);
	if ((rc = report(&x, res, &c, committed, out)) == -1 && committed)
		error_set(err, ERR_INTERNAL,
			  "the file was imported, but there was no memory left to report on it");
out:
	import_row_cleanup(&x);
	import_match_free(&x.match);
	import_people_free(x.people);
	free_results(res, f->nrows);
	if (rc == -1 && err->kind == ERR_NONE)
		error_set(err, ERR_INTERNAL, "out of memory");
	return rc;
}
