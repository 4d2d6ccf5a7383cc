/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "output.h"
#include "table.h"
#include "util.h"

/* qweek person add | person list | group add: the people and groups of a plan. */

static const struct args_option cmd_person_add_options[] = { { "role", ARGS_VALUE },
							     { "email", ARGS_VALUE },
							     { "group", ARGS_VALUE | ARGS_REPEAT },
							     { NULL, 0 } };

/* The body that adds NAME, a person (with ARGS' options) or a group. */
static json_t *cmd_person_body(struct args *args, int group)
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

static enum cmd_retval cmd_person_add_common(struct cmd_ctx *ctx, struct args *args, int group)
{
	struct jscan *reply;
	enum cmd_retval rv;
	json_t *body;
	char *path;
	const char *name;

	if ((body = cmd_person_body(args, group)) == NULL)
		return ctx_fail("out of memory");
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
		printf("added %s %s\n", group ? "group" : "person",
		       name != NULL ? name : args_string(args, 0));
	}
	jscan_free(reply);
	return CMD_OK;
}

static enum cmd_retval cmd_person_add_exec(struct cmd_ctx *ctx, struct args *args)
{
	return cmd_person_add_common(ctx, args, 0);
}

const struct cmd_entry cmd_person_add_entry = {
	.name = "person add",
	.usage = "NAME [--role ROLE] [--email ADDR] [--group GROUP]...",
	.summary = "Add a person who can be responsible for items",
	.help = "Adds a person to the plan. --group puts them in a group (made when missing);\n"
		"give it once per group. Items name people and groups with --who. Names are\n"
		"unique in a plan, whatever the case. With --email, qweekd can send reminders.\n"
		"\n"
		"example:\n"
		"  qweek person add \"Иванова А. П.\" --role психолог --email ivanova@example.org \\\n"
		"      --group Психологи --group \"Заведующие отделениями\"\n",
	.options = cmd_person_add_options,
	.lower = 1,
	.upper = 1,
	.exec = cmd_person_add_exec,
};

static enum cmd_retval cmd_group_add_exec(struct cmd_ctx *ctx, struct args *args)
{
	return cmd_person_add_common(ctx, args, 1);
}

const struct cmd_entry cmd_group_add_entry = {
	.name = "group add",
	.usage = "NAME",
	.summary = "Add a group of people (\"Психологи\")",
	.help = "Adds a group to the plan: an item given to a group is on the calendar of each of\n"
		"its people. Put people in it with qweek person add NAME --group GROUP.\n"
		"\n"
		"example:\n"
		"  qweek group add \"Специалисты отделения реабилитации\"\n",
	.lower = 1,
	.upper = 1,
	.exec = cmd_group_add_exec,
};

static void cmd_person_row(struct table *t, struct jscan *j, int person, char **buf, size_t *cap)
{
	const char *cells[5];

	cells[0] = jscan_get_string(j, person, "name");
	cells[1] = jscan_get_string(j, person, "kind");
	cells[2] = jscan_get_string(j, person, "role");
	cells[3] = jscan_get_string(j, person, "email");
	cells[4] = output_join(j, jscan_get(j, person, "groups"), buf, cap);
	table_add_row(t, cells);
}

static enum cmd_retval cmd_person_list_exec(struct cmd_ctx *ctx, struct args *args)
{
	static const char *const header[] = { "NAME", "KIND", "ROLE", "EMAIL", "GROUPS" };
	struct jscan *reply;
	struct table *t;
	enum cmd_retval rv;
	char *path, *buf = NULL;
	size_t cap = 0;
	int people;

	if ((path = ctx_path(ctx, "people", NULL, NULL)) == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	people = jscan_get(reply, 0, "people");
	if (ctx_json(ctx))
		rv = ctx_print_reply(reply);
	else if (jscan_first(reply, people) == -1)
		printf("no people yet: add them with qweek person add\n");
	else if ((t = table_new(5)) == NULL)
		rv = ctx_fail("out of memory");
	else {
		table_add_row(t, header);
		table_keep(t, 1);
		for (int p = jscan_first(reply, people); p != -1; p = jscan_next(reply, people, p))
			cmd_person_row(t, reply, p, &buf, &cap);
		table_print(t, stdout, ctx_width(ctx), ctx_color(ctx));
		table_free(t);
	}
	free(buf);
	jscan_free(reply);
	return rv;
}

const struct cmd_entry cmd_person_list_entry = {
	.name = "person list",
	.usage = "",
	.summary = "List the people and groups of the plan",
	.help = "Prints a table of the plan's people and groups: NAME KIND ROLE EMAIL GROUPS.\n"
		"\n"
		"example:\n"
		"  qweek person list --plan nedelya-kachestva-2017\n",
	.lower = 0,
	.upper = 0,
	.exec = cmd_person_list_exec,
};
