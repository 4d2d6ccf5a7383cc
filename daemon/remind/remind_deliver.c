/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/daemon.h"
#include "core/log.h"
#include "remind/notify.h"
#include "remind/remind_digest.h"
#include "remind/remind_hook.h"
#include "remind/remind_int.h"
#include "remind/remind_invite.h"
#include "remind/remind_link.h"
#include "remind/remind_text.h"
#include "remind/smtp.h"
#include "remind/smtp_mime.h"
#include "store/plan_write.h"
#include "time/tz.h"

/*
 * Sending: take the queued (and due-for-retry) rows of the log, check once more that each still
 * stands, write the message as the item is now, and hand it to SMTP or the hook; their answer
 * comes back through the loop and is written to the log: sent, or failed with the next try
 * (1, 2, 4 ... minutes, at most an hour apart). A row is marked sent only once the server has
 * accepted the message; a daemon killed in that instant sends it again after its restart.
 */

/* A delivery under way. */
struct slot {
	int used;
	int64_t row_id;
	int attempts; /* before this one */
};

static struct {
	struct daemon *d;
	struct smtp *smtp;
	struct notify *notify;
	struct slot slots[REMIND_INFLIGHT_MAX];
	int busy;
	void (*done)(void); /* a slot is free again: the scheduler looks again */
} D;

/* Everything one message is made from; owned, job_free. */
struct job {
	struct plan *plan;
	struct remind_item item;
	int has_item;
	struct remind_people person;
	struct remind_msg_in in;
	struct remind_msg msg;
	char ref[64], done[256];
	char page[REMIND_URL_MAX], feed[REMIND_URL_MAX];
};

static void job_free(struct job *j)
{
	plan_free(j->plan);
	remind_item_free(&j->item);
	remind_people_free(&j->person);
	remind_msg_free(&j->msg);
}

static int64_t backoff(int attempts)
{
	int64_t d = REMIND_RETRY_FIRST;

	for (int i = 1; i < attempts && d < REMIND_RETRY_MAX; i++)
		d *= 2;
	return d < REMIND_RETRY_MAX ? d : REMIND_RETRY_MAX;
}

/* Records what became of reminder ID (its own write: nothing else is open while it is sent). */
static void finish(int64_t id, const char *state, const char *reason, int attempts,
		   int64_t next_try, int64_t sent_at)
{
	struct db *db = D.d->db;
	struct error err = ERROR_INIT;
	struct plan_write w;
	int rc = plan_write_begin_quiet(&w, db, &err);

	if (rc == 0)
		rc = remind_log_finish(db, id, state, reason, attempts, next_try, sent_at, &err);
	if (rc == 0)
		rc = plan_write_commit(&w, &err);
	if (rc == -1) {
		plan_write_rollback(&w);
		log_error("reminders: cannot record reminder #%lld as %s: %s", (long long)id, state,
			  err.message ? err.message : "?");
	}
	error_clear(&err);
}

static void failed(const struct remind_row *row, int attempts, const char *why, int64_t now)
{
	int64_t next = now + backoff(attempts);

	/* An invitation is sent while the planner waits: its failure is told her, not retried. */
	if (strcmp(row->rule, REMIND_INVITE_RULE) == 0) {
		log_warn("reminders: invitation #%lld to person %lld failed: %s",
			 (long long)row->id, (long long)row->person_id, why);
		finish(row->id, "undeliverable", why, attempts, 0, 0);
		return;
	}

	log_warn(
		"reminders: #%lld to person %lld by %s failed (attempt %d): %s; next try in %lld s",
		(long long)row->id, (long long)row->person_id, row->channel, attempts, why,
		(long long)(next - now));
	finish(row->id, "failed", why, attempts, next, 0);
}

static void on_done(void *arg, int ok, const char *error)
{
	struct slot *s = arg;
	struct remind_row row;
	struct error err = ERROR_INIT;
	int64_t now = clock_now();
	int open;

	if (remind_log_get(D.d->db, s->row_id, &row, &err) == 1) {
		open = strcmp(row.state, "queued") == 0 || strcmp(row.state, "failed") == 0;
		if (ok) {
			log_info("reminders: #%lld (%s, item %lld) sent to person %lld by %s",
				 (long long)row.id, row.rule, (long long)row.item_id,
				 (long long)row.person_id, row.channel);
			finish(row.id, "sent", "", s->attempts + 1, 0, now);
		} else if (open) {
			failed(&row, s->attempts + 1, error ? error : "failed", now);
		}
	}
	error_clear(&err);
	s->used = 0;
	D.busy--;
	D.done();
}

