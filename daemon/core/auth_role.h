/* SPDX-License-Identifier: MIT */
/* Who may do what: the roles, who a request comes from, and bearer tokens (auth_token.c). */
#ifndef QWEEK_AUTH_ROLE_H
#define QWEEK_AUTH_ROLE_H

#include <stddef.h>
#include <stdint.h>

enum auth_role {
	AUTH_NONE = 0, /* nobody known: public routes only */
	AUTH_VIEWER,   /* reads the plan, its status and report */
	AUTH_STAFF,    /* reads; done/reopen the items they are responsible for */
	AUTH_PLANNER,  /* everything on their plan */
	AUTH_ADMIN,    /* the Unix socket's administrator: everything */
};

/* Who a request comes from; filled by the API's access check (api/api_access.c). */
struct auth_who {
	enum auth_role role;
	int64_t plan_id, person_id; /* a token's plan and person; 0 for the administrator */
	char person[256];	    /* the token's person's name */
	char slug[80];		    /* the token's plan */
};

#define AUTH_TOKEN_LEN 52 /* 256 random bits in base32, lower case */
#define AUTH_HASH_LEN  32 /* SHA-256 */

/* The role named NAME ("planner", "staff", "viewer"), or AUTH_NONE. */
enum auth_role auth_role_parse(const char *name);
const char *auth_role_name(enum auth_role role);

/* auth_token.c: a new token into OUT (NUL-terminated), from getrandom(2); 0 or -1. */
int auth_token_new(char out[AUTH_TOKEN_LEN + 1]);
/* SHA-256 of the token's LEN bytes; 0 or -1. */
int auth_token_hash(const char *token, size_t len, unsigned char out[AUTH_HASH_LEN]);

#endif
