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

#include "core/config.h"
#include "store/db.h"
#include "store/item_mark_store.h"
#include "store/store.h"
#include "db_fixture.h"

/* The store against a real SQLite file in a temporary directory. */

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

	strcpy(f->dir, "/tmp/qweek-store-XXXXXX");
	f->db = db_fixture_open(f->dir, f->path, sizeof f->path);
	db_fixture_plan(&f->plan, "Неделя качества 2017", "");
	assert_int_equal(store_plan_insert(f->db, &f->plan, 1000, &err), 0);
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

static void test_second_open_refused(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;

	assert_null(db_open(f->path, &cause));
	assert_non_null(strstr(cause, "in use by another qweekd"));
	free(cause);
}

static void test_slug_made_unique(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct plan p = f->plan;

	p.slug = strdup("nedelya");
	assert_int_equal(store_plan_insert(f->db, &p, 2000, &err), 0);
	assert_string_equal(p.slug, "nedelya-2");
	free(p.slug);
}

static void test_only_plan(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct plan *p = store_plan_find(f->db, "_", &err), p2 = f->plan;

	assert_non_null(p);
	assert_string_equal(p->title, "Неделя качества 2017");
	plan_free(p);
	p2.slug = strdup("other");
	assert_int_equal(store_plan_insert(f->db, &p2, 2000, &err), 0);
	free(p2.slug);
	assert_null(store_plan_find(f->db, "_", &err));
	assert_int_equal(err.kind, ERR_CHOOSE_PLAN);
	assert_non_null(strstr(err.message, "nedelya, other"));
	error_clear(&err);
}

static void test_person_names_fold_case(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	int64_t id, found_id;
	int is_group = 0;

	assert_int_equal(store_person_insert(f->db, f->plan.id, "Заведующие отделениями", "group",
					     NULL, NULL, 1, &id, &err),
			 0);
	assert_int_equal(store_person_lookup(f->db, f->plan.id, "ЗАВЕДУЮЩИЕ ОТДЕЛЕНИЯМИ", &found_id,
					     &is_group, &err),
			 1);
	assert_int_equal(found_id, id);
	assert_true(is_group);
	assert_int_equal(store_person_insert(f->db, f->plan.id, "заведующие отделениями", "person",
					     NULL, NULL, 1, &id, &err),
			 -1);
	assert_int_equal(err.kind, ERR_CONFLICT);
	error_clear(&err);
	store_person_suggest(f->db, f->plan.id, "Заведующие отделений", &err);
	assert_non_null(err.candidates);
	assert_string_equal(json_string_value(json_array_get(err.candidates, 0)),
			    "Заведующие отделениями");
	error_clear(&err);
	/* A name that contains what was typed, and is near it too, is named once, not twice. */
	assert_int_equal(store_person_insert(f->db, f->plan.id, "Петренко О. І.", "person", NULL,
					     NULL, 1, &id, &err),
			 0);
	store_person_suggest(f->db, f->plan.id, "Петренко О.", &err);
	assert_int_equal(json_array_size(err.candidates), 1);
	assert_string_equal(json_string_value(json_array_get(err.candidates, 0)), "Петренко О. І.");
	error_clear(&err);
}

static void test_label_order(void **state)
{
	char a[64], b[64], c[64], d[64];

	store_label_key("7.2", a, sizeof a);
	store_label_key("7.10", b, sizeof b);
	store_label_key("10", c, sizeof c);
	store_label_key("", d, sizeof d);
	assert_true(strcmp(a, b) < 0);
	assert_true(strcmp(b, c) < 0);
	assert_true(strcmp(c, d) < 0);
}

static int collect_label(const struct item *it, void *arg)
{
	strcat(arg, it->label);
	strcat(arg, ";");
	return 0;
}

