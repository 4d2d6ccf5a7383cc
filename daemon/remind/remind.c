/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <event2/event.h>

#include "store/changes.h"
#include "core/clock.h"
#include "core/daemon.h"
#include "core/log.h"
#include "remind/remind.h"
#include "remind/remind_digest.h"
#include "remind/remind_int.h"
#include "grow.h"
#include "store/plan_write.h"

/*
 * The scheduler: one timer for the earliest thing to do (an item's next reminder, a retry),
 * never longer than REMIND_TIMER_CAP, and the wall clock (clock_now) read afresh whenever it
 * fires: a timer that fires early because the clock is driven from outside only re-arms, and
 * a clock moved forward is noticed within a minute (at once through PUT /api/v1/clock, which
 * notifies plan 0). After each change to a plan, the items changed since the last look are
 * found through items(plan_id, updated) and their seq, and only they are recomputed.
 */

struct mark {
	int64_t plan_id;
	int64_t since; /* items updated before this were looked at */
};

static struct {
	struct daemon *d;
	struct event *timer;
	struct mark *marks;
	size_t nmarks, cmarks;
	int64_t last_now;   /* the clock at the last look: a step back means look at all again */
	int running, again; /* remind_poke is at work / was asked again meanwhile */
	int failing;	    /* the last pass failed: do not spin */
	int unsynced;	    /* the start-up look at the plans failed (a full disk): try again */
} R;

static int64_t *since_of(int64_t plan_id)
{
	struct mark *m;

	for (size_t i = 0; i < R.nmarks; i++)
		if (R.marks[i].plan_id == plan_id)
			return &R.marks[i].since;
	if (grow(&R.marks, &R.cmarks, R.nmarks + 1, sizeof *R.marks) == -1)
		return NULL;
	m = &R.marks[R.nmarks++];
	m->plan_id = plan_id;
	m->since = 0;
	return &m->since;
}

/* Microseconds of the monotonic clock: for measuring how long work takes, never the time. */
static int64_t usec(void)
{
	return clock_mono_us();
}

/* Brings the schedule of plan PLAN_ID up to date; ALL: every item, from FLOOR on. Sets *DONE
 * to the number of items recomputed. */
