/* SPDX-License-Identifier: MIT */
/* A fast read-only JSON reader for qweekd's replies: one pass, one token array, no tree. */
#ifndef QWEEK_JSCAN_H
#define QWEEK_JSCAN_H

#include <stddef.h>

/*
 * Why not jansson here: parsing a 2,000-item list (1.4 MB) with jansson takes 20-40 ms, four
 * times the client's whole budget. jscan checks the same grammar (RFC 8259, UTF-8, no \u0000)
 * and decodes a string only when it is asked for. jansson still builds the request bodies.
 */

enum jscan_type {
	JSCAN_NULL,
	JSCAN_FALSE,
	JSCAN_TRUE,
	JSCAN_NUMBER,
	JSCAN_STRING,
	JSCAN_ARRAY,
	JSCAN_OBJECT,
};

struct jscan;

/*
 * Parses the LEN bytes at BUF, which it takes over: BUF is from mem_alloc with room for LEN + 1
 * bytes; jscan_free frees it, also on failure. Returns the parsed document, or NULL with *CAUSE
 * set to a malloc'd sentence. Values are token numbers: 0 is the top value, -1 "absent".
 */
struct jscan *jscan_parse(char *buf, size_t len, char **cause);
void jscan_free(struct jscan *j);

/*
 * Strings are decoded in place in BUF, which saves memory; after jscan_keep_raw, which must
 * come before the first jscan_string, they are decoded aside and jscan_raw gives the text
 * exactly as received, for printing a reply as it came.
 */
void jscan_keep_raw(struct jscan *j);
const char *jscan_raw(const struct jscan *j, size_t *len);

enum jscan_type jscan_type(const struct jscan *j, int tok);

/*
 * The value of member KEY of object OBJ, or -1 (OBJ not an object, or no such member). Asking
 * for members in the order they come is fastest. Of duplicate names, any one may be found.
 */
int jscan_get(struct jscan *j, int obj, const char *key);

/* The first element of array ARR, and the one after TOK in it; -1 when there is none. */
int jscan_first(const struct jscan *j, int arr);
int jscan_next(const struct jscan *j, int arr, int tok);

/* Elements of an array or members of an object; 0 for anything else. */
size_t jscan_size(const struct jscan *j, int tok);

/*
 * The text of a scalar, NUL-terminated and owned by J: a string decoded, a number or true/false
 * as written. NULL for null, containers and -1.
 */
const char *jscan_string(struct jscan *j, int tok);

/* Shorthands on member KEY of OBJ: its text (NULL when absent or null), an integer, a boolean. */
const char *jscan_get_string(struct jscan *j, int obj, const char *key);
long long jscan_get_int(struct jscan *j, int obj, const char *key, long long dflt);
int jscan_get_bool(struct jscan *j, int obj, const char *key);

#endif
