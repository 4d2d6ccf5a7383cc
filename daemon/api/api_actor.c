/* SPDX-License-Identifier: MIT */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"
#include "core/daemon.h"
#include "store/feed_store.h"
#include "store/plan_write.h"

/*
 * Who did it, as the status page, the report and the feeds show it: always a person's name,
 * never a Unix account. A token is its person's; the administrator on the Unix socket is the
 * planner, named by [daemon] admin_name, else by the full name in the passwd entry (GECOS) of
 * the user they are, else, for root, "Administrator" in the plan's language. A change reported
 * by phone is recorded under the name of whoever reported it ("by"), a person of the plan.
 */

static const char *administrator(const char *lang)
{
	if (strcmp(lang, "uk") == 0)
		return "Адміністратор";
	if (strcmp(lang, "en") == 0)
		return "Administrator";
	return "Администратор";
}

/* The full name of UID from its passwd entry (the GECOS field up to its first comma). */
static int full_name(long uid, char *buf, size_t len)
{
	struct passwd pw, *found = NULL;
	char store[4096];

	if (uid < 0 || getpwuid_r((uid_t)uid, &pw, store, sizeof store, &found) != 0 ||
	    found == NULL || pw.pw_gecos == NULL)
		return -1;
	snprintf(buf, len, "%.*s", (int)strcspn(pw.pw_gecos, ","), pw.pw_gecos);
	return *buf != '\0' ? 0 : -1;
}

static const char *asker(const struct request *r, const char *lang, char *buf, size_t len)
{
	const char *admin = r->daemon->config.admin_name;

	if (r->who.person_id != 0)
		return r->who.person;
	if (admin != NULL && *admin != '\0')
		return admin;
	if (r->peer_uid == 0)
		return administrator(lang);
	if (full_name(r->peer_uid, buf, len) == 0)
		return buf;
	return *r->peer != '\0' ? r->peer : NULL;
}

/* BY, a person of plan P, as stored, into BUF; a staff token may name only its own person. */
static const char *reporter(struct request *r, const struct plan *p, const char *by, char *buf,
			    size_t len, struct error *err)
{
	struct db *db = r->daemon->db;
	int64_t id;
	int is_group = 0, found = store_person_lookup(db, p->id, by, &id, &is_group, err);
	char *name;

	if (found == -1)
		return NULL;
	if (!found) {
		error_set(err, ERR_NOT_FOUND, "there is no person «%s» in plan %s", by, p->slug);
		store_person_suggest(db, p->id, by, err);
		return NULL;
	}
	if (is_group) {
		error_set(err, ERR_INVALID, "«%s» is a group: say which person did it", by);
		return NULL;
	}
	if (r->who.role == AUTH_STAFF && id != r->who.person_id) {
		error_set(err, ERR_FORBIDDEN, "a staff token records what its own person did");
		return NULL;
	}
	if ((name = store_feed_person_name(db, p->id, id, err)) == NULL)
		return NULL;
	snprintf(buf, len, "%s", name);
	free(name);
	return buf;
}

int api_actor(struct request *r, const struct plan *p, const char *by, const char **out, char *buf,
	      size_t len, struct error *err)
{
	if (by == NULL || *by == '\0') {
		*out = asker(r, p->lang, buf, len);
		return 0;
	}
	*out = reporter(r, p, by, buf, len, err);
	return *out != NULL ? 0 : -1;
}

void api_actor_default(struct request *r)
{
	char buf[200];

	plan_write_default(asker(r, r->plan != NULL ? r->plan->lang : "ru", buf, sizeof buf),
			   "cli");
}