static int sync_plan(int64_t plan_id, int all, int64_t floor, size_t *done, struct error *err)
{
	struct db *db = R.d->db;
	int64_t *since = since_of(plan_id), *ids, max_updated;
	struct plan_write w;
	size_t n;
	int rc = 0;

	if (since == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	if (remind_store_changed(db, plan_id, all ? 0 : *since, all, &ids, &n, &max_updated, err) ==
	    -1)
		return -1;
	if (n > 0) {
		remind_store_lazy(db, 1);
		if (plan_write_begin_quiet(&w, db, err) == -1)
			rc = -1;
		else if (remind_recompute(db, plan_id, ids, n, floor, clock_now(), err) == -1 ||
			 plan_write_commit(&w, err) == -1) {
			plan_write_rollback(&w);
			rc = -1;
		}
		remind_store_lazy(db, 0);
	}
	if (rc == 0)
		*since = max_updated;
	*done = n;
	free(ids);
	return rc;
}

static void arm(int64_t now)
{
	struct timeval tv = { REMIND_TIMER_CAP, 0 };
	int64_t target = now + REMIND_TIMER_CAP, t;

	if (R.failing || R.unsynced)
		target = now + 5;
	else {
		if (remind_store_next_min(R.d->db, &t) && t < target)
			target = t;
		if (remind_deliver_next(R.d->db, &t) && t < target)
			target = t;
		if (remind_digest_store_next_min(R.d->db, &t) && t < target)
			target = t;
	}
	tv.tv_sec = target > now ? (time_t)(target - now) : 0;
	evtimer_add(R.timer, &tv);
}

void remind_poke(void)
{
	struct error err = ERROR_INIT;
	int64_t now;

	if (R.d == NULL)
		return;
	if (R.running) {
		R.again = 1;
		return;
	}
	R.running = 1;
	do {
		R.again = 0;
		now = clock_now();
		if (now < R.last_now)
			for (size_t i = 0; i < R.nmarks; i++)
				R.marks[i].since = 0;
		R.last_now = now;
		R.failing = remind_eval_due(R.d->db, &R.d->config, now, &err) == -1 ||
			    remind_digest_due(R.d->db, &R.d->config, now, &err) == -1;
		if (R.failing)
			log_error("reminders: %s", err.message ? err.message :
								 "cannot look at "
								 "what is due");
		error_clear(&err);
		remind_deliver_kick(now);
	} while (R.again);
	R.running = 0;
	arm(now);
}

void remind_plan_changed(int64_t plan_id, int all, int64_t floor)
{
	struct error err = ERROR_INIT;
	int64_t start = usec();
	size_t n = 0;

	if (R.d == NULL)
		return;
	if (plan_id != 0 && sync_plan(plan_id, all, floor, &n, &err) == -1)
		log_error("reminders: plan %lld: %s", (long long)plan_id,
			  err.message ? err.message : "cannot reschedule");
	error_clear(&err);
	remind_poke();
	log_debug("reminders: plan %lld rescheduled in %lld us (%zu item(s) recomputed)",
		  (long long)plan_id, (long long)(usec() - start), n);
}

static void on_change(int64_t plan_id, void *ctx)
{
	(void)ctx;
	remind_plan_changed(plan_id, 0, 0); /* plan 0: the clock was moved */
}

static int sync_all(void);

static void on_timer(evutil_socket_t fd, short what, void *arg)
{
	if (R.unsynced)
		R.unsynced = sync_all() == -1;
	remind_poke();
}

static int add_plan_id(const struct plan *p, void *arg)
{
	return since_of(p->id) != NULL ? 0 : -1;
}

/*
 * At start: every plan's items that changed since their schedule was computed. A failure (a
 * full disk) is logged and tried again by the timer: the daemon serves reads meanwhile. 0 or -1.
 */
static int sync_all(void)
{
	struct error err = ERROR_INIT;
	int64_t start = usec();
	size_t n, done = 0, total = 0;

	if (store_plan_each(R.d->db, add_plan_id, NULL, &err) == -1) {
		log_error("reminders: cannot read the plans: %s; trying again in 5 s",
			  err.message ? err.message : "?");
		error_clear(&err);
		return -1;
	}
	n = R.nmarks;
	for (size_t i = 0; i < n; i++) {
		if (sync_plan(R.marks[i].plan_id, 0, 0, &done, &err) == -1) {
			log_error("reminders: cannot schedule plan %lld: %s; trying again in 5 s",
				  (long long)R.marks[i].plan_id, err.message ? err.message : "?");
			error_clear(&err);
			return -1;
		}
		total += done;
	}
	log_info("reminders: %zu plan(s) looked at, %zu item(s) scheduled anew, in %lld ms", n,
		 total, (long long)(usec() - start) / 1000);
	return 0;
}

void remind_init(struct daemon *d)
{
	const struct config *c = &d->config;

	if (db_read_only(d->db)) {
		/* A reminder sent could not be logged, and would be sent again and again. */
		log_warn("reminders: off, because the database is read-only");
		return;
	}
	R.d = d;
	if ((R.timer = evtimer_new(d->base, on_timer, NULL)) == NULL)
		fatal("reminders: cannot make a timer");
	remind_deliver_init(d, remind_poke);
	R.unsynced = sync_all() == -1;
	changes_subscribe(on_change, NULL);
	log_info("reminders: email %s, notify hook %s",
		 c->smtp_url != NULL ? c->smtp_url : "not configured",
		 c->notify_command != NULL ? c->notify_command : "not configured");
	remind_poke(); /* what came due while the daemon was down */
}

void remind_shutdown(void)
{
	if (R.d == NULL)
		return;
	remind_deliver_shutdown();
	event_free(R.timer);
	free(R.marks);
	memset(&R, 0, sizeof R);
}
