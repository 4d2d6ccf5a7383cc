/* SPDX-License-Identifier: MIT */
/* qweek's commands: the descriptor each cmd_*.c exports, lookup, and what exec functions use. */
#ifndef QWEEK_CMD_H
#define QWEEK_CMD_H

#include <jansson.h>
#include <stdio.h>

#include "args.h"
#include "jscan.h"

/* Exit statuses. */
enum cmd_retval {
	CMD_OK = 0,
	CMD_REFUSED = 1, /* qweekd refused, or could not be reached */
	CMD_USAGE = 2,	 /* the command line is wrong */
};

struct cmd_ctx;

/* One command; each cmd_*.c exports its descriptors, cmd.c lists them all. */
struct cmd_entry {
	const char *name;    /* one or two words: "add", "plan new" */
	const char *usage;   /* what follows the name */
	const char *summary; /* one line for qweek --help */
	const char *help;    /* a description and an example, for qweek help NAME */
	const struct args_option *options;
	int lower, upper; /* positional arguments; upper -1 for no limit */
	enum cmd_retval (*exec)(struct cmd_ctx *ctx, struct args *args);
};

extern const struct cmd_entry cmd_plan_new_entry, cmd_plan_list_entry, cmd_plan_show_entry;
extern const struct cmd_entry cmd_person_add_entry, cmd_person_list_entry, cmd_group_add_entry;
extern const struct cmd_entry cmd_person_token_entry, cmd_person_revoke_entry;
extern const struct cmd_entry cmd_person_link_entry;
extern const struct cmd_entry cmd_add_entry, cmd_edit_entry, cmd_show_entry, cmd_cancel_entry;
extern const struct cmd_entry cmd_done_entry, cmd_reopen_entry;
extern const struct cmd_entry cmd_list_entry, cmd_status_entry, cmd_help_entry;
extern const struct cmd_entry cmd_import_entry, cmd_export_entry;
extern const struct cmd_entry cmd_report_entry, cmd_feed_entry;
extern const struct cmd_entry cmd_plan_edit_entry, cmd_remind_list_entry, cmd_remind_test_entry;
extern const struct cmd_entry cmd_remind_set_entry, cmd_remind_show_entry, cmd_remind_status_entry;
extern const struct cmd_entry cmd_remind_digest_entry;

/* The options every command takes, before or after its name. */
extern const struct args_option cmd_global_options[];

/* Runs qweek on ARGC and ARGV as main gets them (ARGV may be reordered); the exit status. */
int cmd_main(int argc, char **argv);

/*
 * The command named by the first words of ARGV (ARGC of them), each word exact or a unique
 * prefix ("pl l" is "plan list"); *WORDS says how many words name it. NULL with *CAUSE
 * (malloc'd) when unknown or ambiguous; *GROUP is then set to "plan"/"person"/"group" when
 * ARGV[0] names such a group of commands, else NULL.
 */
const struct cmd_entry *cmd_find(int argc, char *const *argv, int *words, const char **group,
				 char **cause);

/* "usage: qweek NAME USAGE" and a newline. */
void cmd_print_usage(FILE *f, const struct cmd_entry *entry);

/* The usage, summary and help of ENTRY. */
void cmd_print_help(FILE *f, const struct cmd_entry *entry);

/* The commands of GROUP ("plan"), or of all of qweek when GROUP is NULL. */
void cmd_print_list(FILE *f, const char *group);

/* ctx.c: the context of one command run, and what exec functions use. */

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
