/* SPDX-License-Identifier: MIT */
/* Logging with levels: to stderr (the journal under systemd) or to syslog when detached. */
#ifndef QWEEK_LOG_H
#define QWEEK_LOG_H

#include <time.h>

enum log_level { LOG_LEVEL_ERROR, LOG_LEVEL_WARN, LOG_LEVEL_INFO, LOG_LEVEL_DEBUG };

/* Parses "error", "warn", "info", "debug"; -1 if none. */
int log_level_parse(const char *s);
void log_set_level(enum log_level level);
/* From now on, write to syslog instead of stderr (after the daemon detaches). */
void log_to_syslog(void);

void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Logs an impossible state or a failed set-up step, and exits 1. */
/* Milliseconds of CLOCK (clock_gettime) since *T0: how long work took, for the log only. */
double log_ms_since(clockid_t clock, const struct timespec *t0);

void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
