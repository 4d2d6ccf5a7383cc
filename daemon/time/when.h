/* SPDX-License-Identifier: MIT */
/* WHEN parser: the dates and times people type ("14.11 в 15.00", "до 24.11.2017"). */
#ifndef QWEEK_WHEN_H
#define QWEEK_WHEN_H

/* How precisely a point was written. */
enum when_prec {
	WHEN_PREC_NONE = 0, /* absent */
	WHEN_PREC_MONTH,    /* "декабрь 2017": year and month */
	WHEN_PREC_DATE,	    /* "10.11": a whole day */
	WHEN_PREC_TIME,	    /* "14.11 15.00": local wall time in the plan's zone */
	WHEN_PREC_INSTANT,  /* ISO 8601 with "Z" or an offset: an exact instant */
};

/* A point as written: local wall-clock fields, or (INSTANT) fields at offset_sec from UTC. */
struct when_point {
	enum when_prec prec;
	int year, month, day; /* month 1-12, day 1-31 (day 0 for MONTH) */
	int hour, minute, second;
	int offset_sec; /* only for WHEN_PREC_INSTANT: +25200 for "+07:00", 0 for "Z" */
	int fold; /* WHEN_PREC_TIME: which of a wall time that occurs twice (enum when_fold) */
};

/* "(летнее)", "(зимнее)" after a time: the summer (first) or winter (second) occurrence. */
enum when_fold { WHEN_FOLD_NONE = 0, WHEN_FOLD_SUMMER, WHEN_FOLD_WINTER };

/*
 * The fold a trailing "(летнее)"/"(літній)"/"(summer)" or "(зимнее)"/"(зимовий)"/"(winter)" in
 * TEXT chooses, with *LEN set to the length of what comes before it; WHEN_FOLD_NONE without one.
 */
int when_fold_suffix(const char *text, size_t *len);

enum when_kind {
	WHEN_EVENT,    /* a moment, a time range, or one whole day: start, optional end */
	WHEN_SPAN,     /* a range of whole days: start and end are DATEs, end inclusive */
	WHEN_DEADLINE, /* due by a moment, a day, or a month: due */
};

struct when {
	enum when_kind kind;
	struct when_point start; /* EVENT, SPAN */
	struct when_point end;	 /* EVENT (prec NONE when absent), SPAN */
	struct when_point due;	 /* DEADLINE */
};

/* What the parser needs to know of the plan: its first and last day fill in a missing year. */
struct when_ctx {
	int from_year, from_month, from_day;
	int to_year, to_month, to_day;
};

/*
 * CTX for a plan whose days run from FIRST_DAY to LAST_DAY, as the plan stores them
 * ("2017-11-08"); what does not read stays 0.
 */
void when_ctx_init(struct when_ctx *ctx, const char *first_day, const char *last_day);

/*
 * Parses TEXT into OUT. A date without a year takes the year that puts it nearest to the plan's
 * days (CTX). With AS_DEADLINE set (the CLI's --due), any WHEN becomes a deadline due at its
 * start (a range is refused). Returns 0, or -1 with *CAUSE set to a malloc'd sentence for the
 * person that names the part not understood; the caller frees it.
 */
int when_parse(const char *text, const struct when_ctx *ctx, int as_deadline, struct when *out,
	       char **cause);

/*
 * Four examples of what the parser takes, around CTX's first day (else in this year), in the
 * language of the plan of the request being answered (core/tr.h): "08.11.2017 15:00",
 * "08.11-15.11.2017", "до 15.11.2017", "ноябрь 2017".
 */
void when_examples(const struct when_ctx *ctx, char ex[4][48]);

/* Compares two points of the same zone by their written fields; <0, 0, >0. */
int when_point_cmp(const struct when_point *a, const struct when_point *b);

#endif
