/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include <cmocka.h>

#include "http/auth.h"
#include "store/auth_store.h"
#include "core/config.h"
#include "store/db.h"
#include "store/store.h"

/* Access control: roles, tokens and their hashes, Host names, peer credentials, the store. */

static void test_roles(void **state)
{
	assert_int_equal(auth_role_parse("planner"), AUTH_PLANNER);
	assert_int_equal(auth_role_parse("staff"), AUTH_STAFF);
	assert_int_equal(auth_role_parse("viewer"), AUTH_VIEWER);
	assert_int_equal(auth_role_parse("admin"), AUTH_NONE); /* never given by a token */
	assert_int_equal(auth_role_parse("Staff"), AUTH_NONE);
	assert_int_equal(auth_role_parse(""), AUTH_NONE);
	assert_int_equal(auth_role_parse(NULL), AUTH_NONE);
	assert_string_equal(auth_role_name(AUTH_STAFF), "staff");
}

static void test_tokens(void **state)
{
	char a[AUTH_TOKEN_LEN + 1], b[AUTH_TOKEN_LEN + 1];
	unsigned char ha[AUTH_HASH_LEN], hb[AUTH_HASH_LEN], ha2[AUTH_HASH_LEN];

	assert_int_equal(auth_token_new(a), 0);
	assert_int_equal(auth_token_new(b), 0);
	assert_int_equal(strlen(a), AUTH_TOKEN_LEN);
	assert_int_equal(strspn(a, "abcdefghijklmnopqrstuvwxyz234567"), AUTH_TOKEN_LEN);
	assert_string_not_equal(a, b);
	assert_int_equal(auth_token_hash(a, strlen(a), ha), 0);
	assert_int_equal(auth_token_hash(a, strlen(a), ha2), 0);
	assert_int_equal(auth_token_hash(b, strlen(b), hb), 0);
	assert_memory_equal(ha, ha2, AUTH_HASH_LEN);
	assert_memory_not_equal(ha, hb, AUTH_HASH_LEN);
}

static void test_hosts_default(void **state)
{
	struct config c;

	config_init(&c);
	c.listen = strdup("192.0.2.7:8080");
	c.url = strdup("https://qweek.example.org/");
	assert_true(auth_host_ok(&c, "localhost"));
	assert_true(auth_host_ok(&c, "LOCALHOST:8080"));
	assert_true(auth_host_ok(&c, "127.0.0.1:8080"));
	assert_true(auth_host_ok(&c, "[::1]:8080"));
	assert_true(auth_host_ok(&c, "192.0.2.7:8080"));
	assert_true(auth_host_ok(&c, "qweek.example.org"));
	assert_true(auth_host_ok(&c, "qweek.example.org."));
	assert_false(auth_host_ok(&c, "evil.example"));
	assert_false(auth_host_ok(&c, "qweek.example.org.evil.example"));
	assert_false(auth_host_ok(&c, "localhost.evil.example"));
	assert_false(auth_host_ok(&c, ""));
	assert_false(auth_host_ok(&c, NULL));
	assert_false(auth_host_ok(&c, "[::1"));
	config_free(&c);
}

static void test_hosts_configured(void **state)
{
	struct config c;

	config_init(&c);
	c.hosts = strdup("plan.example.org, 10.0.0.5 ,[2001:db8::1]");
	assert_true(auth_host_ok(&c, "plan.example.org"));
	assert_true(auth_host_ok(&c, "10.0.0.5:80"));
	assert_true(auth_host_ok(&c, "[2001:db8::1]:8080"));
	assert_false(auth_host_ok(&c, "localhost")); /* the list replaces the defaults */
	config_free(&c);
}

static void test_peer(void **state)
{
	struct config c;

	config_init(&c);
	assert_true(auth_peer_is_admin(&c, 0, 0));
	assert_true(auth_peer_is_admin(&c, (long)geteuid(), (long)getegid()));
	assert_false(auth_peer_is_admin(&c, -1, -1));
	if (geteuid() != 65534)
		assert_false(auth_peer_is_admin(&c, 65534, 65534));
	c.admin_group = strdup("qweek-no-such-group");
	if (geteuid() != 65534)
		assert_false(auth_peer_is_admin(&c, 65534, 65534));
	config_free(&c);
}

/* A user of the passwd database that is neither root nor us: 0, or -1 if there is none. */
static int other_user(uid_t *uid, gid_t *gid)
{
	struct passwd *pw;

	setpwent();
	while ((pw = getpwent()) != NULL && (pw->pw_uid == 0 || pw->pw_uid == geteuid()))
		;
	if (pw != NULL) {
		*uid = pw->pw_uid;
		*gid = pw->pw_gid;
	}
	endpwent();
	return pw != NULL ? 0 : -1;
}

/*
 * A group of /etc/group that lists a member who is neither root nor us and whose own group is
 * another one, in NAME: the member's uid and gid, or -1 if no group has such a member.
 */
static long listed_member(char *name, size_t len, gid_t *member_gid)
{
	struct passwd *pw;
	struct group *gr;
	long uid = -1;

	setgrent();
	while (uid == -1 && (gr = getgrent()) != NULL) {
		for (char **m = gr->gr_mem; uid == -1 && *m != NULL; m++) {
			if ((pw = getpwnam(*m)) == NULL || pw->pw_uid == 0 ||
			    pw->pw_uid == geteuid() || pw->pw_gid == gr->gr_gid)
				continue;
			snprintf(name, len, "%s", gr->gr_name);
			*member_gid = pw->pw_gid;
			uid = (long)pw->pw_uid;
		}
	}
	endgrent();
	return uid;
}

