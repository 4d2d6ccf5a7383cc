/* SPDX-License-Identifier: MIT */
/* Running qweek: its options, the command named, that command's options and context. */
#ifndef QWEEK_RUN_H
#define QWEEK_RUN_H

#include "args.h"

/* The options every command takes, before or after its name. */
extern const struct args_option run_global_options[];

/* Runs qweek on ARGC and ARGV as main gets them (ARGV may be reordered); the exit status. */
int run_main(int argc, char **argv);

#endif
