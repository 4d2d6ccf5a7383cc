/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <openssl/crypto.h>

#include "api/api.h"
#include "core/daemon.h"
#include "http/auth.h"
#include "store/auth_store.h"

/*
 * Who may do what. The Unix socket's administrator (auth_peer.c) may do everything; anyone
 * else shows a bearer token, which belongs to one person of one plan and carries a role. What a
 * route needs follows from its path and flags (http.h): nothing to add for most new routes.
 *
 * HTTP calls this for every route, before it reads the body (http_new's check). The plan a
 * route under /api/v1/plans/:plan/ names is found here, once, into R->plan: after who asks is
 * known and may see that plan (401 and 403 come before a 404, and say nothing of other plans),
 * and before the role is checked (staff act only on their own items of it).
 */

#define PLAN_PREFIX "/api/v1/plans/:plan"

static int is_public(const struct route *rt)
{
	return strncmp(rt->pattern, "/api/", 5) != 0;
}

static int is_plan_route(const struct route *rt)
{
	size_t n = strlen(PLAN_PREFIX);

	return strncmp(rt->pattern, PLAN_PREFIX, n) == 0 &&
	       (rt->pattern[n] == '\0' || rt->pattern[n] == '/');
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

/* The plan the route names (its first argument) into R->plan: 0, or -1 with a 404. */
static int find_plan(struct request *r, struct error *err)
{
	r->plan = store_plan_find(r->daemon->db, r->args[0], err);
	return r->plan != NULL ? 0 : -1;
}

/* Staff may act on an item they are responsible for, directly or through a group. */
static int check_own_item(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	int64_t id;
	int mine = -1;

	if (r->args[1] == NULL)
		return error_set(err, ERR_FORBIDDEN, "a staff token cannot do that");
	if (api_item_resolve(db, r->plan, r->args[1], &id, err) == 0)
		mine = store_item_responsible(db, id, r->who.person_id, err);
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
	if ((rt->flags & ROUTE_OWN) && r->who.role == AUTH_STAFF)
		return 0;
	if (r->who.role == AUTH_STAFF)
		return error_set(err, ERR_FORBIDDEN,
				 "a staff token may read the plan and mark "
				 "its own items done or reopen them; ask a planner for this");
	return error_set(err, ERR_FORBIDDEN, "a viewer token may only read the plan");
}

static int access_decide(struct request *r, struct error *err)
{
	const struct config *c = &r->daemon->config;
	const struct route *rt = r->route;

	if (r->local && auth_peer_is_admin(c, r->peer_uid, r->peer_gid)) {
		r->who.role = AUTH_ADMIN;
		return is_plan_route(rt) ? find_plan(r, err) : 0;
	}
	if (is_public(rt))
		return 0;
	if (identify(r, err) == -1)
		return -1;
	if (rt->flags & ROUTE_ADMIN)
		return error_set(err, ERR_FORBIDDEN,
				 "only the administrator may do that, on "
				 "qweekd's Unix socket");
	if (!is_plan_route(rt)) {
		if ((rt->flags & ROUTE_WRITES) || !(rt->flags & ROUTE_TOKEN))
			return error_set(err, ERR_FORBIDDEN,
					 "only the administrator may do that, "
					 "on qweekd's Unix socket");
		return 0;
	}
	if (check_plan(r, err) == -1 || find_plan(r, err) == -1)
		return -1;
	return check_role(r, rt, err);
}

int api_access(struct request *r, struct error *err)
{
	int rc = access_decide(r, err);

	api_actor_default(r); /* whoever asks makes the changes the history records */
	return rc;
}
