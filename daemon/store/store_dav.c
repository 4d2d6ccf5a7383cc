/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "core/slug.h"
#include "store/dav_store.h"

/* CalDAV: logins made once and kept, app passwords kept as SHA-256, a plan's sync version. */

int store_dav_login_get(struct db *db, int64_t person_id, char out[DAV_LOGIN_LEN],
			struct error *err)
{
	static const char sql[] = "SELECT login FROM dav_logins WHERE person_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, person_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, DAV_LOGIN_LEN, "%s", db_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	return rc == SQLITE_ROW;
}

int store_dav_login(struct db *db, int64_t person_id, const char *name, char out[DAV_LOGIN_LEN],
		    struct error *err)
{
	static const char sql[] = "INSERT INTO dav_logins (person_id, login) VALUES (?, ?)";
	char base[40];
	sqlite3_stmt *st;
	int found = store_dav_login_get(db, person_id, out, err);

	if (found != 0)
		return found == 1 ? 0 : -1;
	/* The id makes it unique; the name makes it readable. "-" alone when it has no letters. */
	slug_from_title(name, base, 25);
	snprintf(out, DAV_LOGIN_LEN, "%s%s%lld", base, *base ? "-" : "p", (long long)person_id);
	st = db_stmt(db, sql);
	sqlite3_bind_int64(st, 1, person_id);
	sqlite3_bind_text(st, 2, out, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(db, st, err);
}

int store_dav_login_find(struct db *db, const char *login, struct dav_login *who, struct error *err)
{
	static const char sql[] = "SELECT p.plan_id, p.id, p.name, d.login FROM dav_logins d "
				  "JOIN people p ON p.id = d.person_id WHERE d.login = ? "
				  "AND p.kind = 'person'";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		who->plan_id = sqlite3_column_int64(st, 0);
		who->person_id = sqlite3_column_int64(st, 1);
		snprintf(who->name, sizeof who->name, "%s", db_text(st, 2));
		snprintf(who->login, sizeof who->login, "%s", db_text(st, 3));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	return rc == SQLITE_ROW;
}

int store_app_password_add(struct db *db, int64_t person_id, const char *label,
			   const unsigned char hash[32], int64_t now, int64_t *id,
			   struct error *err)
{
	static const char sql[] = "INSERT INTO app_passwords (person_id, label, hash, created) "
				  "VALUES (?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, person_id);
	sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	*id = db_last_id(db);
	return 0;
}

int store_app_password_revoke(struct db *db, int64_t person_id, int64_t id, struct error *err)
{
	static const char sql[] = "DELETE FROM app_passwords WHERE id = ? AND person_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, person_id);
	if (db_exec_stmt(db, st, err) == -1)
		return -1;
	return sqlite3_changes(db_handle(db)) > 0;
}

int store_app_password_check(struct db *db, int64_t person_id, const unsigned char hash[32],
			     struct error *err)
{
	static const char sql[] = "SELECT hash FROM app_passwords WHERE hash = ? AND person_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	const void *stored;
	int rc, ok = 0;

	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, person_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* The index found it; the whole hash is compared again in constant time. */
		stored = sqlite3_column_blob(st, 0);
		ok = stored != NULL && sqlite3_column_bytes(st, 0) == 32 &&
		     CRYPTO_memcmp(stored, hash, 32) == 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	return ok;
}

int store_app_password_each(struct db *db, int64_t person_id,
			    int (*fn)(const struct app_password *, void *), void *ctx,
			    struct error *err)
{
	static const char sql[] = "SELECT id, created, label FROM app_passwords "
				  "WHERE person_id = ? ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, sql);
	struct app_password a;
	int rc;

	sqlite3_bind_int64(st, 1, person_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a.id = sqlite3_column_int64(st, 0);
		a.created = sqlite3_column_int64(st, 1);
		a.label = db_text(st, 2);
		if (fn(&a, ctx) == -1) {
			sqlite3_reset(st);
			return -1;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}

int store_dav_version(struct db *db, int64_t plan_id, int64_t *rev, struct error *err)
{
	static const char sql[] = "SELECT coalesce(max(rev), 0) FROM dav_changes WHERE plan_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*rev = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, rc, err);
}

int store_dav_changed(struct db *db, int64_t plan_id, int64_t since, int (*fn)(int64_t id, void *),
		      void *ctx, struct error *err)
{
	static const char sql[] = "SELECT item_id FROM dav_changes WHERE plan_id = ? AND rev > ?";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn(sqlite3_column_int64(st, 0), ctx) == -1) {
			sqlite3_reset(st);
			return -1;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, err);
}
