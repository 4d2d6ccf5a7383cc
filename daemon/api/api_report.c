/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "survey/survey_results.h"
#include "api/api_link.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "feed/feed.h"
#include "report/report.h"
#include "api/report_http.h"
#include "report/status_page.h"
#include "store/link_store.h"
#include "store/plan_write.h"
#include "store/status_page_store.h"

/*
 * The director's API (issue 5): a plan's status, every plan's counts at once, the status page's
 * secret URL, and the analytical report as Markdown, HTML or CSV.
 */

/* ---- GET /api/v1/plans/{slug}/status ---------------------------------------------------- */

struct status_ctx {
	const struct plan *plan;
	struct report_tally tally;
	struct jsonw late, soon; /* the item arrays, written as the items pass */
};

/*
 * An overdue item with one member more, how late it is: the item's text without its closing
 * brace, then the member and the brace as a second raw value (which jsonw precedes by a comma).
 */
static void write_late_item(struct status_ctx *c, const struct item *it)
{
	struct jsonw one;
	char extra[64];
	int n;

	jsonw_init(&one);
	api_item_write(&one, it, c->plan, c->tally.now);
	if (one.buf.failed || one.buf.len < 2) {
		c->late.buf.failed = 1;
	} else {
		n = snprintf(extra, sizeof extra, "\"late_seconds\":%lld}",
			     (long long)(c->tally.now - it->late_after));
		jsonw_raw(&c->late, one.buf.data, one.buf.len - 1);
		jsonw_raw(&c->late, extra, (size_t)n);
	}
	jsonw_free(&one);
}

static int count_item(const struct item *it, void *arg)
{
	struct status_ctx *c = arg;

	switch (report_tally_add(&c->tally, it)) {
	case REPORT_OVERDUE:
		write_late_item(c, it);
		break;
	case REPORT_SOON:
		api_item_write(&c->soon, it, c->plan, c->tally.now);
		break;
	default:
		break;
	}
	return 0;
}

static void write_status(struct jsonw *w, struct status_ctx *c)
{
	char now[40];

	moment_iso_instant(c->tally.now, c->plan->tz, now, sizeof now);
	jsonw_object(w);
	jsonw_key(w, "plan");
	jsonw_string(w, c->plan->slug);
	jsonw_key(w, "title");
	jsonw_string(w, c->plan->title);
	jsonw_key(w, "now");
	jsonw_string(w, now);
	report_tally_write(w, &c->tally, 1);
	jsonw_key(w, "overdue_items");
	jsonw_array(w);
	jsonw_raw(w, c->late.buf.data ? c->late.buf.data : "", c->late.buf.len);
	jsonw_end(w, ']');
	jsonw_key(w, "due_soon");
	jsonw_array(w);
	jsonw_raw(w, c->soon.buf.data ? c->soon.buf.data : "", c->soon.buf.len);
	jsonw_end(w, ']');
	jsonw_end(w, '}');
}

int api_report_status(struct request *r, struct error *err)
{
	struct item_filter all = { .now = clock_now() };
	struct status_ctx c = { 0 };
	const struct plan *p = r->plan;
	struct jsonw w;
	int rc;

	c.plan = p;
	report_tally_init(&c.tally, all.now);
	jsonw_init(&c.late);
	jsonw_init(&c.soon);
	jsonw_init(&w);
	rc = store_item_each(r->daemon->db, p->id, &all, count_item, &c, err);
	if (rc == 0 && (c.tally.failed || c.late.buf.failed || c.soon.buf.failed))
		rc = error_set(err, ERR_INTERNAL, "out of memory");
	if (rc == 0) {
		write_status(&w, &c);
		rc = api_reply_jsonw(r, &w, err);
	}
	jsonw_free(&w);
	jsonw_free(&c.late);
	jsonw_free(&c.soon);
	report_tally_free(&c.tally);
	return rc;
}

/* ---- GET /api/v1/status: every plan ---------------------------------------------------- */

struct all_ctx {
	struct db *db;
	struct jsonw w;
	int64_t now;
	struct error *err;
};

static int tally_item(const struct item *it, void *arg)
{
	report_tally_add(arg, it);
	return 0;
}

static int plan_line(const struct plan *p, void *arg)
{
	struct all_ctx *c = arg;
	struct item_filter all = { .now = c->now };
	struct report_tally t;
	int rc;

	report_tally_init(&t, c->now);
	rc = store_item_each(c->db, p->id, &all, tally_item, &t, c->err);
	if (rc == 0 && !t.failed) {
		jsonw_object(&c->w);
		jsonw_key(&c->w, "slug");
		jsonw_string(&c->w, p->slug);
		jsonw_key(&c->w, "title");
		jsonw_string(&c->w, p->title);
		jsonw_key(&c->w, "org");
		jsonw_string(&c->w, p->org);
		report_tally_write(&c->w, &t, 0);
		jsonw_end(&c->w, '}');
	}
	rc = rc == 0 && !t.failed ? 0 : -1;
	report_tally_free(&t);
	return rc;
}

