/* SPDX-License-Identifier: MIT */
/* Access control: who is asking (peer credentials or a bearer token) and what they may do. */
#ifndef QWEEK_AUTH_H
#define QWEEK_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/auth_role.h"
#include "core/error.h"

struct request;
struct route;
struct config;
struct evhttp_request;

/*
 * Decides whether R may use route RT (docs/api.md, "Access"), filling R->who: 0, or -1 with ERR
 * (ERR_UNAUTHORIZED when who asks is not known, ERR_FORBIDDEN when they may not). May replace
 * the plan "_" in R->args[0] by the token's plan.
 */
int auth_check(struct request *r, const struct route *rt, struct error *err);

/* auth_peer.c: is the Unix peer UID/GID the administrator (root, our user, admin_group)? */
int auth_peer_is_admin(const struct config *c, long uid, long gid);

/* auth_host.c: is HOST (a Host header, with or without a port) one of our names? */
int auth_host_ok(const struct config *c, const char *host);
/* auth_host.c: does REQ's one Host header name us, and any host of its target the same? */
int auth_host_request_ok(const struct config *c, struct evhttp_request *req);

#endif