/* The members of admin_group are administrators, by the peer's group or by membership. */
static void test_peer_admin_group(void **state)
{
	struct config c;
	struct group *gr;
	char name[256];
	uid_t uid;
	gid_t gid, member_gid;
	long member;

	/* Every system has users other than root (daemon, bin, nobody...). */
	assert_int_equal(other_user(&uid, &gid), 0);
	assert_non_null(gr = getgrgid(gid));
	snprintf(name, sizeof name, "%s", gr->gr_name);
	config_init(&c);
	assert_false(auth_peer_is_admin(&c, (long)uid, (long)gid));
	c.admin_group = strdup(name);
	/* The peer's group is admin_group: an administrator, whoever the user is. */
	assert_true(auth_peer_is_admin(&c, (long)uid, (long)gid));
	assert_true(auth_peer_is_admin(&c, 4242424, (long)gid)); /* no such user */
	/* The peer runs with another group, but admin_group is among the user's groups. */
	assert_true(auth_peer_is_admin(&c, (long)uid, (long)gid + 1));
	/* Neither the group nor a member of it. */
	assert_false(auth_peer_is_admin(&c, 4242424, (long)gid + 1));
	assert_false(auth_peer_is_admin(&c, -1, (long)gid));
	/* A supplementary group, as /etc/group lists its members (when a group lists any). */
	free(c.admin_group);
	if ((member = listed_member(name, sizeof name, &member_gid)) != -1) {
		c.admin_group = strdup(name);
		assert_true(auth_peer_is_admin(&c, member, (long)member_gid));
		free(c.admin_group);
	}
	c.admin_group = strdup("qweek-no-such-group");
	assert_false(auth_peer_is_admin(&c, (long)uid, (long)gid));
	config_free(&c);
}

static void test_config_keys(void **state)
{
	struct config c;
	char *cause = NULL;

	config_init(&c);
	assert_int_equal(c.max_connections, CONFIG_MAX_CONNECTIONS);
	assert_int_equal(config_set(&c, "daemon", "max_connections", "64", &cause), 0);
	assert_int_equal(c.max_connections, 64);
	assert_int_equal(config_set(&c, "daemon", "max_connections", "0", &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(config_set(&c, "daemon", "admin_group", "qweek", &cause), 0);
	assert_string_equal(c.admin_group, "qweek");
	assert_int_equal(config_set(&c, "daemon", "hosts", "a,b", &cause), 0);
	config_free(&c);
}

static void test_store(void **state)
{
	char path[] = "/tmp/qweek-test-auth-XXXXXX", db_path[64];
	struct plan p = { 0 };
	struct error err = ERROR_INIT;
	struct auth_who who = { 0 };
	unsigned char h1[AUTH_HASH_LEN], h2[AUTH_HASH_LEN];
	char *cause = NULL;
	int64_t iv, pe, grp;
	struct db *db;

	assert_non_null(mkdtemp(path));
	snprintf(db_path, sizeof db_path, "%s/q.db", path);
	assert_non_null(db = db_open(db_path, &cause));
	p.slug = strdup("plan");
	p.title = strdup("План");
	p.org = strdup("");
	p.tz = strdup("UTC");
	p.lang = strdup("ru");
	strcpy(p.first_day, "2017-11-08");
	strcpy(p.last_day, "2017-11-15");
	assert_int_equal(store_plan_insert(db, &p, 1, &err), 0);
	assert_int_equal(
		store_person_insert(db, p.id, "Иванова", "person", NULL, NULL, 1, &iv, &err), 0);
	assert_int_equal(
		store_person_insert(db, p.id, "Петров", "person", NULL, NULL, 1, &pe, &err), 0);
	assert_int_equal(
		store_person_insert(db, p.id, "Группа", "group", NULL, NULL, 1, &grp, &err), 0);
	assert_int_equal(store_member_add(db, grp, iv, &err), 0);
	assert_int_equal(auth_token_hash("one", 3, h1), 0);
	assert_int_equal(auth_token_hash("two", 3, h2), 0);
	assert_int_equal(store_token_set(db, p.id, iv, AUTH_STAFF, h1, 1, &err), 0);
	assert_int_equal(store_token_find(db, h1, &who, &err), 1);
	assert_int_equal(who.role, AUTH_STAFF);
	assert_int_equal(who.person_id, iv);
	assert_string_equal(who.person, "Иванова");
	assert_string_equal(who.slug, "plan");
	assert_int_equal(store_token_find(db, h2, &who, &err), 0);
	/* A new token replaces the old one. */
	assert_int_equal(store_token_set(db, p.id, iv, AUTH_VIEWER, h2, 2, &err), 0);
	assert_int_equal(store_token_find(db, h1, &who, &err), 0);
	assert_int_equal(store_token_find(db, h2, &who, &err), 1);
	assert_int_equal(who.role, AUTH_VIEWER);
	assert_int_equal(store_token_revoke(db, iv, &err), 1);
	assert_int_equal(store_token_revoke(db, iv, &err), 0);
	assert_int_equal(store_token_find(db, h2, &who, &err), 0);
	assert_int_equal(store_item_responsible(db, 12345, iv, &err), 0);
	assert_int_equal(err.kind, ERR_NONE);
	db_close(db);
	free(p.slug);
	free(p.title);
	free(p.org);
	free(p.tz);
	free(p.lang);
	unlink(db_path);
	snprintf(db_path, sizeof db_path, "%s/q.db-wal", path);
	unlink(db_path);
	snprintf(db_path, sizeof db_path, "%s/q.db-shm", path);
	unlink(db_path);
	rmdir(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),	      cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_hosts_default), cmocka_unit_test(test_hosts_configured),
		cmocka_unit_test(test_peer),	      cmocka_unit_test(test_peer_admin_group),
		cmocka_unit_test(test_config_keys),   cmocka_unit_test(test_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
