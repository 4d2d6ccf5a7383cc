/* SPDX-License-Identifier: MIT */
/* What qweek prints for people: dates, item references, key-value lines; terminal checks. */
#ifndef QWEEK_OUTPUT_H
#define QWEEK_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "jscan.h"

struct table;

/*
 * Writes to BUF (LEN bytes) how an item's moment reads for people, from the API's START, END
 * and DUE (each NULL, a month "2017-12", a date "2017-11-14", or an instant
 * "2017-11-14T16:00:00+07:00" already in the plan's zone): "14.11.2017 16:00",
 * "14.11.2017 09:00–18:00", "08.11–15.11.2017", "до 24.11.2017", "12.2017".
 * Text it cannot read is copied as it is. Returns BUF.
 */
char *output_when(const char *start, const char *end, const char *due, char *buf, size_t len);

/* "2017-11-08" as "08.11.2017"; anything else copied. Returns BUF. */
char *output_date(const char *date, char *buf, size_t len);

/* An item as the commands show it: strings owned by the reply it came from. */
struct output_item {
	char ref[48];  /* the label, else "@" and the id */
	char when[96]; /* output_when */
	long long id;
	const char *label, *title, *state;
	int overdue;
};

/* Names months in LANG ("ru", "uk", "en": the plan's) from now on; others keep "12.2017". */
void output_set_lang(const char *lang);

/* Reads item ITEM of reply J into OUT. */
void output_item(struct jscan *j, int item, struct output_item *out);

/* The state as shown in lists: "open", "done", "cancelled", or "OVERDUE". */
const char *output_state(const struct output_item *it);

/*
 * Joins the strings of array ARR with ", " into *BUF (malloc'd, grown as needed, *CAP its size;
 * the caller frees it once at the end). Returns *BUF, "" for an empty or absent array.
 */
const char *output_join(struct jscan *j, int arr, char **buf, size_t *cap);

/* Prints "KEY:" padded to WIDTH columns and VALUE (continuation lines indented) to F. */
void output_kv(FILE *f, const char *key, const char *value, size_t width);

/* Whether to colour stdout: a terminal, NO_COLOR unset or empty, TERM not "dumb". */
int output_color(void);

/* Columns of the terminal on stdout, or 0 when stdout is not a terminal (never cut then). */
size_t output_width(void);

/* The item table used by list and status: REF WHEN TITLE WHO STATE. */
struct table *output_item_table(void);
int output_item_row(struct table *t, struct jscan *j, int item, char **who, size_t *cap);

#endif
