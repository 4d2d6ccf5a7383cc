/* SPDX-License-Identifier: MIT */
#include "api/api.h"
#include "api/api_dav.h"
#include "http/http_method.h"
#include "api/api_survey.h"

/*
 * Every route of the daemon: its method, path, handler and flags (who may use it: http.h,
 * api_access.c). HTTP takes the first whose path and method fit; a path that fits a route of
 * other methods is a 405.
 */

#define P "/api/v1/plans/:plan"

/* CalDAV (api_dav.c): one handler tells the methods apart; HEAD is GET's. */
#define DAV_METHODS                                                                 \
	(EVHTTP_REQ_OPTIONS | EVHTTP_REQ_GET | EVHTTP_REQ_PUT | EVHTTP_REQ_DELETE | \
	 HTTP_REQ_PROPFIND | HTTP_REQ_REPORT | HTTP_REQ_PROPPATCH | HTTP_REQ_MKCALENDAR)
#define DAV_FLAGS (ROUTE_RAW_BODY | ROUTE_SLASH)

const struct route api_routes[] = {
	{ EVHTTP_REQ_GET, "/feeds/:file", feed_get, 0 },
	{ EVHTTP_REQ_GET, "/healthz", api_healthz, 0 },
	{ EVHTTP_REQ_PUT, "/api/v1/clock", api_clock_set, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, "/api/v1/plans", api_plans_list, ROUTE_TOKEN },
	{ EVHTTP_REQ_POST, "/api/v1/plans", api_plans_create, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P, api_plans_show, 0 },
	{ EVHTTP_REQ_GET, P "/people", api_people_list, 0 },
	{ EVHTTP_REQ_POST, P "/people", api_people_create, ROUTE_WRITES },
	{ EVHTTP_REQ_POST, P "/people/:name/token", api_token_create, ROUTE_WRITES | ROUTE_ADMIN },
	{ EVHTTP_REQ_DELETE, P "/people/:name/token", api_token_revoke,
	  ROUTE_WRITES | ROUTE_ADMIN },
	{ EVHTTP_REQ_POST, P "/people/:name/link", api_person_link, ROUTE_WRITES },
	{ EVHTTP_REQ_POST, P "/invite", api_invite, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/items", api_items_list, 0 },
	{ EVHTTP_REQ_POST, P "/items", api_items_create, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/items/:ref", api_items_show, 0 },
	{ EVHTTP_REQ_PATCH, P "/items/:ref", api_items_edit, ROUTE_WRITES },
	{ EVHTTP_REQ_POST, P "/items/:ref/done", api_items_done, ROUTE_WRITES | ROUTE_STAFF },
	{ EVHTTP_REQ_POST, P "/items/:ref/reopen", api_items_reopen, ROUTE_WRITES | ROUTE_STAFF },
	{ EVHTTP_REQ_POST, P "/items/:ref/cancel", api_items_cancel, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/status", api_report_status, 0 },
	{ EVHTTP_REQ_GET, "/api/v1/status", api_status_all, 0 },
	{ EVHTTP_REQ_POST, P "/status-url", api_status_url, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/report", api_report, 0 },
	{ EVHTTP_REQ_GET, "/status/:secret", status_page_get, 0 },
	{ EVHTTP_REQ_GET, "/me/:secret", me_page_get, 0 },
	{ EVHTTP_REQ_POST, "/me/:secret", me_page_post, ROUTE_RAW_BODY },
	{ EVHTTP_REQ_GET, P "/feeds", api_feeds_list, 0 },
	{ EVHTTP_REQ_POST, P "/feeds", api_feeds_create, ROUTE_WRITES | ROUTE_OWN },
	{ EVHTTP_REQ_DELETE, P "/feeds", api_feeds_revoke, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/export.ics", api_export_ics, 0 },
	{ EVHTTP_REQ_GET, P "/export.csv", api_export_csv, 0 },
	{ EVHTTP_REQ_POST, P "/import", api_import, ROUTE_WRITES | ROUTE_RAW_BODY },
	{ EVHTTP_REQ_PATCH, P, api_plans_edit, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/remind", api_remind_rules, 0 },
	{ EVHTTP_REQ_GET, P "/items/:ref/remind", api_item_remind_show, 0 },
	{ EVHTTP_REQ_PUT, P "/items/:ref/remind", api_item_remind_set, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/reminders", api_reminders_list, 0 },
	{ EVHTTP_REQ_GET, P "/reminders/undeliverable", api_reminders_unreachable, 0 },
	{ EVHTTP_REQ_POST, P "/reminders/test", api_reminders_test, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/reminders/digest", api_reminders_digests, 0 },
	{ EVHTTP_REQ_PUT, P "/reminders/digest", api_reminders_digest_set, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/reminders/:id", api_reminder_show, 0 },
	{ EVHTTP_REQ_GET, "/api/v1/reminders", api_reminders_status, 0 },
	{ EVHTTP_REQ_GET, P "/history", api_history, 0 },
	{ EVHTTP_REQ_POST, P "/undo", api_undo, ROUTE_WRITES },
	{ EVHTTP_REQ_PATCH, P "/people/:name", api_people_edit, ROUTE_WRITES },
	{ EVHTTP_REQ_DELETE, P "/people/:name", api_people_remove, ROUTE_WRITES },
	{ EVHTTP_REQ_DELETE, P "/items/:ref", api_items_delete, ROUTE_WRITES },
	/* Backups (api_backup.c): the administrator only. */
	{ EVHTTP_REQ_POST, "/api/v1/backup", api_backup_start, ROUTE_ADMIN },
	{ EVHTTP_REQ_GET, "/api/v1/backup", api_backup_show, ROUTE_ADMIN },
	{ EVHTTP_REQ_GET, "/api/v1/backup/file", api_backup_file, ROUTE_ADMIN },
	{ DAV_METHODS, "/.well-known/caldav", api_dav, DAV_FLAGS },
	{ DAV_METHODS, "/dav", api_dav, DAV_FLAGS },
	{ DAV_METHODS, "/dav/:login", api_dav, DAV_FLAGS },
	{ DAV_METHODS, "/dav/:login/:collection", api_dav, DAV_FLAGS },
	{ DAV_METHODS, "/dav/:login/:collection/:resource", api_dav, DAV_FLAGS },
	{ EVHTTP_REQ_DELETE, P, api_plans_delete, ROUTE_WRITES | ROUTE_ADMIN },
	{ EVHTTP_REQ_POST, P "/copy", api_plans_copy, ROUTE_WRITES | ROUTE_ADMIN },
	{ EVHTTP_REQ_GET, P "/survey", api_survey_show, 0 },
	{ EVHTTP_REQ_PUT, P "/survey", api_survey_put, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/survey/results", api_survey_results, 0 },
	{ EVHTTP_REQ_POST, P "/survey/link", api_survey_link, ROUTE_WRITES },
	{ EVHTTP_REQ_GET, P "/survey/page", api_survey_page, ROUTE_WRITES },
	{ EVHTTP_REQ_POST, P "/survey/import", api_survey_import, ROUTE_WRITES | ROUTE_RAW_BODY },
	{ EVHTTP_REQ_GET, "/api/v1/survey/templates", api_survey_templates, ROUTE_TOKEN },
	{ EVHTTP_REQ_GET, "/survey/:secret", survey_form_get, 0 },
	{ EVHTTP_REQ_POST, "/survey/:secret", survey_form_post, ROUTE_RAW_BODY },
	{ 0, NULL, NULL, 0 },
};
