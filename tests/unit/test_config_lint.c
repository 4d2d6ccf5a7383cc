/* SPDX-License-Identifier: MIT */
/* qweekd -n's words: an unknown section, a misspelt key, a line without '=', the notify hook. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/config.h"
#include "core/config_lint.h"
#include "core/config_notify.h"

static char ini[64];

/* Loads TEXT as a configuration file; the cause (or NULL when it loads), malloc'd. */
static char *load(const char *text)
{
	struct config c;
	char *cause = NULL;
	FILE *fp;
	int fd;

	snprintf(ini, sizeof ini, "/tmp/qweek-lint-XXXXXX");
	fd = mkstemp(ini);
	assert_true(fd != -1);
	fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	config_init(&c);
	if (config_load(&c, ini, &cause) == 0)
		assert_null(cause);
	config_free(&c);
	unlink(ini);
	return cause;
}

/* Whether CAUSE is "INI:" followed by TAIL; frees CAUSE. */
static void assert_cause(char *cause, const char *tail)
{
	char want[512];

	assert_non_null(cause);
	snprintf(want, sizeof want, "%s:%s", ini, tail);
	assert_string_equal(cause, want);
	free(cause);
}

static void test_unknown_section(void **state)
{
	assert_cause(load("[deamon]\nlisten = 127.0.0.1:8080\n"),
		     "2: unknown section [deamon]: did you mean [daemon]?");
	assert_cause(load("[daemon]\ndb = /x\n[web]\nport = 80\n"),
		     "4: unknown section [web]: the sections are [daemon], [smtp] and [notify]");
}

static void test_nearest_key(void **state)
{
	assert_cause(load("[daemon]\nlisen = 127.0.0.1:8080\n"),
		     "2: unknown key 'lisen' in section [daemon]: did you mean 'listen'?");
	assert_cause(load("[daemon]\ntrusted_proxies = 127.0.0.1\n"),
		     "2: unknown key 'trusted_proxies' in section [daemon]: did you mean "
		     "'trusted_proxy'?");
	assert_cause(load("[smtp]\nstarttsl = no\n"),
		     "2: unknown key 'starttsl' in section [smtp]: did you mean 'starttls'?");
	/* Nothing near: no guess. */
	assert_cause(load("[smtp]\nport = 25\n"), "2: unknown key 'port' in section [smtp]");
}

static void test_line_without_equals(void **state)
{
	assert_cause(load("[daemon]\n; a comment\nlisten 127.0.0.1\nlog_level = debug\n"),
		     "3: «listen 127.0.0.1» is neither a [section] nor a 'key = value' line "
		     "(it has no '=')");
	/* inih takes ':' for '=': "listen 127.0.0.1:8080" would be key "listen 127.0.0.1". */
	assert_cause(load("[daemon]\nlisten 127.0.0.1:8080\n"),
		     "2: «listen 127.0.0.1:8080» is not a 'key = value' line (it has no '=')");
	/* The first wrong line wins, whichever kind it is. */
	assert_cause(load("[daemon]\nlisen = x\nlisten 127.0.0.1:8080\n"),
		     "2: unknown key 'lisen' in section [daemon]: did you mean 'listen'?");
	assert_null(load("[daemon]\n# comment\n\nlog_level = debug\n[notify]\ncommand = x\n"));
}

static void test_notify_command(void **state)
{
	struct config c;
	char *cause = NULL, script[] = "/tmp/qweek-hook-XXXXXX";
	int fd = mkstemp(script);

	assert_true(fd != -1);
	close(fd);
	config_init(&c);
	assert_int_equal(config_notify_check(&c, &cause), 0); /* none configured */
	c.notify_command = strdup("/nonexistent/hook --flag");
	assert_int_equal(config_notify_check(&c, &cause), -1);
	assert_string_equal(cause, "[notify] command = /nonexistent/hook --flag: /nonexistent/hook "
				   "does not exist");
	free(cause);
	free(c.notify_command);
	assert_true(asprintf(&c.notify_command, "%s \"$QWEEK_TO\"", script) > 0);
	assert_int_equal(config_notify_check(&c, &cause), -1);
	assert_non_null(strstr(cause, "is not an executable file"));
	free(cause);
	chmod(script, 0700);
	assert_int_equal(config_notify_check(&c, &cause), 0);
	free(c.notify_command);
	c.notify_command = strdup("LANG=C exec cat >> /tmp/x");
	assert_int_equal(config_notify_check(&c, &cause), 0); /* cat, found in PATH */
	free(c.notify_command);
	c.notify_command = strdup("no-such-program-qweek x");
	assert_int_equal(config_notify_check(&c, &cause), -1);
	assert_string_equal(cause, "[notify] command = no-such-program-qweek x: "
				   "no-such-program-qweek is not a program in PATH");
	free(cause);
	config_free(&c);
	unlink(script);
}

static void test_distance(void **state)
{
	assert_int_equal(config_lint_distance("listen", "listen", 2), 0);
	assert_int_equal(config_lint_distance("lisen", "listen", 2), 1);
	assert_int_equal(config_lint_distance("deamon", "daemon", 2), 2);
	assert_int_equal(config_lint_distance("port", "from", 1), 2); /* past MAX: MAX + 1 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_section),
		cmocka_unit_test(test_nearest_key),
		cmocka_unit_test(test_line_without_equals),
		cmocka_unit_test(test_notify_command),
		cmocka_unit_test(test_distance),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
