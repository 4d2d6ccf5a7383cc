/* SPDX-License-Identifier: MIT */
/* What the commands on one item share: add, edit, done, reopen, cancel. */
#ifndef QWEEK_ITEM_H
#define QWEEK_ITEM_H

#include <jansson.h>

#include "args.h"
#include "entry.h"

/* The options of add and edit that set the item's fields. */
#define ITEM_OPTIONS                                                                        \
	{ "when", ARGS_VALUE }, { "due", ARGS_VALUE }, { "who", ARGS_VALUE | ARGS_REPEAT }, \
		{ "no", ARGS_VALUE }, { "parent", ARGS_VALUE }, { "where", ARGS_VALUE },    \
		{ "description", ARGS_VALUE },                                              \
	{                                                                                   \
		"remind", ARGS_VALUE                                                        \
	}

/* --note: what done and cancel take. */
extern const struct args_option item_note_options[];
/* done's: --note and --by (who reported it). */
extern const struct args_option item_done_options[];

/* The body for add or edit from ARGS, in *OUT; CMD_OK, or an error already printed. */
enum cmd_retval item_body(struct cmd_ctx *ctx, struct args *args, json_t **out);

/*
 * Sends METHOD for item REF (NULL: the plan's items; ACTION: NULL or "done", ...) with BODY;
 * prints "VERB REF: TITLE[ — WHEN]", or the reply with --json.
 */
enum cmd_retval item_send(struct cmd_ctx *ctx, const char *method, const char *ref,
			  const char *action, json_t *body, const char *verb);

/* done, reopen, cancel: POST ACTION on the item ARGS names, with its --note; says VERB. */
enum cmd_retval item_note(struct cmd_ctx *ctx, struct args *args, const char *action,
			  const char *verb);

#endif
