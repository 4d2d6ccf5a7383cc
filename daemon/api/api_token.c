/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "api/api.h"
#include "api/api_link.h"
#include "store/auth_store.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/json_in.h"
#include "core/log.h"
#include "store/plan_write.h"

/* The administrator gives a person a token (printed once) or revokes it. */

/* The person named by the path's second argument: 0 with *ID, or -1 (404/422) with ERR. */
static int token_person(struct request *r, const struct plan *p, int64_t *id, struct error *err)
{
	const char *name = r->args[1];
	int is_group = 0;
	int found = store_person_lookup(r->daemon->db, p->id, name, id, &is_group, err);

	if (found == -1)
		return -1;
	if (!found) {
		error_set(err, ERR_NOT_FOUND, "there is no person «%s» in plan %s", name, p->slug);
		store_person_suggest(r->daemon->db, p->id, name, err);
		return -1;
	}
	if (is_group)
		return error_set(err, ERR_INVALID, "«%s» is a group: tokens are for people", name);
	return 0;
}

static int read_role(struct request *r, enum auth_role *role, struct error *err)
{
	static const struct field fields[] = { { "role", FIELD_LINE, 16 }, { NULL, 0, 0 } };
	const char *name;

	if (json_in_check(r->body, fields, err) == -1)
		return -1;
	name = json_in_str(r->body, "role");
	if (name == NULL || (*role = auth_role_parse(name)) == AUTH_NONE)
		return error_set(err, ERR_INVALID,
				 "give the token a role: planner, staff or "
				 "viewer");
	return 0;
}

static int store_new_token(struct request *r, const struct plan *p, int64_t person,
			   enum auth_role role, char token[AUTH_TOKEN_LEN + 1], struct error *err)
{
	struct db *db = r->daemon->db;
	unsigned char hash[AUTH_HASH_LEN];
	struct plan_write w;

	if (auth_token_new(token) == -1 || auth_token_hash(token, AUTH_TOKEN_LEN, hash) == -1)
		return error_set(err, ERR_INTERNAL, "cannot make a token (no randomness)");
	if (plan_write_begin(&w, db, p->id, err) == -1)
		return -1;
	if (store_token_set(db, p->id, person, role, hash, clock_now(), err) == -1 ||
	    plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		return -1;
	}
	return 0;
}

int api_token_create(struct request *r, struct error *err)
{
	char token[AUTH_TOKEN_LEN + 1];
	enum auth_role role = AUTH_NONE;
	const struct plan *p = r->plan;
	int64_t person;
	char url[512];
	int rc = -1;

	if (read_role(r, &role, err) == -1 || token_person(r, p, &person, err) == -1 ||
	    store_new_token(r, p, person, role, token, err) == -1)
		goto out;
	log_info("plan %s: a %s token for person %lld", p->slug, auth_role_name(role),
		 (long long)person);
	r->status = 201;
	/* "url": where the token is used, as qweekd is reached over TCP (--url, else --listen). */
	api_link_url(&r->daemon->config, "", "", "", url, sizeof url);
	r->reply = json_pack("{s:s, s:s, s:s, s:s, s:s}", "token", token, "person", r->args[1],
			     "role", auth_role_name(role), "plan", p->slug, "url", url);
	explicit_bzero(token, sizeof token);
	rc = 0;
out:
	return rc;
}

int api_token_revoke(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	const struct plan *p = r->plan;
	struct plan_write w;
	int64_t person;
	int rc = -1, n;

	if (token_person(r, p, &person, err) == -1 || plan_write_begin(&w, db, p->id, err) == -1)
		goto out;
	if ((n = store_token_revoke(db, person, err)) == -1 || plan_write_commit(&w, err) == -1) {
		plan_write_rollback(&w);
		goto out;
	}
	if (n == 0) {
		error_set(err, ERR_NOT_FOUND, "«%s» has no token", r->args[1]);
		goto out;
	}
	r->reply = json_pack("{s:s, s:b}", "person", r->args[1], "revoked", 1);
	rc = 0;
out:
	return rc;
}
