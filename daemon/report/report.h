/* SPDX-License-Identifier: MIT */
/*
 * What the director sees: counts by state and by responsible person (the one counting that
 * the JSON status, the status page and the report share), and a plan's items kept for a page.
 */
#ifndef QWEEK_REPORT_H
#define QWEEK_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/jsonw.h"
#include "store/store.h"

#define REPORT_SOON_SEC (48 * 3600) /* "due soon": within the next 48 hours */

struct report_person {
	char *name;
	int64_t total, done, overdue;
};

/* Counts at instant NOW. Owned by its declarer; report_tally_free. */
struct report_tally {
	int64_t now;
	int64_t total, done, open, overdue, cancelled;
	int64_t done_on_time, done_late;
	struct report_person *people; /* in first-seen order (plan order of their items) */
	size_t npeople, cap;
	int failed; /* out of memory */
};

/* Where an item stands at the tally's NOW. */
enum report_mark {
	REPORT_DONE,
	REPORT_OPEN, /* open, not late, not due within 48 hours */
	REPORT_SOON, /* open, its moment within the next 48 hours */
	REPORT_OVERDUE,
	REPORT_CANCELLED,
};

void report_tally_init(struct report_tally *t, int64_t now);
void report_tally_free(struct report_tally *t);

/* Counts IT; returns where it stands. */
enum report_mark report_tally_add(struct report_tally *t, const struct item *it);

/* The counts as JSON members (total ... cancelled, and by_person if PEOPLE) inside an object
 * W opened. */
void report_tally_write(struct jsonw *w, const struct report_tally *t, int people);

/* Percent of DONE in TOTAL, rounded down (0 when TOTAL is 0). */
int report_percent(int64_t part, int64_t total);

/* Share done on time of the items not cancelled, in percent (rounded down). */
int report_share_on_time(const struct report_tally *t);

/* The done share with its base, in LANG, the same on every page and report:
 * "5 из 16 запланированных, 31 %; 5 отменено" (planned = not cancelled; the cancelled part
 * only when there are some). Returns BUF. */
char *report_share_text(const char *lang, const struct report_tally *t, char *buf, size_t len);

/* An item kept for a page or a report; every string owned (report_free). */
struct report_item {
	int64_t id, at, late_after, done_at;
	char *label, *title, *kind, *start_at, *end_at, *due_at, *state, *done_by, *note;
	char *who; /* the names joined by ", " */
	char *place;
	char day[11]; /* the local day of AT in the plan's zone, "YYYY-MM-DD" */
	enum report_mark mark;
};

/* Copies S into D (DAY and MARK left to the caller); 0, or -1 out of memory (D freed). */
int report_item_copy(struct report_item *d, const struct item *s);
void report_item_free(struct report_item *it);

struct survey_results; /* survey/survey_results.h */

/* A plan's status with its items in plan order. */
struct report {
	struct plan *plan; /* owned */
	struct report_tally tally;
	struct report_item *items;
	size_t nitems, cap;
	struct survey_results *survey; /* owned; the report's survey section, or NULL */
	int64_t survey_count;	       /* responses so far (the status page), -1: no survey */
};

/* Loads plan P (taken over, freed with the report) at NOW; NULL with ERR. */
struct report *report_load(struct db *db, struct plan *p, int64_t now, struct error *err);
void report_free(struct report *r);

/*
 * How the item's time reads, in the plan's zone and language: "14.11.2017 15:00",
 * "14.11.2017 09:00–18:00", "08.11.2017–15.11.2017", "до 24.11.2017", "12.2017".
 */
char *report_when(const struct report_item *it, const char *tz, const char *lang, char *buf,
		  size_t len);

/*
 * Where the item stands, in words: "в срок", "с опозданием на 2 дня 3 ч", "не выполнено
 * (просрочено на 1 день)", "в работе", "отменено". Returns BUF.
 */
char *report_outcome(const struct report_item *it, int64_t now, const char *lang, char *buf,
		     size_t len);

/* When and by whom it was done, "14.11.2017 15:00, Иванова А. П.", or "". Returns BUF. */
char *report_completed(const struct report_item *it, const char *tz, char *buf, size_t len);

/* The local day "YYYY-MM-DD" of instant T in zone TZ (BUF of 11 bytes); 0 or -1. */
int report_local_day(int64_t t, const char *tz, char buf[11]);

#endif