int api_status_all(struct request *r, struct error *err)
{
	struct all_ctx c = { .db = r->daemon->db, .now = clock_now(), .err = err };
	char now[40];
	int rc;

	jsonw_init(&c.w);
	moment_iso_instant(c.now, "UTC", now, sizeof now);
	jsonw_object(&c.w);
	jsonw_key(&c.w, "now");
	jsonw_string(&c.w, now);
	jsonw_key(&c.w, "plans");
	jsonw_array(&c.w);
	rc = store_plan_each(c.db, plan_line, &c, err);
	jsonw_end(&c.w, ']');
	jsonw_end(&c.w, '}');
	if (rc == 0)
		rc = api_reply_jsonw(r, &c.w, err);
	else if (err->kind == ERR_NONE)
		rc = error_set(err, ERR_INTERNAL, "out of memory");
	jsonw_free(&c.w);
	return rc;
}

/* ---- POST /api/v1/plans/{slug}/status-url ----------------------------------------------- */

/* The status page's URL: made once, shown again until rotate makes a new one. */
int api_status_url(struct request *r, struct error *err)
{
	struct db *db = r->daemon->db;
	unsigned char hash[FEED_HASH_LEN];
	char secret[FEED_SECRET_LEN + 1] = "", url[600], what[200];
	struct link_ref l = { LINK_STATUS, 0, 0, 0, hash, what, "qweek status --url --rotate" };
	const struct plan *p = r->plan;
	struct plan_write w;
	int64_t gen = 0;
	int rotate, exists, rc = -1;

	if (api_link_rotate(r, "a status-url request", &rotate, err) == -1 ||
	    (exists = store_status_link_find(db, p->id, &gen, hash, err)) == -1)
		goto out;
	if (exists && !rotate) {
		snprintf(what, sizeof what, "plan %s's status page", p->slug);
		l.plan_id = p->id;
		l.gen = gen;
		if (api_link_show(db, &l, secret, err) == -1)
			goto out;
	} else {
		if (plan_write_begin(&w, db, p->id, err) == -1)
			goto out;
		if (api_link_make(db, LINK_STATUS, p->id, 0, &gen, secret, hash, err) == -1 ||
		    store_status_link_put(db, p->id, gen, hash, clock_now(), err) == -1 ||
		    plan_write_commit(&w, err) == -1) {
			plan_write_rollback(&w);
			goto out;
		}
		r->status = 201;
	}
	api_link_url(&r->daemon->config, "/status/", secret, "", url, sizeof url);
	r->reply = json_pack("{s:s, s:s, s:b}", "plan", p->slug, "url", url, "rotated",
			     exists && rotate);
	rc = 0;
out:
	explicit_bzero(secret, sizeof secret);
	return rc;
}

/* ---- GET /api/v1/plans/{slug}/report ---------------------------------------------------- */

int api_report(struct request *r, struct error *err)
{
	const char *format = http_query(r, "format"), *as = http_query(r, "as");
	enum report_format f;
	struct report *rep;
	struct plan *p;
	struct buf b;

	if (report_format_parse(format != NULL ? format : "md", &f) == -1)
		return error_set(err, ERR_INVALID, "format «%s»: use md, html or csv", format);
	if (as != NULL && strcmp(as, "json") != 0)
		return error_set(err, ERR_INVALID, "as «%s»: only as=json", as);
	p = r->plan; /* taken over by the report */
	r->plan = NULL;
	if ((rep = report_load(r->daemon->db, p, clock_now(), err)) == NULL)
		return -1;
	/* The survey's section, when the plan has a questionnaire (issue 17). */
	if ((rep->survey = survey_results_load(r->daemon->db, p->id, p->lang, NULL, err)) == NULL) {
		if (err->kind != ERR_NOT_FOUND) {
			report_free(rep);
			return -1;
		}
		error_clear(err);
	}
	buf_init(&b, 4096 + rep->nitems * 600);
	report_render(&b, rep, f);
	report_free(rep);
	if (b.failed) {
		buf_free(&b);
		return error_set(err, ERR_INTERNAL, "out of memory");
	}
	if (as != NULL)
		return report_http_json(r, &b, f, err);
	report_http_raw(r, &b, f);
	return 0;
}
