/* SPDX-License-Identifier: MIT */
/* The JSON API under /api/v1 (docs/api.md): routes, who may use them, and the helpers their
 * handlers share. */
#ifndef QWEEK_API_H
#define QWEEK_API_H

#include <jansson.h>

#include "http/http.h"
#include "core/jsonw.h"
#include "store/store.h"

/* api_routes.c: every route; ended by a NULL pattern. */
extern const struct route api_routes[];

/*
 * api_access.c: whether R may use R->route (docs/api.md, "Access"), for http_new: fills R->who,
 * and R->plan for a route under /api/v1/plans/:plan ("_": the token's plan). 0, or -1 with ERR:
 * 401 when who asks is not known, 403 when they may not, 404 for an unknown plan, in that
 * order. A handler of a plan route finds its plan in R->plan.
 */
int api_access(struct request *r, struct error *err);

json_t *api_plan_json(const struct plan *p);
/* An item as JSON (docs/api.md), written into W. */
void api_item_write(struct jsonw *w, const struct item *it, const struct plan *p, int64_t now);

/* Replies with the text of W (taken over). */
int api_reply_jsonw(struct request *r, struct jsonw *w, struct error *err);

/* Resolves REF ("7.2" or "@12") within plan P to an item id; 404/409 with candidates. */
int api_item_resolve(struct db *db, const struct plan *p, const char *ref, int64_t *id,
		     struct error *err);

/* Replies with item ID of plan P and STATUS. */
int api_reply_item(struct request *r, const struct plan *p, int64_t id, int status,
		   struct error *err);

/* Replies with plan P and its reminder rules {..., "remind"} (api_plan.c). */
int api_plan_reply_rules(struct request *r, const struct plan *p, struct error *err);
/*
 * api_actor.c: who a change of plan P is recorded as: the person BY of the plan (someone who
 * reported it; a staff token may name only itself), else who asks (a token's person, the
 * administrator's name). *OUT points into BUF, a token or the configuration, or is NULL when
 * nobody is known. 0, or -1 with ERR (an unknown name, a group).
 */
int api_actor(struct request *r, const struct plan *p, const char *by, const char **out, char *buf,
	      size_t len, struct error *err);

/*
 * api_actor.c: makes who asks (as api_actor names them, via "cli") the maker of the request's
 * changes in the history (plan_write_default), unless a write names someone else.
 */
void api_actor_default(struct request *r);

/* api_person.c: what person add and person edit share. */
int api_person_check(json_t *body, const char *name, const char *kind, struct error *err);
int api_group_for(struct db *db, int64_t plan_id, const char *name, int new_group, int64_t *id,
		  struct error *err);
/* Adds person P to the reply ARG (an array, or an object filled in). */
int api_person_json(const struct person *p, void *arg);
/*
 * api_group_near.c: refuses (409, 0 or -1) a new group NAME whose name is nearly that of a
 * group of the plan: «did you mean …?»; 0 when none is near.
 */
int api_group_near(struct db *db, int64_t plan_id, const char *name, struct error *err);
/* Removes boolean NAME from OBJ (so that json_in_check does not see it): 1 if it was true. */
int api_take_flag(json_t *obj, const char *name);
/* S quoted for a shell's command line ('…'), into BUF; returns BUF. */
const char *api_shell_quote(const char *s, char *buf, size_t len);

/* The JSON string array from names joined by '\x1f'. */
json_t *api_name_list(const char *joined);

/* Handlers. */
int api_plans_list(struct request *r, struct error *err);
int api_plans_create(struct request *r, struct error *err);
int api_plans_show(struct request *r, struct error *err);
int api_plans_edit(struct request *r, struct error *err);
int api_plans_delete(struct request *r, struct error *err); /* api_plan_delete.c */
int api_plans_copy(struct request *r, struct error *err);   /* api_plan_copy.c */
int api_people_list(struct request *r, struct error *err);
int api_people_create(struct request *r, struct error *err);
int api_history(struct request *r, struct error *err);
int api_people_edit(struct request *r, struct error *err);
int api_people_remove(struct request *r, struct error *err);
int api_items_delete(struct request *r, struct error *err);
int api_undo(struct request *r, struct error *err);
int api_items_list(struct request *r, struct error *err);
int api_items_create(struct request *r, struct error *err);
int api_items_show(struct request *r, struct error *err);
int api_items_edit(struct request *r, struct error *err);
int api_items_done(struct request *r, struct error *err);
int api_items_reopen(struct request *r, struct error *err);
int api_items_cancel(struct request *r, struct error *err);
int api_healthz(struct request *r, struct error *err);
int api_clock_set(struct request *r, struct error *err);
int api_feeds_list(struct request *r, struct error *err);
int api_feeds_create(struct request *r, struct error *err);
int api_feeds_revoke(struct request *r, struct error *err);
int api_export_ics(struct request *r, struct error *err);
int api_export_csv(struct request *r, struct error *err);
int api_import(struct request *r, struct error *err);
int feed_get(struct request *r, struct error *err);
int api_token_create(struct request *r, struct error *err);
int api_token_revoke(struct request *r, struct error *err);
/* Personal links and pages (api_me_link.c, api_me.c). */
int api_person_link(struct request *r, struct error *err);
int me_page_get(struct request *r, struct error *err);
int me_page_post(struct request *r, struct error *err);
/* Invitations by email (api_invite.c). */
int api_invite(struct request *r, struct error *err);
/* The director's view (api_report.c, status_page_http.c). */
int api_report_status(struct request *r, struct error *err);
int api_status_all(struct request *r, struct error *err);
int api_status_url(struct request *r, struct error *err);
int api_report(struct request *r, struct error *err);
int status_page_get(struct request *r, struct error *err);
/* Reminders (api_remind.c, api_reminders.c). */
int api_remind_rules(struct request *r, struct error *err);
int api_item_remind_set(struct request *r, struct error *err);
int api_item_remind_show(struct request *r, struct error *err);
int api_reminders_list(struct request *r, struct error *err);
int api_reminders_unreachable(struct request *r, struct error *err);
int api_reminders_test(struct request *r, struct error *err);
int api_reminder_show(struct request *r, struct error *err);
int api_reminders_status(struct request *r, struct error *err);
int api_reminders_digests(struct request *r, struct error *err);
int api_reminders_digest_set(struct request *r, struct error *err);
/* Backups (api_backup.c); api_backup_shutdown drops one under way, at exit. */
int api_backup_start(struct request *r, struct error *err);
int api_backup_show(struct request *r, struct error *err);
int api_backup_file(struct request *r, struct error *err);
void api_backup_shutdown(void);

#endif
