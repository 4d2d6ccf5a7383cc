/* SPDX-License-Identifier: MIT */
/* What person edit/remove and group edit/remove share (person_change.c). */
#ifndef QWEEK_PERSON_CHANGE_H
#define QWEEK_PERSON_CHANGE_H

#include "args.h"
#include "entry.h"

/* Changes the person or group ARGS names (GROUP: a group) as ARGS' options say; says so. */
enum cmd_retval person_edit(struct cmd_ctx *ctx, struct args *args, int group);

/* Removes the person or group ARGS names, their open items going to --reassign. */
enum cmd_retval person_remove(struct cmd_ctx *ctx, struct args *args, int group);

#endif