/* The digest of ROW as it reads now, if its day is still today and it has something to say. */
static int load_digest(const struct remind_row *row, struct job *j, int64_t now,
		       enum remind_verdict *v, const char **why, struct error *err)
{
	struct remind_digest_in in;
	char hint[128];
	int empty;

	j->in.plan = j->plan;
	j->in.person = j->person.v[0].name;
	j->in.ref = j->ref;
	j->in.done_command = j->done;
	if (!remind_digest_useful(j->plan->tz, row->occurrence, now)) {
		*v = REMIND_EXPIRE;
		*why = "too late: its day is over";
		return 0;
	}
	if (remind_store_plan_count(D.d->db) > 1)
		snprintf(hint, sizeof hint, "qweek --plan %s done", j->plan->slug);
	else
		snprintf(hint, sizeof hint, "qweek done");
	if (remind_link_page(D.d->db, &D.d->config, row->plan_id, row->person_id, 1, j->page,
			     sizeof j->page, err) == -1) {
		log_warn("reminders: digest #%lld goes without a page link: %s", (long long)row->id,
			 err->message ? err->message : "?");
		error_clear(err);
		*j->page = '\0';
	}
	in.plan = j->plan;
	in.person = &j->person.v[0];
	in.at = row->occurrence;
	in.since = remind_digest_since(D.d->db, row->person_id, row->occurrence);
	in.done_hint = hint;
	in.page_url = *j->page != '\0' ? j->page : NULL;
	if (remind_digest_text(D.d->db, &in, &j->msg, &empty, err) == -1)
		return -1;
	if (empty) {
		*v = REMIND_CANCEL;
		*why = "nothing left to say that day";
	}
	return 0;
}

/* The invitation of ROW: the person's links (made by the invite request) and their items. */
static int load_invite(const struct remind_row *row, struct job *j, enum remind_verdict *v,
		       const char **why, struct error *err)
{
	struct db *db = D.d->db;
	const struct config *c = &D.d->config;
	struct remind_invite_in in = { j->plan, row->person_id, j->person.v[0].name, j->page,
				       NULL };
	int found = remind_link_page(db, c, row->plan_id, row->person_id, 1, j->page,
				     sizeof j->page, err);

	if (found == -1)
		return -1;
	if (found == 0) {
		*v = REMIND_CANCEL;
		*why = "the person's page link cannot be worked out (see the log about the link key)";
		return 0;
	}
	if ((found = remind_link_feed(db, c, row->plan_id, row->person_id, j->feed, sizeof j->feed,
				      err)) == -1)
		return -1;
	in.feed_url = found ? j->feed : NULL;
	return remind_invite_text(db, &in, &j->msg, err);
}

/*
 * The links ROW's message gives: the person's page (made for them if they have none: the way to
 * act from the mail) and their calendar feed when they have one. The director's copy gives none
 * (the item is not on her page). A link that cannot be worked out leaves the message without.
 */
static void links(const struct remind_row *row, struct job *j)
{
	struct error err = ERROR_INIT;
	struct db *db = D.d->db;
	const struct config *c = &D.d->config;

	if (row->copy)
		return;
	if (remind_link_page(db, c, row->plan_id, row->person_id, 1, j->page, sizeof j->page,
			     &err) == 1)
		j->in.page_url = j->page;
	else if (err.kind != ERR_NONE)
		log_warn("reminders: #%lld goes without a page link: %s", (long long)row->id,
			 err.message ? err.message : "?");
	error_clear(&err);
	if (remind_link_feed(db, c, row->plan_id, row->person_id, j->feed, sizeof j->feed, &err) ==
	    1)
		j->in.feed_url = j->feed;
	error_clear(&err);
}

/* Loads what ROW's message is made of, and judges whether it still stands. */
static int load_job(const struct remind_row *row, struct job *j, int64_t now,
		    enum remind_verdict *v, const char **why, struct error *err)
{
	struct db *db = D.d->db;
	struct remind_rules rules;
	struct remind_list list = { 0 };
	int found, overdue_at = -1;

