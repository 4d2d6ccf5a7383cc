/* SPDX-License-Identifier: MIT */
/*
 * What the unit tests of the store, the write path, feeds, pages and history share: a fresh
 * database in a temporary directory, and the Krasnoyarsk week of 2017 as the plan.
 */
#ifndef QWEEK_TEST_DB_FIXTURE_H
#define QWEEK_TEST_DB_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"

/* A new database in DIR, a mkdtemp template ("/tmp/qweek-x-XXXXXX"); its file's name in PATH. */
static inline struct db *db_fixture_open(char *dir, char *path, size_t len)
{
	char *cause = NULL;
	struct db *db;

	assert_non_null(mkdtemp(dir));
	snprintf(path, len, "%s/q.db", dir);
	db = db_open(path, &cause);
	if (db == NULL)
		fail_msg("db_open: %s", cause != NULL ? cause : "?");
	return db;
}

/* P as the week of 8-15.11.2017 in Krasnoyarsk, in Russian, titled TITLE (not yet inserted). */
static inline void db_fixture_plan(struct plan *p, const char *title, const char *org)
{
	p->slug = strdup("nedelya");
	p->title = strdup(title);
	p->org = strdup(org);
	p->tz = strdup("Asia/Krasnoyarsk");
	p->lang = strdup("ru");
	strcpy(p->first_day, "2017-11-08");
	strcpy(p->last_day, "2017-11-15");
}

/* Closes DB, frees P's strings and removes DIR with all in it. */
static inline void db_fixture_close(struct db *db, struct plan *p, const char *dir)
{
	char cmd[128];

	db_close(db);
	free(p->slug);
	free(p->title);
	free(p->org);
	free(p->tz);
	free(p->lang);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

#endif
