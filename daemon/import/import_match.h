/* SPDX-License-Identifier: MIT */
/* The plan's items before an import, and which of them a row of the file stands for. */
#ifndef QWEEK_IMPORT_MATCH_H
#define QWEEK_IMPORT_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "import/import_arena.h"
#include "import/import_index.h"

/* An item as it was; strings in the match's arena, "" for none. */
struct import_existing {
	int64_t id, parent_id;
	char *label, *title, *when_text, *place, *description, *who; /* who: '\x1f'-joined */
	char *kind, *start, *end, *due;
	int matched; /* a row of the file stands for it */
};

struct import_match {
	struct import_existing *items;
	size_t n;
	struct import_arena strings;
	struct import_index by_both, by_title, by_label; /* of ITEMS */
};

/* Loads the items of plan PLAN_ID into M; 0, or -1 with ERR. */
int import_match_load(struct db *db, int64_t plan_id, struct import_match *m, struct error *err);
void import_match_free(struct import_match *m);

/*
 * The item, not yet matched, with LABEL (may be NULL) and TITLE; marked matched. NULL if none.
 * Every row is matched so first, then those left over with import_match_loose.
 */
struct import_existing *import_match_exact(struct import_match *m, const char *label,
					   const char *title);

/*
 * For a row without an exact match: the one item left with its TITLE (its number was
 * corrected), else the one left with its LABEL when LABEL_ONCE says that the file has that
 * label only once (its title was corrected). Marked matched; NULL if none.
 */
struct import_existing *import_match_loose(struct import_match *m, const char *label,
					   const char *title, int label_once);

/* An item labelled LABEL that no row has matched, or NULL. */
struct import_existing *import_match_unmatched_label(struct import_match *m, const char *label);

#endif