	*v = REMIND_KEEP;
	if ((j->plan = remind_store_plan(db, row->plan_id, err)) == NULL)
		return -1;
	if ((found = remind_store_person(db, row->plan_id, row->person_id, &j->person, err)) < 1) {
		*v = REMIND_CANCEL;
		*why = "the person is gone";
		return found;
	}
	if (strcmp(row->rule, REMIND_INVITE_RULE) == 0)
		return load_invite(row, j, v, why, err);
	if (row->item_id != 0) {
		if ((found = remind_item_load(db, row->plan_id, row->item_id, &j->item, err)) == -1)
			return -1;
		j->has_item = found;
		if (remind_store_plan_rules(db, row->plan_id, &rules, err) == -1 ||
		    (found && remind_item_rules(db, &j->item, &rules, &list, &overdue_at, err)))
			return -1;
		*v = remind_row_check(db, row, found ? &j->item : NULL, &list, overdue_at,
				      j->plan->tz, now, why);
		if (found)
			remind_item_ref(db, &j->item, j->ref, sizeof j->ref);
	}
	remind_text_done_command(j->ref, j->plan->slug, remind_store_plan_count(db) > 1, j->done,
				 sizeof j->done);
	j->in.kind = remind_text_kind(j->has_item ? &j->item : NULL, row->rule, row->copy);
	if (j->in.kind == REMIND_MSG_DIGEST)
		return load_digest(row, j, now, v, why, err);
	j->in.plan = j->plan;
	j->in.item = j->has_item ? &j->item : NULL;
	j->in.ref = j->ref;
	j->in.person = j->person.v[0].name;
	j->in.done_command = j->done;
	if (*v == REMIND_KEEP)
		links(row, j);
	if (*v == REMIND_KEEP && remind_text_build(&j->in, &j->msg) == -1)
		return error_set(err, ERR_INTERNAL, "out of memory");
	return 0;
}

static int send_email(const struct job *j, const struct remind_row *row, struct slot *s,
		      char **cause)
{
	const struct config *c = &D.d->config;
	const struct remind_person *p = &j->person.v[0];
	const char *from = c->smtp_from != NULL ? c->smtp_from : "qweekd@localhost";
	char addr[320], msgid[400], plan_h[128], item_h[64], rule_h[64];
	const char *extra[] = { plan_h, rule_h, row->item_id != 0 ? item_h : NULL, NULL };
	struct smtp_server srv = { c->smtp_url, c->smtp_user, c->smtp_password, c->smtp_starttls };
	struct smtp_mime m = { 0 };
	struct tz_local l;
	char *data;
	size_t len;

	if (D.smtp == NULL && (D.smtp = smtp_new(D.d->base)) == NULL) {
		*cause = strdup("cannot set up libcurl for SMTP");
		return -1;
	}
	if (smtp_mime_address(from, addr, sizeof addr) == -1)
		snprintf(addr, sizeof addr, "qweekd@localhost");
	snprintf(msgid, sizeof msgid, "<qweek.%lld.%lld@%s>", (long long)row->id,
		 (long long)row->occurrence, strchr(addr, '@') + 1);
	snprintf(plan_h, sizeof plan_h, "X-Qweek-Plan: %s", j->plan->slug);
	snprintf(item_h, sizeof item_h, "X-Qweek-Item-Id: %lld", (long long)row->item_id);
	snprintf(rule_h, sizeof rule_h, "X-Qweek-Rule: %s%s", row->rule, row->copy ? " copy" : "");
	m.from = from;
	m.to_name = p->name;
	m.to_addr = p->email;
	m.subject = j->msg.subject;
	m.body = j->msg.body;
	m.html = j->msg.html;
	m.date = clock_now();
	m.date_offset = tz_from_utc(j->plan->tz, m.date, &l) == 0 ? l.offset_sec : 0;
	m.message_id = msgid;
	m.extra = extra;
	if ((data = smtp_mime_build(&m, &len)) == NULL) {
		*cause = strdup("out of memory");
		return -1;
	}
	return smtp_send(D.smtp, &srv, addr, p->email, data, len, on_done, s, cause);
}

static int run_hook(struct job *j, const struct remind_row *row, struct slot *s, char **cause)
{
	struct remind_hook_in h = { &j->in, &j->msg, row, &j->person.v[0] };
	char **env = remind_hook_env(&h), *input = NULL;
	int rc;

	if (env == NULL || asprintf(&input, "%s\n\n%s", j->msg.subject, j->msg.body) == -1) {
		remind_hook_env_free(env);
		*cause = strdup("out of memory");
		return -1;
	}
	rc = notify_run(D.notify, D.d->config.notify_command, env, input, strlen(input), on_done, s,
			cause);
	remind_hook_env_free(env);
	free(input);
	return rc;
}

