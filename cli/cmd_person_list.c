/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "cmd.h"
#include "ctx.h"
#include "output.h"
#include "table.h"
#include "nls.h"

/* qweek person list: the people and groups of a plan, as a table. */

static void cmd_person_list_row(struct table *t, struct jscan *j, int person, char **buf,
				size_t *cap)
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
	static const char *const header[] = { N_("NAME"), N_("KIND"), N_("ROLE"), N_("EMAIL"),
					      N_("GROUPS") };
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
		printf(_("no people yet: add them with qweek person add\n"));
	else if ((t = table_new(5)) == NULL)
		rv = ctx_fail(_("out of memory"));
	else {
		table_add_row(t, header);
		table_keep(t, 1);
		for (int p = jscan_first(reply, people); p != -1; p = jscan_next(reply, people, p))
			cmd_person_list_row(t, reply, p, &buf, &cap);
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
	.summary = N_("List the people and groups of the plan"),
	.help = N_("Prints a table of the plan's people and groups: NAME KIND ROLE EMAIL GROUPS.\n"
		   "\n"
		   "example:\n"
		   "  qweek person list --plan nedelya-kachestva-2017\n"),
	.lower = 0,
	.upper = 0,
	.exec = cmd_person_list_exec,
};
