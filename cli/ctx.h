/* SPDX-License-Identifier: MIT */
/* The context of one command run, and what the commands' exec functions use. */
#ifndef QWEEK_CTX_H
#define QWEEK_CTX_H

#include <jansson.h>
#include <stddef.h>

#include "args.h"
#include "entry.h"
#include "jscan.h"

/*
 * The context for running ENTRY: options from ARGS (given after the command) win over GLOBAL
 * (before it), which win over the environment. NULL with *CAUSE on bad usage (--socket with
 * --url). The caller frees it with ctx_free.
 */
struct cmd_ctx *ctx_new(const struct cmd_entry *entry, const struct args *global,
			const struct args *args, char **cause);
void ctx_free(struct cmd_ctx *ctx);

/* Whether --json was given. */
int ctx_json(const struct cmd_ctx *ctx);

/* Colour and cutting on stdout: see output_color and output_width. */
int ctx_color(const struct cmd_ctx *ctx);
size_t ctx_width(const struct cmd_ctx *ctx);

/* The plan's slug ("_" for "the only plan"); ctx_set_plan changes it (SLUG is kept, not copied). */
const char *ctx_plan(const struct cmd_ctx *ctx);
void ctx_set_plan(struct cmd_ctx *ctx, const char *slug);

/* Prints "qweek: MESSAGE", the command's usage and where to read more; returns CMD_USAGE. */
enum cmd_retval ctx_usage(struct cmd_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prints "qweek: MESSAGE" on stderr; returns CMD_REFUSED. */
enum cmd_retval ctx_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * "/api/v1/plans/SLUG[/WHAT[/REF]][TAIL]" with SLUG and REF percent-encoded, malloc'd; NULL
 * (with a message printed) if out of memory or qweekd's address is unusable.
 */
char *ctx_path(struct cmd_ctx *ctx, const char *what, const char *ref, const char *tail);

/* S percent-encoded, malloc'd; NULL (message printed) on failure. */
char *ctx_escape(struct cmd_ctx *ctx, const char *s);

/*
 * Sends METHOD PATH with the LEN bytes at DATA as TYPE (NULL: no body), for files. Returns the
 * HTTP status with the reply's bytes in *REPLY (mem_free it) and *REPLY_LEN, or -1 after
 * printing why qweekd could not be reached.
 */
int ctx_request_bytes(struct cmd_ctx *ctx, const char *method, const char *path, const char *type,
		      const char *data, size_t len, char **reply, size_t *reply_len);

/*
 * Sends METHOD PATH with BODY (NULL: none; stays the caller's). Prints the reply's warnings.
 * Returns CMD_OK with *REPLY set to the reply, an object (the caller frees it with jscan_free),
 * or CMD_REFUSED after printing why (qweekd's message, or why it cannot be reached).
 */
enum cmd_retval ctx_request(struct cmd_ctx *ctx, const char *method, const char *path, json_t *body,
			    struct jscan **reply);

/* Prints REPLY to stdout as qweekd sent it (for --json), ending in a newline. */
enum cmd_retval ctx_print_reply(struct jscan *reply);

#endif
