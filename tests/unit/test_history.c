/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/db.h"
#include "store/history_store.h"
#include "store/plan_write.h"
#include "store/store.h"
#include "db_fixture.h"

/*
 * The history (schema 008): a change through plan_write is kept with who made it, its rows
 * before and after; nothing is kept of a rollback, of the reminders' bookkeeping, of a write
 * that touched nothing; a change reverted puts every row back, memberships included.
 */

struct fixture {
	char dir[64];
	char path[96];
	struct db *db;
	struct plan plan;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err = ERROR_INIT;

	strcpy(f->dir, "/tmp/qweek-history-XXXXXX");
	f->db = db_fixture_open(f->dir, f->path, sizeof f->path);
	db_fixture_plan(&f->plan, "Неделя качества 2017", "");
	assert_int_equal(store_plan_insert(f->db, &f->plan, 1000, &err), 0);
	plan_write_default(NULL, NULL);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	db_fixture_close(f->db, &f->plan, f->dir);
	free(f);
	return 0;
}

struct seen {
	int changes;
	char by[64], via[16], tbl[16];
	int before_null, rows;
	int64_t id;
};

static int see(const struct change *c, void *arg)
{
	struct seen *s = arg;

	if (s->changes++ == 0) {
		snprintf(s->by, sizeof s->by, "%s", c->by);
		snprintf(s->via, sizeof s->via, "%s", c->via);
		snprintf(s->tbl, sizeof s->tbl, "%s", c->nrows ? c->rows[0].tbl : "");
		s->before_null = c->nrows && c->rows[0].before == NULL;
		s->rows = (int)c->total;
		s->id = c->id;
	}
	return 0;
}

static struct seen history(struct fixture *f)
{
	struct history_query q = { .plan_id = f->plan.id, .limit = 100 };
	struct error err = ERROR_INIT;
	struct seen s = { 0 };

	assert_int_equal(store_history_each(f->db, &q, see, &s, &err), 0);
	return s;
}

static int64_t add_person(struct fixture *f, const char *name, const char *by, const char *via)
{
	struct error err = ERROR_INIT;
	struct plan_write w;
	int64_t id;

	assert_int_equal(plan_write_begin(&w, f->db, f->plan.id, &err), 0);
	plan_write_by(&w, by, via);
	assert_int_equal(
		store_person_insert(f->db, f->plan.id, name, "person", "", "", 1000, &id, &err), 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	return id;
}

static void test_kept_with_who(void **state)
{
	struct fixture *f = *state;
	struct seen s;

	add_person(f, "Иванова А. П.", "Петров С. И.", "page");
	s = history(f);
	assert_int_equal(s.changes, 1);
	assert_string_equal(s.by, "Петров С. И.");
	assert_string_equal(s.via, "page");
	assert_string_equal(s.tbl, "people");
	assert_true(s.before_null);
	add_person(f, "Сидорова", NULL, NULL);
	s = history(f);
	assert_int_equal(s.changes, 2);
	assert_string_equal(s.via, "cli"); /* nobody said: the administrator via cli */
}

static void test_nothing_kept(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct plan_write w;
	int64_t id;

	assert_int_equal(plan_write_begin(&w, f->db, f->plan.id, &err), 0);
	assert_int_equal(store_person_insert(f->db, f->plan.id, "Иванова", "person", "", "", 1000,
					     &id, &err),
			 0);
	plan_write_rollback(&w);
	assert_int_equal(plan_write_begin_quiet(&w, f->db, &err), 0);
	assert_int_equal(store_person_insert(f->db, f->plan.id, "Иванова", "person", "", "", 1000,
					     &id, &err),
			 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	assert_int_equal(plan_write_begin(&w, f->db, f->plan.id, &err), 0);
	assert_int_equal(store_plan_touch(f->db, f->plan.id, 2000, &err), 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	assert_int_equal(history(f).changes, 0);
}

static int count_person(const struct person *p, void *arg)
{
	(void)p;
	(*(int *)arg)++;
	return 0;
}

static void test_revert_and_later(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct plan_write w;
	int64_t person = add_person(f, "Иванова", NULL, NULL), group, gone, later;
	int n = 0;

	assert_int_equal(plan_write_begin(&w, f->db, f->plan.id, &err), 0);
	assert_int_equal(store_person_insert(f->db, f->plan.id, "Психологи", "group", "", "", 1000,
					     &group, &err),
			 0);
	assert_int_equal(store_member_add(f->db, group, person, &err), 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	/* The person removed, with their membership, then put back with it. */
	assert_int_equal(plan_write_begin(&w, f->db, f->plan.id, &err), 0);
	assert_int_equal(store_person_delete(f->db, person, &err), 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	gone = history(f).id;
	assert_int_equal(history(f).rows, 2);
	assert_int_equal(store_history_later(f->db, f->plan.id, gone, NULL, NULL, &err), 0);
	assert_int_equal(plan_write_begin(&w, f->db, f->plan.id, &err), 0);
	w.undoes = gone;
	assert_int_equal(store_history_revert(f->db, gone, 3000, &err), 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	assert_int_equal(store_person_each(f->db, f->plan.id, 0, count_person, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_history_undone(f->db, gone, &later, &err), 1);
	/* The first change (the person added) has later changes on its row: named. */
	assert_int_equal(store_history_later(f->db, f->plan.id, 1, NULL, NULL, &err), 0);
	assert_int_equal(store_history_later(f->db, f->plan.id, gone - 1, NULL, NULL, &err), 0);
	/* A later edit of the person is named for the change that added them. */
	assert_int_equal(plan_write_begin(&w, f->db, f->plan.id, &err), 0);
	assert_int_equal(store_person_update(f->db, person, NULL, "психолог", NULL, &err), 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	assert_int_equal(store_history_later(f->db, f->plan.id, 1, NULL, NULL, &err), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kept_with_who, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revert_and_later, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
