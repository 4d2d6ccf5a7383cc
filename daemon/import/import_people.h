/* SPDX-License-Identifier: MIT */
/* The people and groups an import names: found, or created and listed; near names said. */
#ifndef QWEEK_IMPORT_PEOPLE_H
#define QWEEK_IMPORT_PEOPLE_H

#include <jansson.h>
#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "import/import.h"

struct import_people;

/* The plan's people and groups as they are; NULL with ERR. Freed with import_people_free. */
struct import_people *import_people_load(struct db *db, int64_t plan_id, int64_t now,
					 struct error *err);
void import_people_free(struct import_people *pp);

/*
 * The id of NAME in the plan, and its name as the plan writes it (*CANON, valid as long as PP).
 * A name that is missing is created, a group when it reads as one (import_name_is_group),
 * with EMAIL (may be NULL); it is listed, and when it is nearly a name that exists, R gets a
 * warning that says which. Returns 0, or -1 with ERR.
 */
int import_people_resolve(struct import_people *pp, struct db *db, const char *name,
			  const char *email, struct import_row *r, int64_t *id, const char **canon,
			  struct error *err);

/* The names created so far, and the groups among them (arrays of strings, borrowed). */
json_t *import_people_created(struct import_people *pp);
json_t *import_people_groups(struct import_people *pp);

#endif