static void add_item(struct fixture *f, const char *label)
{
	struct moment m = { .kind = "event", .start = "2017-11-14", .at = 1, .late_after = 2 };
	struct item_change c = { .title = "t", .label = label, .when_text = "14.11", .moment = &m };
	struct error err = ERROR_INIT;
	int64_t id;

	assert_int_equal(store_item_insert(f->db, f->plan.id, &c, 5, &id, &err), 0);
}

static void test_items_in_plan_order(void **state)
{
	struct fixture *f = *state;
	struct item_filter all = { 0 };
	struct error err = ERROR_INIT;
	char labels[128] = "";

	add_item(f, "8");
	add_item(f, "7.10");
	add_item(f, "");
	add_item(f, "7");
	add_item(f, "7.2");
	assert_int_equal(store_item_each(f->db, f->plan.id, &all, collect_label, labels, &err), 0);
	assert_string_equal(labels, "7;7.2;7.10;8;;");
}

static int collect_mark(const struct item_mark *m, void *arg)
{
	char line[160];

	snprintf(line, sizeof line, "%lld %s %s %s;", (long long)m->at, m->state, m->by, m->note);
	strcat(arg, line);
	return 0;
}

/* A person's change of state is a mark (done, reopen; not cancel, not an import's); a stale
 * form's is none. The digest reads a plan's marks by its people between two instants. */
static void test_item_marks(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	char marks[512] = "";
	int64_t id, person;

	assert_int_equal(store_person_insert(f->db, f->plan.id, "Петров С. И.", "person", NULL,
					     NULL, 1, &person, &err),
			 0);
	add_item(f, "3");
	assert_int_equal(store_item_by_label(f->db, f->plan.id, "3", &id, 1, &err), 1);
	assert_int_equal(
		store_item_set_state(f->db, id, "done", "9 человек", "Петров С. И.", 100, &err), 0);
	assert_int_equal(store_item_set_state(f->db, id, "open", NULL, "Администратор", 110, &err),
			 0);
	assert_int_equal(
		store_item_set_state_seq(f->db, id, 2, "done", NULL, "Петров С. И.", 120, &err), 1);
	assert_int_equal(
		store_item_set_state_seq(f->db, id, 2, "open", NULL, "Петров С. И.", 125, &err),
		0); /* stale: no change, no mark */
	assert_int_equal(
		store_item_set_state(f->db, id, "cancelled", NULL, "Петров С. И.", 130, &err), 0);
	assert_int_equal(
		store_item_set_state_at(f->db, id, "done", NULL, "Петров С. И.", 50, 140, &err),
		0); /* an import's */
	assert_int_equal(
		store_item_mark_each(f->db, f->plan.id, 0, 1000, NULL, collect_mark, marks, &err),
		0);
	assert_string_equal(marks, "100 done Петров С. И. 9 человек;120 done Петров С. И. ;");
	marks[0] = '\0';
	assert_int_equal(store_item_mark_each(f->db, f->plan.id, 100, 1000, "Петров С. И.",
					      collect_mark, marks, &err),
			 0);
	assert_string_equal(marks, "");
}

static void test_config(void **state)
{
	struct config c;
	char *cause = NULL;
	FILE *fp = fopen("/tmp/qweek-test.ini", "w");

	fputs("[daemon]\ndb = /tmp/x.db\nlog_level = debug\n[smtp]\nport = 25\n", fp);
	fclose(fp);
	config_init(&c);
	assert_int_equal(config_load(&c, "/tmp/qweek-test.ini", &cause), -1);
	assert_string_equal(cause, "/tmp/qweek-test.ini:5: unknown key 'port' in section [smtp]");
	free(cause);
	assert_string_equal(c.db, "/tmp/x.db");
	config_free(&c);
	unlink("/tmp/qweek-test.ini");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_second_open_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slug_made_unique, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_person_names_fold_case, setup, teardown),
		cmocka_unit_test(test_label_order),
		cmocka_unit_test_setup_teardown(test_items_in_plan_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_item_marks, setup, teardown),
		cmocka_unit_test(test_config),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
