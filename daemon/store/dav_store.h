/* SPDX-License-Identifier: MIT */
/* CalDAV logins and app passwords (store_dav.c), and what a CalDAV sync reads of a plan. */
#ifndef QWEEK_DAV_STORE_H
#define QWEEK_DAV_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "core/error.h"

#define DAV_LOGIN_LEN 64

/* Who a login is: a person of a plan. */
struct dav_login {
	int64_t plan_id, person_id;
	char login[DAV_LOGIN_LEN];
	char name[256];
};

/*
 * The login of PERSON_ID (named NAME) into OUT, made and kept the first time ("petrov-p-17":
 * the name in Latin letters, and the id that makes it unique); inside the caller's write when
 * it may be new. 0, or -1 with ERR.
 */
int store_dav_login(struct db *db, int64_t person_id, const char *name, char out[DAV_LOGIN_LEN],
		    struct error *err);

/* The login of PERSON_ID if it has one: 1 (OUT filled), 0 none yet, -1 with ERR. */
int store_dav_login_get(struct db *db, int64_t person_id, char out[DAV_LOGIN_LEN],
			struct error *err);

/* The person whose login is LOGIN: 1 (WHO filled), 0 none, -1 with ERR. */
int store_dav_login_find(struct db *db, const char *login, struct dav_login *who,
			 struct error *err);

/* Adds an app password (its SHA-256 HASH) labelled LABEL to PERSON_ID; *ID is its id. */
int store_app_password_add(struct db *db, int64_t person_id, const char *label,
			   const unsigned char hash[32], int64_t now, int64_t *id,
			   struct error *err);

/* Removes PERSON_ID's app password ID: 1 removed, 0 none such, -1 with ERR. */
int store_app_password_revoke(struct db *db, int64_t person_id, int64_t id, struct error *err);

/* Is HASH one of PERSON_ID's app passwords? 1, 0, or -1 with ERR. */
int store_app_password_check(struct db *db, int64_t person_id, const unsigned char hash[32],
			     struct error *err);

/* One app password as a page lists it. */
struct app_password {
	int64_t id, created;
	const char *label;
};

/* Calls FN for each of PERSON_ID's app passwords, oldest first. */
int store_app_password_each(struct db *db, int64_t person_id,
			    int (*fn)(const struct app_password *, void *), void *ctx,
			    struct error *err);

/*
 * A plan's version for a sync: the number of the latest change of one of its items (the
 * dav_changes table of schema 009, kept by triggers). 0, or -1 with ERR.
 */
int store_dav_version(struct db *db, int64_t plan_id, int64_t *rev, struct error *err);

/* Calls FN with the id of each item of the plan changed after version SINCE. */
int store_dav_changed(struct db *db, int64_t plan_id, int64_t since, int (*fn)(int64_t id, void *),
		      void *ctx, struct error *err);

#endif
