/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>

#include "core/config.h"
#include "http/conn_addr.h"

/* Client addresses for the connection guard: one spelling, the count, X-Forwarded-For. */

static void test_norm(void **state)
{
	char out[CONN_ADDR_LEN];

	assert_int_equal(conn_addr_norm(" 127.0.0.2 ", 11, out), 0);
	assert_string_equal(out, "127.0.0.2");
	assert_int_equal(conn_addr_norm("::ffff:127.0.0.3", 16, out), 0);
	assert_string_equal(out, "127.0.0.3");
	assert_int_equal(conn_addr_norm("[2001:DB8:0::1]", 15, out), 0);
	assert_string_equal(out, "2001:db8::1");
	assert_int_equal(conn_addr_norm("localhost", 9, out), -1);
	assert_int_equal(conn_addr_norm("", 0, out), -1);
	assert_int_equal(conn_addr_norm("127.0.0.1,x", 9, out), 0); /* only the LEN bytes */
	assert_true(conn_addr_listed("10.0.0.1, ::1", "::1"));
	assert_false(conn_addr_listed("10.0.0.1, ::1", "10.0.0.2"));
	assert_false(conn_addr_listed(NULL, "::1"));
}

/* The client named by the X-Forwarded-For VALUES (NULL-ended), or "-" for none. */
static const char *forwarded(const char *trusted, const char *const *values, char *out)
{
	struct evkeyvalq h;

	TAILQ_INIT(&h);
	evhttp_add_header(&h, "Host", "localhost");
	for (; *values != NULL; values++)
		evhttp_add_header(&h, "X-Forwarded-For", *values);
	if (conn_addr_forwarded(&h, trusted, out) == -1)
		strcpy(out, "-");
	evhttp_clear_headers(&h);
	return out;
}

static void test_forwarded(void **state)
{
	char out[CONN_ADDR_LEN];
	const char *one[] = { "203.0.113.9", NULL };
	const char *spoofed[] = { "198.51.100.1, 203.0.113.9", NULL };
	const char *hops[] = { "203.0.113.9, 10.0.0.2", NULL };
	const char *two[] = { "198.51.100.1", "203.0.113.9 , 10.0.0.2", NULL };
	const char *junk[] = { "203.0.113.9, not-an-address", NULL };
	const char *none[] = { NULL };

	assert_string_equal(forwarded("127.0.0.1", one, out), "203.0.113.9");
	/* What the client wrote itself is left of the hop the proxy added: not believed. */
	assert_string_equal(forwarded("127.0.0.1", spoofed, out), "203.0.113.9");
	/* A second trusted proxy vouches for the hop on its left. */
	assert_string_equal(forwarded("127.0.0.1,10.0.0.2", hops, out), "203.0.113.9");
	assert_string_equal(forwarded("127.0.0.1", hops, out), "10.0.0.2");
	assert_string_equal(forwarded("127.0.0.1,10.0.0.2", two, out), "203.0.113.9");
	assert_string_equal(forwarded("127.0.0.1", junk, out), "-");
	assert_string_equal(forwarded("127.0.0.1", none, out), "-");
}

static void test_table(void **state)
{
	struct conn_addrs *t = conn_addr_table_new();
	struct conn_addr *a = conn_addr_get(t, "127.0.0.2"), *b;

	a->conns = 2;
	b = conn_addr_get(t, "127.0.0.2");
	assert_ptr_equal(a, b);
	assert_int_equal(b->conns, 2);
	b->conns = 0;
	conn_addr_put(t, b); /* freed: holds nothing */
	a = conn_addr_get(t, "127.0.0.2");
	assert_int_equal(a->conns, 0);
	conn_addr_table_free(t);
}

static void test_config(void **state)
{
	struct config c;
	char *cause = NULL;

	config_init(&c);
	assert_int_equal(c.max_connections_per_address, CONFIG_MAX_CONNECTIONS_PER_ADDRESS);
	assert_int_equal(config_set(&c, "daemon", "trusted_proxy", "127.0.0.1, [::1]", &cause), 0);
	assert_int_equal(config_set(&c, "daemon", "trusted_proxy", "proxy.local", &cause), -1);
	assert_non_null(strstr(cause, "expected IP addresses"));
	free(cause);
	assert_string_equal(c.trusted_proxy, "127.0.0.1, [::1]");
	assert_int_equal(config_set(&c, "daemon", "max_connections_per_address", "0", &cause), -1);
	free(cause);
	config_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm),
		cmocka_unit_test(test_forwarded),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_config),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
