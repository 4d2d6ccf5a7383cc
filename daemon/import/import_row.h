/* SPDX-License-Identifier: MIT */
/* One row of an import inside its transaction: checked, matched, written, warned about. */
#ifndef QWEEK_IMPORT_ROW_H
#define QWEEK_IMPORT_ROW_H

#include <jansson.h>
#include <stdint.h>

#include "import/import.h"
#include "time/moment.h"
#include "import/import_index.h"
#include "import/import_match.h"
#include "import/import_people.h"

enum import_action {
	IMPORT_CREATE,
	IMPORT_UPDATE,
	IMPORT_UNCHANGED,
	IMPORT_REFUSED,
	IMPORT_SKIPPED
};

/* What became of a row; strings malloc'd. */
struct import_result {
	enum import_action action;
	char *reason;	    /* refused or skipped: why */
	char *when;	    /* the WHEN used when it is not the row's (X-QWEEK-WHEN), or NULL */
	int64_t id;	    /* the item, when there is one */
	struct moment m;    /* its time (with an item) */
	int64_t parent_id;  /* its parent, 0 for none */
	int parent_later;   /* its parent (RELATED-TO) comes later in the file */
	int64_t old_parent; /* the parent it had, when it was there before */
};

/* An import under way: the plan, the file, what is known of the plan and of the file so far. */
struct import_run {
	struct db *db;
	const struct plan *p;
	struct import_file *f;
	const struct import_opts *o;
	int64_t now;
	struct import_match match;
	struct import_people *people;
	struct import_existing **matched; /* per row: the item it stands for, or NULL */
	struct import_index labels;	  /* the rows by their labels */
	struct import_index uids;	  /* the rows by their iCalendar UIDs */
	struct import_label *label_info;  /* per row, for the first row with its label */
	int64_t *uid_item; /* per row, for the first row with its UID: the id of its item */
};

/* What the rows with one label say, kept at the first of them. */
struct import_label {
	uint32_t count;	 /* how many rows have it (rows that can be items) */
	uint32_t first;	 /* 1 + the row that first used it, 0 before */
	int64_t item_id; /* the latest item with it, in file order; 0 for none yet */
};

/*
 * Before the rows: indexes and counts labels, and matches every row that has an exact match.
 * 0, or -1 with ERR (out of memory).
 */
int import_row_prepare(struct import_run *x, struct error *err);

/* Row I of the file: RES says what became of it. 0, or -1 with ERR (a database failure). */
int import_row_apply(struct import_run *x, size_t i, struct import_result *res, struct error *err);

/*
 * After the rows: gives items their parents that came later in the file (RELATED-TO), warns
 * of created items whose label an item of the plan has too. 0, or -1 with ERR.
 */
int import_row_finish(struct import_run *x, struct import_result *res, struct error *err);

/* Frees what prepare and the rows kept; may be called again. */
void import_row_cleanup(struct import_run *x);

#endif
