/* SPDX-License-Identifier: MIT */
/*
 * What the connection says of who asks: is its Host one of our names (checked before any
 * route), is its Unix peer the administrator. Who may use which route is the API's policy
 * (api/api_access.c).
 */
#ifndef QWEEK_AUTH_H
#define QWEEK_AUTH_H

struct config;
struct evhttp_request;

/* auth_peer.c: is the Unix peer UID/GID the administrator (root, our user, admin_group)? */
int auth_peer_is_admin(const struct config *c, long uid, long gid);

/* auth_host.c: is HOST (a Host header, with or without a port) one of our names? */
int auth_host_ok(const struct config *c, const char *host);
/* auth_host.c: does REQ's one Host header name us, and any host of its target the same? */
int auth_host_request_ok(const struct config *c, struct evhttp_request *req);

#endif
