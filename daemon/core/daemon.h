/* SPDX-License-Identifier: MIT */
/* The daemon's state, shared by the request handlers: one loop, one database. */
#ifndef QWEEK_DAEMON_H
#define QWEEK_DAEMON_H

#include <event2/event.h>

#include "core/config.h"
struct db; /* store/db.h */

struct http;

struct daemon {
	struct event_base *base;
	struct db *db;
	struct config config;
	struct http *http;
	int own_socket; /* we made config.socket (not systemd): remove it when done */
};

#endif
