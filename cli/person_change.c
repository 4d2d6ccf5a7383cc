/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "ctx.h"
#include "nls.h"
#include "person_change.h"
#include "util.h"

/* Editing and removing people and groups: PATCH and DELETE .../people/NAME. */

static int person_change_list(json_t *body, const char *key, struct args *args, const char *opt)
{
	json_t *list;
	const char *v;

	if (!args_has(args, opt))
		return 0;
	if ((list = json_array()) == NULL || json_object_set_new(body, key, list) == -1)
		return -1;
	for (size_t i = 0; (v = args_value(args, opt, i)) != NULL; i++)
		if (json_array_append_new(list, json_string(v)) == -1)
			return -1;
	return 0;
}

static json_t *person_change_body(struct args *args)
{
	json_t *body = json_object();

	if (body == NULL || util_json_set(body, "name", args_get(args, "name")) == -1 ||
	    util_json_set(body, "role", args_get(args, "role")) == -1 ||
	    util_json_set(body, "email", args_get(args, "email")) == -1 ||
	    person_change_list(body, "groups", args, "group") == -1 ||
	    person_change_list(body, "leave", args, "leave") == -1 ||
	    (args_has(args, "new-group") &&
	     json_object_set_new(body, "new_group", json_true()) == -1)) {
		json_decref(body);
		return NULL;
	}
	return body;
}

/* Sends METHOD to .../people/NAME[TAIL] with BODY; prints the reply or SAID. */
static enum cmd_retval person_change_send(struct cmd_ctx *ctx, const char *method, const char *name,
					  const char *tail, json_t *body, const char *said)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *path = ctx_path(ctx, "people", name, tail);

	if (path == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, method, path, body, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		rv = ctx_print_reply(reply);
	else
		printf("%s\n", said);
	jscan_free(reply);
	return rv;
}

enum cmd_retval person_edit(struct cmd_ctx *ctx, struct args *args, int group)
{
	const char *name = args_string(args, 0), *to = args_get(args, "name");
	json_t *body = person_change_body(args);
	enum cmd_retval rv;
	char *said;

	if (body == NULL)
		return ctx_fail("%s", _("out of memory"));
	if (json_object_size(body) == 0) {
		json_decref(body);
		return ctx_usage(ctx, _("say what to change"));
	}
	said = util_printf(_("changed %s %s"), group ? _("group") : _("person"),
			   to != NULL ? to : name);
	rv = person_change_send(ctx, "PATCH", name, NULL, body, said != NULL ? said : "");
	free(said);
	json_decref(body);
	return rv;
}

enum cmd_retval person_remove(struct cmd_ctx *ctx, struct args *args, int group)
{
	const char *name = args_string(args, 0), *to = args_get(args, "reassign");
	char *tail = NULL, *e = NULL, *said;
	enum cmd_retval rv;

	if (to != NULL && ((e = ctx_escape(ctx, to)) == NULL ||
			   (tail = util_printf("?reassign=%s", e)) == NULL)) {
		free(e);
		return CMD_REFUSED;
	}
	if (to != NULL)
		said = util_printf(_("removed %s %s; their open items are %s's now"),
				   group ? _("group") : _("person"), name, to);
	else
		said = util_printf(_("removed %s %s"), group ? _("group") : _("person"), name);
	rv = person_change_send(ctx, "DELETE", name, tail, NULL, said != NULL ? said : "");
	free(said);
	free(tail);
	free(e);
	return rv;
}
