/* SPDX-License-Identifier: MIT */
/* What person add and group add share: adding a name to the plan's people. */
#ifndef QWEEK_PERSON_H
#define QWEEK_PERSON_H

#include "args.h"
#include "entry.h"

/* Adds the person (GROUP 0, with ARGS' options) or group (GROUP 1) ARGS names; says so. */
enum cmd_retval person_add(struct cmd_ctx *ctx, struct args *args, int group);

#endif
