/* SPDX-License-Identifier: MIT */
#include <string.h>
#include <strings.h>

#include "import/import_ics_check.h"

/*
 * The structure of a calendar, the way libical's parser sees it: content lines unfolded (a
 * line that starts with a space or a tab goes on the one before), a name up to ';' or ':', a
 * value after the first ':' outside double quotes.
 */

#define LINE_HEAD 128 /* of a logical line, as much as the check needs */

/* Copies the start of the logical line at *S into BUF and moves *S past it; *LINE counts. */
static void next_line(const char **s, char *buf, size_t size, int *line)
{
	const char *p = *s;
	size_t n = 0;

	for (;;) {
		if (*p == '\0')
			break;
		if (*p == '\n' || (*p == '\r' && p[1] == '\n')) {
			p += *p == '\r' ? 2 : 1;
			if (*p != ' ' && *p != '\t')
				break;
			p++; /* a folded line goes on */
			(*line)++;
			continue;
		}
		if (n + 1 < size)
			buf[n++] = *p; /* a CR alone is part of the line, as libical reads it */
		p++;
	}
	buf[n] = '\0';
	*s = p;
}

/* 1 for a BEGIN line, 2 for an END line (its value in VALUE), 0 for any other. */
static int marker(const char *line, char *value, size_t size)
{
	size_t name = strcspn(line, ";:");
	const char *p = line + name;
	int quoted = 0, kind;

	if (name == 5 && strncasecmp(line, "BEGIN", 5) == 0)
		kind = 1;
	else if (name == 3 && strncasecmp(line, "END", 3) == 0)
		kind = 2;
	else
		return 0;
	for (; *p != '\0' && (*p != ':' || quoted); p++)
		quoted ^= *p == '"';
	p += *p == ':';
	strncpy(value, p, size - 1);
	value[size - 1] = '\0';
	return kind;
}

int import_ics_check(const char *text, struct error *err)
{
	char stack[ICS_MAX_DEPTH][LINE_HEAD], buf[LINE_HEAD], value[LINE_HEAD];
	int depth = 0, line = 1, calendars = 0, kind;

	for (const char *s = text; *s != '\0'; line++) {
		int at = line;
		next_line(&s, buf, sizeof buf, &line);
		if ((kind = marker(buf, value, sizeof value)) == 1) {
			if (depth == ICS_MAX_DEPTH || *value == '\0')
				return error_set(err, ERR_INVALID,
						 "line %d: a BEGIN that the "
						 "import does not take (nested too deep, or "
						 "empty)",
						 at);
			if (depth == 0 && ++calendars > 1)
				return error_set(err, ERR_INVALID,
						 "line %d: a second calendar; "
						 "import one calendar at a time",
						 at);
			strcpy(stack[depth++], value);
		} else if (kind == 2) {
			if (depth == 0)
				return error_set(err, ERR_INVALID,
						 "line %d: an END before any "
						 "BEGIN",
						 at);
			if (strcasecmp(stack[depth - 1], value) != 0)
				return error_set(err, ERR_INVALID,
						 "line %d: an END that does "
						 "not end BEGIN:%.40s",
						 at, stack[depth - 1]);
			depth--;
		}
	}
	if (depth > 0)
		return error_set(err, ERR_INVALID,
				 "BEGIN:%.40s is never ended: is the file cut "
				 "short?",
				 stack[depth - 1]);
	return 0;
}