/* Whether ROW's channel can be used now; else why not. */
static const char *channel_missing(const struct remind_row *row, const struct job *j)
{
	const struct config *c = &D.d->config;

	if (strcmp(row->channel, "email") == 0)
		return remind_has_email(c, j->person.v[0].email) ?
			       NULL :
			       "email is not configured ([smtp] url) or the person has no address";
	if (strcmp(row->channel, "hook") == 0)
		return remind_has_hook(c) ? NULL :
					    "no notify hook is configured ([notify] command)";
	return "no channel";
}

static struct slot *free_slot(void)
{
	for (int i = 0; i < REMIND_INFLIGHT_MAX; i++)
		if (!D.slots[i].used)
			return &D.slots[i];
	return NULL;
}

/* Starts sending ROW, or settles it (cancelled, expired, failed) at once. */
static void start(const struct remind_row *row, int64_t now)
{
	struct job j = { 0 };
	struct error err = ERROR_INIT;
	enum remind_verdict v;
	const char *why = NULL;
	struct slot *s = free_slot();
	char *cause = NULL;
	int rc = -1;

	if (s == NULL)
		return; /* remind_deliver_kick keeps to the slots there are */
	if (load_job(row, &j, now, &v, &why, &err) == -1) {
		failed(row, row->attempts + 1, err.message ? err.message : "internal error", now);
	} else if (v != REMIND_KEEP) {
		log_info("reminders: #%lld not sent: %s", (long long)row->id, why);
		finish(row->id,
		       v == REMIND_CANCEL ? "cancelled" :
		       row->attempts	  ? "expired" :
					    "skipped",
		       why, row->attempts, 0, 0);
	} else if ((why = channel_missing(row, &j)) != NULL) {
		failed(row, row->attempts + 1, why, now);
	} else {
		s->row_id = row->id;
		s->attempts = row->attempts;
		rc = strcmp(row->channel, "email") == 0 ? send_email(&j, row, s, &cause) :
							  run_hook(&j, row, s, &cause);
		if (rc == 0) {
			s->used = 1;
			D.busy++;
		} else {
			failed(row, row->attempts + 1, cause ? cause : "cannot start", now);
		}
	}
	free(cause);
	error_clear(&err);
	job_free(&j);
}

static int in_flight(int64_t id)
{
	for (int i = 0; i < REMIND_INFLIGHT_MAX; i++)
		if (D.slots[i].used && D.slots[i].row_id == id)
			return 1;
	return 0;
}

void remind_deliver_kick(int64_t now)
{
	struct remind_row rows[2 * REMIND_INFLIGHT_MAX];
	struct error err = ERROR_INIT;
	int n;

	if (D.d == NULL || D.busy >= REMIND_INFLIGHT_MAX)
		return;
	n = remind_log_todo(D.d->db, now, rows, D.busy + REMIND_INFLIGHT_MAX, &err);
	for (int i = 0; i < n && D.busy < REMIND_INFLIGHT_MAX; i++)
		if (!in_flight(rows[i].id))
			start(&rows[i], now);
	if (n < 0)
		log_error("reminders: cannot read what to send: %s",
			  err.message ? err.message : "?");
	error_clear(&err);
}

int remind_deliver_next(struct db *db, int64_t *out)
{
	struct remind_row rows[REMIND_INFLIGHT_MAX + 1];
	int n;

	if (D.busy >= REMIND_INFLIGHT_MAX)
		return 0; /* a delivery ending will look again */
	n = remind_log_todo(db, INT64_MAX, rows, D.busy + 1, NULL);
	for (int i = 0; i < n; i++)
		if (!in_flight(rows[i].id)) {
			*out = rows[i].next_try;
			return 1;
		}
	return 0;
}

int remind_deliver_busy(void)
{
	return D.busy;
}

void remind_deliver_init(struct daemon *d, void (*done)(void))
{
	D.d = d;
	D.done = done;
	/* libcurl (and OpenSSL with it) is set up at the first email (send_email): a daemon that
	 * sends none does not carry their 3 MB of resident memory. */
	if ((D.notify = notify_new(d->base)) == NULL)
		fatal("reminders: cannot watch for SIGCHLD");
}

void remind_deliver_shutdown(void)
{
	smtp_free(D.smtp);
	notify_free(D.notify);
	memset(&D, 0, sizeof D);
}
