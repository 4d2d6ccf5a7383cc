/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "item.h"
#include "output.h"
#include "util.h"
#include "nls.h"

/* What the commands on one item share: the body of add and edit, the request, the answer. */

const struct args_option item_note_options[] = { { "note", ARGS_VALUE }, { NULL, 0 } };
const struct args_option item_done_options[] = { { "note", ARGS_VALUE },
						 { "by", ARGS_VALUE },
						 { NULL, 0 } };

/* Options that are text members of an item's body, and their names there. */
static const struct {
	const char *option, *member;
} item_members[] = {
	{ "title", "title" },
	{ "when", "when" },
	{ "due", "due" },
	{ "no", "label" },
	{ "parent", "parent" },
	{ "where", "where" },
	{ "description", "description" },
	{ "remind", "remind" },
};

/* The body for add or edit from ARGS, in *OUT; CMD_OK, or an error already printed. */
enum cmd_retval item_body(struct cmd_ctx *ctx, struct args *args, json_t **out)
{
	json_t *body, *who;
	const char *v;

	*out = NULL;
	if (args_has(args, "when") && args_has(args, "due"))
		return ctx_usage(ctx, _("give --when or --due, not both"));
	if ((body = json_object()) == NULL)
		return ctx_fail(_("out of memory"));
	for (size_t i = 0; i < sizeof item_members / sizeof item_members[0]; i++) {
		v = args_get(args, item_members[i].option);
		if (util_json_set(body, item_members[i].member, v) == -1)
			goto nomem;
	}
	if (args_has(args, "who")) {
		if ((who = json_array()) == NULL || json_object_set_new(body, "who", who) == -1)
			goto nomem;
		for (size_t i = 0; (v = args_value(args, "who", i)) != NULL; i++) {
			if (*v != '\0' && json_array_append_new(who, json_string(v)) == -1)
				goto nomem;
		}
	}
	*out = body;
	return CMD_OK;
nomem:
	json_decref(body);
	return ctx_fail(_("out of memory"));
}

/* Prints "VERB REF: TITLE[ — WHEN]" for the item in REPLY, or REPLY itself with --json. */
static void item_say(struct cmd_ctx *ctx, struct jscan *reply, const char *verb, int with_id,
		     int with_when)
{
	struct output_item it;

	if (ctx_json(ctx)) {
		ctx_print_reply(reply);
		return;
	}
	output_item(reply, 0, &it);
	printf("%s %s", verb, it.ref);
	if (with_id && it.label != NULL)
		printf(" (@%lld)", it.id);
	printf(": %s", it.title);
	if (with_when && it.when[0] != '\0')
		printf(" — %s", it.when);
	putchar('\n');
}

/* Sends METHOD for item REF (ACTION: NULL or "done", ...) with BODY; prints with VERB. */
enum cmd_retval item_send(struct cmd_ctx *ctx, const char *method, const char *ref,
			  const char *action, json_t *body, const char *verb)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *path, *tail = NULL;

	if (action != NULL && (tail = util_printf("/%s", action)) == NULL)
		return ctx_fail(_("out of memory"));
	path = ctx_path(ctx, "items", ref, tail);
	free(tail);
	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, method, path, body, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	item_say(ctx, reply, verb, ref == NULL, ref == NULL || strcmp(method, "PATCH") == 0);
	jscan_free(reply);
	return CMD_OK;
}

enum cmd_retval item_note(struct cmd_ctx *ctx, struct args *args, const char *action,
			  const char *verb)
{
	enum cmd_retval rv;
	json_t *body;

	if ((body = json_object()) == NULL ||
	    util_json_set(body, "note", args_get(args, "note")) == -1 ||
	    util_json_set(body, "by", args_get(args, "by")) == -1) {
		json_decref(body);
		return ctx_fail(_("out of memory"));
	}
	rv = item_send(ctx, "POST", args_string(args, 0), action, body, verb);
	json_decref(body);
	return rv;
}
