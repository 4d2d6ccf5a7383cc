/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "core/log.h"

/*
 * Under systemd (JOURNAL_STREAM set) each line starts with the kernel-style priority "<N>" so
 * that the journal keeps levels; on a terminal a plain "qweekd: level: " prefix.
 */

static enum log_level current = LOG_LEVEL_INFO;
static int use_syslog;

static const struct {
	const char *name;
	int priority;
} levels[] = {
	[LOG_LEVEL_ERROR] = { "error", LOG_ERR },
	[LOG_LEVEL_WARN] = { "warn", LOG_WARNING },
	[LOG_LEVEL_INFO] = { "info", LOG_INFO },
	[LOG_LEVEL_DEBUG] = { "debug", LOG_DEBUG },
};

int log_level_parse(const char *s)
{
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (strcmp(s, levels[i].name) == 0)
			return (int)i;
	if (strcmp(s, "warning") == 0)
		return LOG_LEVEL_WARN;
	return -1;
}

void log_set_level(enum log_level level)
{
	current = level;
}

void log_to_syslog(void)
{
	openlog("qweekd", LOG_PID, LOG_DAEMON);
	use_syslog = 1;
}

static void log_vwrite(enum log_level level, const char *fmt, va_list ap)
{
	if (level > current)
		return;
	if (use_syslog) {
		vsyslog(levels[level].priority, fmt, ap);
		return;
	}
	if (getenv("JOURNAL_STREAM") != NULL)
		fprintf(stderr, "<%d>", levels[level].priority);
	else
		fprintf(stderr, "qweekd: %s: ", levels[level].name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

#define LOG_FN(fn, level)                   \
	void fn(const char *fmt, ...)       \
	{                                   \
		va_list ap;                 \
		va_start(ap, fmt);          \
		log_vwrite(level, fmt, ap); \
		va_end(ap);                 \
	}

LOG_FN(log_error, LOG_LEVEL_ERROR)
LOG_FN(log_warn, LOG_LEVEL_WARN)
LOG_FN(log_info, LOG_LEVEL_INFO)
LOG_FN(log_debug, LOG_LEVEL_DEBUG)

void fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_LEVEL_ERROR, fmt, ap);
	va_end(ap);
	exit(1);
}

double log_ms_since(clockid_t clock, const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(clock, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}
