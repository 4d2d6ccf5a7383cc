/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdlib.h>

#include "ctx.h"
#include "person.h"
#include "util.h"
#include "nls.h"

/* What person add and group add share: adding a name to the plan's people. */

/* The body that adds NAME, a person (with ARGS' options) or a group. */
static json_t *person_body(struct args *args, int group)
{
	json_t *body = json_pack("{s:s}", "name", args_string(args, 0)), *groups;
	const char *g;

	if (body == NULL)
		return NULL;
	if (group) {
		if (json_object_set_new(body, "kind", json_string("group")) == -1)
			goto fail;
		return body;
	}
	if (util_json_set(body, "role", args_get(args, "role")) == -1 ||
	    util_json_set(body, "email", args_get(args, "email")) == -1)
		goto fail;
	if (args_has(args, "new-group") &&
	    json_object_set_new(body, "new_group", json_true()) == -1)
		goto fail;
	if (args_has(args, "group")) {
		if ((groups = json_array()) == NULL ||
		    json_object_set_new(body, "groups", groups) == -1)
			goto fail;
		for (size_t i = 0; (g = args_value(args, "group", i)) != NULL; i++) {
			if (json_array_append_new(groups, json_string(g)) == -1)
				goto fail;
		}
	}
	return body;
fail:
	json_decref(body);
	return NULL;
}

enum cmd_retval person_add(struct cmd_ctx *ctx, struct args *args, int group)
{
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body;
	char *path;
	const char *name;

	if ((body = person_body(args, group)) == NULL)
		return ctx_fail(_("out of memory"));
	if ((path = ctx_path(ctx, "people", NULL, NULL)) == NULL) {
		json_decref(body);
		return CMD_REFUSED;
	}
	rv = ctx_request(ctx, "POST", path, body, &reply);
	free(path);
	json_decref(body);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else {
		name = jscan_get_string(reply, 0, "name");
		printf(group ? _("added group %s\n") : _("added person %s\n"),
		       name != NULL ? name : args_string(args, 0));
	}
	jscan_free(reply);
	return CMD_OK;
}
