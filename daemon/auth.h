/* SPDX-License-Identifier: MIT */
/* Access control: who is asking (peer credentials or a bearer token) and what they may do. */
#ifndef QWEEK_AUTH_H
#define QWEEK_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

struct request;
struct route;
struct config;

enum auth_role {
	AUTH_NONE = 0, /* nobody known: public routes only */
	AUTH_VIEWER,   /* reads the plan, its status and report */
	AUTH_STAFF,    /* reads; done/reopen the items they are responsible for */
	AUTH_PLANNER,  /* everything on their plan */
	AUTH_ADMIN,    /* the Unix socket's administrator: everything */
};

/* Who a request comes from; filled by auth_check. */
struct auth_who {
	enum auth_role role;
	int64_t plan_id, person_id; /* a token's plan and person; 0 for the administrator */
	char person[256];	    /* the token's person's name */
	char slug[80];		    /* the token's plan */
};

#define AUTH_TOKEN_LEN 52 /* 256 random bits in base32, lower case */
#define AUTH_HASH_LEN  32 /* SHA-256 */

/*
 * Decides whether R may use route RT (docs/api.md, "Access"), filling R->who: 0, or -1 with ERR
 * (ERR_UNAUTHORIZED when who asks is not known, ERR_FORBIDDEN when they may not). May replace
 * the plan "_" in R->args[0] by the token's plan.
 */
int auth_check(struct request *r, const struct route *rt, struct error *err);

/* The role named NAME ("planner", "staff", "viewer"), or AUTH_NONE. */
enum auth_role auth_role_parse(const char *name);
const char *auth_role_name(enum auth_role role);

/* auth_token.c: a new token into OUT (NUL-terminated), from getrandom(2); 0 or -1. */
int auth_token_new(char out[AUTH_TOKEN_LEN + 1]);
/* SHA-256 of the token's LEN bytes; 0 or -1. */
int auth_token_hash(const char *token, size_t len, unsigned char out[AUTH_HASH_LEN]);

/* auth_peer.c: is the Unix peer UID/GID the administrator (root, our user, admin_group)? */
int auth_peer_is_admin(const struct config *c, long uid, long gid);

/* auth_host.c: is HOST (a Host header, with or without a port) one of our names? */
int auth_host_ok(const struct config *c, const char *host);

#endif
