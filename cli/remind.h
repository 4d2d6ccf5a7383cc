/* SPDX-License-Identifier: MIT */
/* What the reminder commands share: times, the table of reminders, an item's, the plan's rules. */
#ifndef QWEEK_REMIND_H
#define QWEEK_REMIND_H

#include <jansson.h>
#include <stddef.h>

#include "entry.h"
#include "jscan.h"

/* "14.11.2017 15:00" from the instant KEY of object OBJ (or "" for null), in BUF. */
const char *remind_at(struct jscan *j, int obj, const char *key, char *buf, size_t len);

/* The reminders of array ARR as a table: AT STATE ITEM TO RULE VIA NOTE. */
void remind_table(struct cmd_ctx *ctx, struct jscan *j, int arr);

/* remind show (SPEC NULL) or remind set: the reminders of item REF, and those to come. */
enum cmd_retval remind_item(struct cmd_ctx *ctx, const char *ref, const char *spec);

/* The plan's rules, changed by BODY first unless it is NULL; printed. */
enum cmd_retval remind_rules(struct cmd_ctx *ctx, json_t *body);

#endif
