/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "args.h"
#include "cmd.h"
#include "run.h"

/* The client's command line: options, refusals with their messages, command lookup. */

static const struct args_option opts[] = {
	{ "when", ARGS_VALUE },	 { "who", ARGS_VALUE | ARGS_REPEAT },
	{ "where", ARGS_VALUE }, { "json", 0 },
	{ "help", 0 },		 { NULL, 0 }
};

#define ARGV(...) ((char *[]){ __VA_ARGS__, NULL })

static int ARGC(char **v)
{
	int n = 0;

	while (v[n] != NULL)
		n++;
	return n;
}

static struct args *parse(int argc, char **argv, char **cause)
{
	return args_parse(opts, NULL, argc, argv, ARGS_ALL, NULL, cause);
}

static void refused(int argc, char **argv, const char *want)
{
	char *cause = NULL;

	assert_null(parse(argc, argv, &cause));
	assert_non_null(cause);
	assert_string_equal(cause, want);
	free(cause);
}

static void test_options_anywhere(void **state)
{
	char **v = ARGV("add", "--who", "Директор", "Title", "--json", "--who=Психологи", "--when",
			"14.11 в 15.00", "--", "--not-an-option");
	char *cause = NULL;
	struct args *a = parse(10, v, &cause);

	assert_non_null(a);
	assert_int_equal(args_count(a), 2);
	assert_string_equal(args_string(a, 0), "Title");
	assert_string_equal(args_string(a, 1), "--not-an-option");
	assert_int_equal(args_has(a, "who"), 2);
	assert_string_equal(args_value(a, "who", 0), "Директор");
	assert_string_equal(args_value(a, "who", 1), "Психологи");
	assert_null(args_value(a, "who", 2));
	assert_string_equal(args_get(a, "when"), "14.11 в 15.00");
	assert_int_equal(args_has(a, "json"), 1);
	assert_int_equal(args_has(a, "where"), 0);
	assert_null(args_get(a, "where"));
	assert_null(args_get(a, "nonsense"));
	args_free(a);
}

static void test_refusals(void **state)
{
	char **v1 = ARGV("list", "--foo");
	char **v2 = ARGV("add", "x", "--w", "1");
	char **v3 = ARGV("add", "x", "--when");
	char **v4 = ARGV("add", "--json=yes");
	char **v5 = ARGV("add", "-x");
	char **v6 = ARGV("add", "--foo=bar");
	char **v7 = ARGV("add", "\xff\xfe");
	char **v8 = ARGV("add", "ok", "--where", "зал\xff");

	refused(ARGC(v1), v1, "unknown option --foo");
	refused(ARGC(v2), v2, "ambiguous option --w (could be --when, --who, --where)");
	refused(ARGC(v3), v3, "option --when needs a value");
	refused(ARGC(v4), v4, "option --json takes no value");
	refused(ARGC(v5), v5, "unknown option -x");
	refused(ARGC(v6), v6, "unknown option --foo");
	/* Which argument, with the bytes the terminal could not show written out. */
	refused(ARGC(v7), v7,
		"argument 1 «\\xFF\\xFE» is not valid UTF-8 (is the terminal set to UTF-8?)");
	refused(ARGC(v8), v8,
		"the value of --where «зал\\xFF» is not valid UTF-8 "
		"(is the terminal set to UTF-8?)");
}

static void test_prefix_and_short_help(void **state)
{
	char **v = ARGV("add", "--wh", "x", "--wher", "y", "-h");
	char *cause = NULL;
	struct args *a;

	/* "--wh" is ambiguous (when, who, where); "--wher" is not. */
	assert_null(parse(ARGC(v), v, &cause));
	assert_string_equal(cause, "ambiguous option --wh (could be --when, --who, --where)");
	free(cause);
	v = ARGV("add", "--wher", "y", "-h");
	assert_non_null(a = parse(ARGC(v), v, &cause));
	assert_string_equal(args_get(a, "where"), "y");
	assert_int_equal(args_has(a, "help"), 1);
	args_free(a);
}

