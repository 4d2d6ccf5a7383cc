/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <openssl/crypto.h>

#include "api/api.h"
#include "http/auth.h"
#include "store/auth_store.h"
#include "core/daemon.h"
#include "http/http.h"

/*
 * Who may do what. The Unix socket's administrator (auth_peer.c) may do everything; anyone
 * else shows a bearer token, which belongs to one person of one plan and carries a role. What a
 * route needs follows from its path and flags (http.h): nothing to add for most new routes.
 */

#define PLAN_PREFIX "/api/v1/plans/:"

static int is_public(const struct route *rt)
{
	return strncmp(rt->pattern, "/api/", 5) != 0;
}

/* The token in "Authorization: Bearer T", or NULL. */
static const char *bearer(struct request *r, size_t *len)
{
	const char *h =
		evhttp_find_header(evhttp_request_get_input_headers(r->ev), "Authorization");

	if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0)
		return NULL;
	h += 7;
	while (*h == ' ')
		h++;
	*len = strcspn(h, " \t\r\n");
	return *len > 0 ? h : NULL;
}

/* Fills R->who from the request's token: 0, or -1 with a 401. */
static int identify(struct request *r, struct error *err)
{
	unsigned char hash[AUTH_HASH_LEN];
	size_t len = 0;
	const char *t = bearer(r, &len);
	int found;

	if (t == NULL)
		return error_set(
			err, ERR_UNAUTHORIZED, "%s",
			r->local ?
				"you may not use qweekd's socket: ask its administrator to add you to "
				"its admin_group, or send a token (--token)" :
				"this API needs a token: qweek --url URL --token TOKEN (the administrator "
				"makes one with qweek person token NAME --role ROLE)");
	if (len > 256 || auth_token_hash(t, len, hash) == -1)
		return error_set(err, ERR_UNAUTHORIZED, "the token is not valid");
	found = store_token_find(r->daemon->db, hash, &r->who, err);
	explicit_bzero(hash, sizeof hash);
	if (found == -1)
		return -1;
	if (found == 0)
		return error_set(err, ERR_UNAUTHORIZED,
				 "the token is not valid: it was revoked, replaced, or "
				 "mistyped");
	return 0;
}

/* The plan of a plan route must be the token's; "_" means the token's plan. */
static int check_plan(struct request *r, struct error *err)
{
	const char *slug = r->args[0];

	if (slug == NULL || strcmp(slug, "_") == 0) {
		r->args[0] = r->who.slug;
		return 0;
	}
	if (strcmp(slug, r->who.slug) != 0)
		return error_set(err, ERR_FORBIDDEN, "your token is for plan %s only", r->who.slug);
	return 0;
}

/* Staff may act on an item they are responsible for, directly or through a group. */
static int check_own_item(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	struct plan *p;
	int64_t id;
	int mine = -1;

	if (r->args[1] == NULL)
		return error_set(err, ERR_FORBIDDEN, "a staff token cannot do that");
	if ((p = api_plan(r, err)) == NULL)
		return -1;
	if (api_item_resolve(db, p, r->args[1], &id, err) == 0)
		mine = store_item_responsible(db, id, r->who.person_id, err);
	plan_free(p);
	if (mine == 0)
		return error_set(err, ERR_FORBIDDEN,
				 "%s is not among %s's items: only the people "
				 "responsible for it (or a planner) may change it",
				 r->args[1], r->who.person);
	return mine == 1 ? 0 : -1;
}

/* What the token's role allows on a route of its plan. */
static int check_role(struct request *r, const struct route *rt, struct error *err)
{
	if (!(rt->flags & ROUTE_WRITES) || r->who.role == AUTH_PLANNER)
		return 0;
	if ((rt->flags & ROUTE_STAFF) && r->who.role == AUTH_STAFF)
		return check_own_item(r, err);
	if (r->who.role == AUTH_STAFF)
		return error_set(err, ERR_FORBIDDEN,
				 "a staff token may read the plan and mark "
				 "its own items done or reopen them; ask a planner for this");
	return error_set(err, ERR_FORBIDDEN, "a viewer token may only read the plan");
}

int auth_check(struct request *r, const struct route *rt, struct error *err)
{
	const struct config *c = &r->daemon->config;

	if (r->local && auth_peer_is_admin(c, r->peer_uid, r->peer_gid)) {
		r->who.role = AUTH_ADMIN;
		return 0;
	}
	if (is_public(rt))
		return 0;
	if (identify(r, err) == -1)
		return -1;
	if (rt->flags & ROUTE_ADMIN)
		return error_set(err, ERR_FORBIDDEN,
				 "only the administrator may do that, on "
				 "qweekd's Unix socket");
	if (strncmp(rt->pattern, PLAN_PREFIX, strlen(PLAN_PREFIX)) != 0) {
		if ((rt->flags & ROUTE_WRITES) || !(rt->flags & ROUTE_TOKEN))
			return error_set(err, ERR_FORBIDDEN,
					 "only the administrator may do that, "
					 "on qweekd's Unix socket");
		return 0;
	}
	if (check_plan(r, err) == -1)
		return -1;
	return check_role(r, rt, err);
}
