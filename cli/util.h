/* SPDX-License-Identifier: MIT */
/* Small helpers shared by the client's modules. */
#ifndef QWEEK_UTIL_H
#define QWEEK_UTIL_H

#include <jansson.h>

/* Sets *CAUSE to a malloc'd sentence made like printf (NULL if out of memory). Returns -1. */
int util_cause(char **cause, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Like asprintf, but returns the string, or NULL if out of memory. */
char *util_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Sets member KEY of OBJ to the string VALUE, unless VALUE is NULL; 0, or -1 if out of memory. */
int util_json_set(json_t *obj, const char *key, const char *value);

#endif
