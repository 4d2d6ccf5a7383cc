/* SPDX-License-Identifier: MIT */
/* Reminder rules as people write them ("1d, 1h", "3d, 1d, 09:00", "none"): a plan's, an item's. */
#ifndef QWEEK_REMIND_RULE_H
#define QWEEK_REMIND_RULE_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/rules.h"

#define REMIND_LIST_MAX 8	   /* rules in one list */
#define REMIND_MAX_DAYS 60	   /* "60d" is the furthest ahead a reminder goes */
#define REMIND_MORNING	(9 * 3600) /* whole-day items are reminded at 09:00 local time */
#define REMIND_NAME_LEN 16	   /* "09:00", "2w", "90m" and the NUL */

enum remind_type {
	REMIND_BEFORE_SEC,  /* "1h", "30m": exactly that long before the item's moment */
	REMIND_BEFORE_DAYS, /* "1d", "2w": that many calendar days before, at the same wall time
				 * in the plan's zone (a whole-day item: at 09:00) */
	REMIND_ON_DAY,	    /* "09:00": on the item's day at that local time */
};

struct remind_rule {
	enum remind_type type;
	int64_t amount; /* seconds, days, or seconds after local midnight */
};

/* A list of rules: a plan's for one kind of item, or one item's own. */
struct remind_list {
	int n;
	struct remind_rule r[REMIND_LIST_MAX];
};

/* A plan's rules: for events and spans, for deadlines, and the overdue notices. */
struct remind_rules {
	struct remind_list events, deadlines;
	int overdue_at; /* working days (Mon-Fri) at this many seconds after local midnight;
				 * -1: no overdue notices */
};

/*
 * The defaults: rules.c's rules_default (events 1d, 1h; deadlines 3d, 1d, on the day at 09:00)
 * and overdue notices every working day at 09:00.
 */
void remind_rules_default(struct remind_rules *out);

/* The name of a rule as the log keeps it and people read it: "1d", "2w", "1h", "90m", "09:00". */
void remind_rule_name(const struct remind_rule *r, char buf[REMIND_NAME_LEN]);

/*
 * Parses a list: rules separated by commas or spaces ("2h, 1d", "3d 1d 9:00"), or "none".
 * Returns 0, or -1 with ERR (422) saying which word was not understood.
 */
int remind_list_parse(const char *text, struct remind_list *out, struct error *err);

/* "1d, 1h", or "none" for an empty list. */
void remind_list_format(const struct remind_list *l, char *buf, size_t len);

/* Names the rules of L that count in hours or minutes ("2h, 30m": those that never go for an
 * item of whole days) into BUF, and returns how many there are. */
int remind_list_sub_day(const struct remind_list *l, char *buf, size_t len);

/*
 * A time of day alone, "09:00" (seconds after midnight) or "none" (-1), spaces around it
 * allowed: 0; 1 when words follow a good one (*EXTRA points at them; it is NULL otherwise);
 * -1 when TEXT does not start with one.
 */
int remind_clock_parse(const char *text, int *out, const char **extra);

/* Parses when overdue notices go: "09:00" (working days at that time) or "none" (-1); anything
 * after it is refused, quoted in ERR. */
int remind_overdue_parse(const char *text, int *out, struct error *err);
void remind_overdue_format(int at, char *buf, size_t len);

/* Which part of a plan's rules a section of `plan edit --remind` names. */
enum remind_section {
	REMIND_SEC_EVENTS,
	REMIND_SEC_DEADLINES,
	REMIND_SEC_OVERDUE,
	REMIND_SEC_DEFAULT
};

/*
 * Splits a section ("events 2d, 2h", "deadlines: 1w 1d 09:00", "overdue none", "default") into
 * its name and the rest (*REST points into TEXT). Russian and Ukrainian names work too
 * ("события", "події", "сроки", "терміни", "просрочено", "прострочено"). 0 or -1 with ERR.
 */
int remind_section_split(const char *text, enum remind_section *sec, const char **rest,
			 struct error *err);

/* True if a person's role makes them a director: "director", "директор", "директорка", alone
 * or followed by more words ("директор МБУ «Надежда»"), in any case. "Заместитель директора"
 * is not. */
int remind_is_director(const char *role);

#endif
