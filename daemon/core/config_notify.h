/* SPDX-License-Identifier: MIT */
/* qweekd -n: does the notify hook's program exist, and may it be run? */
#ifndef QWEEK_CONFIG_NOTIFY_H
#define QWEEK_CONFIG_NOTIFY_H

#include "core/config.h"

/*
 * Whether [notify] command names a program that exists and may be run (the first word of the
 * shell command, looked up in PATH when it has no '/'). 0, or -1 with *CAUSE (malloc'd).
 */
int config_notify_check(const struct config *c, char **cause);

#endif
