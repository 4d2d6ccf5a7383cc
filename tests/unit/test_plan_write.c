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

#include "store/changes.h"
#include "store/db.h"
#include "store/plan_write.h"
#include "store/store.h"
#include "db_fixture.h"

/* The one write path: what it commits is announced once, after the commit; nothing else is. */

static struct {
	struct db *db;
	int calls;
	int64_t plan_id;
	int people_seen; /* people of the announced plan, as a subscriber reads them */
} heard;

static int count_person(const struct person *p, void *arg)
{
	(void)p;
	(*(int *)arg)++;
	return 0;
}

static void on_change(int64_t plan_id, void *ctx)
{
	struct error err = ERROR_INIT;

	(void)ctx;
	heard.calls++;
	heard.plan_id = plan_id;
	heard.people_seen = 0;
	assert_int_equal(
		store_person_each(heard.db, plan_id, 0, count_person, &heard.people_seen, &err), 0);
}

struct fixture {
	char dir[64];
	char path[96];
	struct db *db;
	struct plan plan;
};

static int setup(void **state)
{
	static int subscribed;
	struct fixture *f = calloc(1, sizeof *f);

	strcpy(f->dir, "/tmp/qweek-write-XXXXXX");
	f->db = db_fixture_open(f->dir, f->path, sizeof f->path);
	db_fixture_plan(&f->plan, "Неделя качества 2017", "");
	if (!subscribed++)
		changes_subscribe(on_change, NULL);
	memset(&heard, 0, sizeof heard);
	heard.db = f->db;
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

/* A new plan has no id at begin: the one set before the commit is announced. */
static void test_new_plan_announced(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct plan_write w;

	assert_int_equal(plan_write_begin(&w, f->db, 0, &err), 0);
	assert_int_equal(store_plan_insert(f->db, &f->plan, 1000, &err), 0);
	w.plan_id = f->plan.id;
	assert_int_equal(heard.calls, 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	assert_int_equal(heard.calls, 1);
	assert_int_equal(heard.plan_id, f->plan.id);
}

/* Who hears of a change reads it committed. */
static void test_announced_after_commit(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct plan_write w;
	int64_t id;

	assert_int_equal(store_plan_insert(f->db, &f->plan, 1000, &err), 0);
	assert_int_equal(plan_write_begin(&w, f->db, f->plan.id, &err), 0);
	assert_int_equal(store_person_insert(f->db, f->plan.id, "Иванова", "person", "", "", 1000,
					     &id, &err),
			 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	assert_int_equal(heard.calls, 1);
	assert_int_equal(heard.plan_id, f->plan.id);
	assert_int_equal(heard.people_seen, 1);
}

/* Rolled back: nothing written, nothing announced. */
static void test_rollback_silent(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct plan_write w;
	int64_t id;
	int n = 0;

	assert_int_equal(store_plan_insert(f->db, &f->plan, 1000, &err), 0);
	assert_int_equal(plan_write_begin(&w, f->db, f->plan.id, &err), 0);
	assert_int_equal(store_person_insert(f->db, f->plan.id, "Иванова", "person", "", "", 1000,
					     &id, &err),
			 0);
	plan_write_rollback(&w);
	plan_write_rollback(&w); /* a second one is harmless */
	assert_int_equal(heard.calls, 0);
	assert_int_equal(store_person_each(f->db, f->plan.id, 0, count_person, &n, &err), 0);
	assert_int_equal(n, 0);
}

/* The reminders' bookkeeping is committed, and announced to nobody. */
static void test_quiet_commits_silently(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct plan_write w;
	int64_t id;
	int n = 0;

	assert_int_equal(store_plan_insert(f->db, &f->plan, 1000, &err), 0);
	assert_int_equal(plan_write_begin_quiet(&w, f->db, &err), 0);
	assert_int_equal(store_person_insert(f->db, f->plan.id, "Иванова", "person", "", "", 1000,
					     &id, &err),
			 0);
	assert_int_equal(plan_write_commit(&w, &err), 0);
	assert_int_equal(heard.calls, 0);
	assert_int_equal(store_person_each(f->db, f->plan.id, 0, count_person, &n, &err), 0);
	assert_int_equal(n, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_plan_announced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_announced_after_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_silent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quiet_commits_silently, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