static void test_stop_mode(void **state)
{
	char **v = ARGV("qweek", "--json", "--plan", "p", "list", "--who", "x");
	char *cause = NULL;
	int used = 0;
	struct args *a = args_parse(NULL, run_global_options, ARGC(v), v, ARGS_STOP, &used, &cause);

	assert_non_null(a);
	assert_int_equal(used, 4);
	assert_string_equal(v[used], "list");
	assert_string_equal(args_get(a, "plan"), "p");
	assert_int_equal(args_has(a, "json"), 1);
	assert_int_equal(args_count(a), 0);
	args_free(a);
}

static void found(int argc, char **argv, const char *name, int words)
{
	const struct cmd_entry *e;
	const char *group;
	char *cause = NULL;
	int w = 0;

	e = cmd_find(argc, argv, &w, &group, &cause);
	assert_non_null(e);
	assert_null(cause);
	assert_string_equal(e->name, name);
	assert_int_equal(w, words);
}

static void not_found(int argc, char **argv, const char *want, const char *want_group)
{
	const char *group;
	char *cause = NULL;
	int w = 0;

	assert_null(cmd_find(argc, argv, &w, &group, &cause));
	assert_string_equal(cause, want);
	if (want_group == NULL)
		assert_null(group);
	else
		assert_string_equal(group, want_group);
	free(cause);
}

static void test_find(void **state)
{
	found(2, ARGV("list", "x"), "list", 1);
	found(1, ARGV("li"), "list", 1);
	found(3, ARGV("plan", "new", "T"), "plan new", 2);
	found(2, ARGV("pl", "l"), "plan list", 2);
	found(2, ARGV("p", "add"), "person add", 2);
	found(2, ARGV("g", "a"), "group add", 2);
	found(1, ARGV("d"), "done", 1);
	found(1, ARGV("delete"), "delete", 1);
	found(2, ARGV("p", "r"), "person revoke", 2); /* removals are never named by a prefix */
	not_found(1, ARGV("del"), "unknown command del", NULL);
	not_found(1, ARGV("s"), "ambiguous command s: could be show, status", NULL);
	not_found(1, ARGV("plan"), "plan needs a command after it", "plan");
	not_found(2, ARGV("plan", "drop"), "unknown command plan drop", "plan");
	not_found(1, ARGV("bogus"), "unknown command bogus", NULL);
	not_found(0, ARGV(""), "no command given", NULL);
}

static int run(int argc, char **argv)
{
	return run_main(argc, argv);
}

static void test_exit_codes(void **state)
{
	setenv("QWEEK_SOCKET", "/nonexistent/qweek-test/qweekd.sock", 1);
	unsetenv("QWEEK_URL");
	assert_int_equal(run(3, ARGV("qweek", "list", "--foo")), CMD_USAGE);
	assert_int_equal(run(3, ARGV("qweek", "add", "Title")), CMD_USAGE);
	assert_int_equal(run(2, ARGV("qweek", "bogus")), CMD_USAGE);
	assert_int_equal(run(1, ARGV("qweek")), CMD_USAGE);
	assert_int_equal(run(6, ARGV("qweek", "edit", "7.2", "--when", "a", "--due=b")), CMD_USAGE);
	assert_int_equal(run(3, ARGV("qweek", "edit", "7.2")), CMD_USAGE);
	assert_int_equal(run(4, ARGV("qweek", "list", "--open", "--done")), CMD_USAGE);
	assert_int_equal(run(6, ARGV("qweek", "--socket", "/a", "list", "--url", "http://b")),
			 CMD_USAGE);
	assert_int_equal(run(2, ARGV("qweek", "list")), CMD_REFUSED);
	assert_int_equal(run(3, ARGV("qweek", "--json", "status")), CMD_REFUSED);
	assert_int_equal(run(2, ARGV("qweek", "--version")), CMD_OK);
	assert_int_equal(run(3, ARGV("qweek", "help", "add")), CMD_OK);
	assert_int_equal(run(3, ARGV("qweek", "plan", "--help")), CMD_OK);
	assert_int_equal(run(3, ARGV("qweek", "done", "-h")), CMD_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_anywhere),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_prefix_and_short_help),
		cmocka_unit_test(test_stop_mode),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_exit_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
