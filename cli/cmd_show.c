/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ctx.h"
#include "output.h"
#include "nls.h"

/* qweek show: every field of one item. */

static void cmd_show_print(struct jscan *r)
{
	enum { W = 13 };
	struct output_item it;
	char buf[512], when[96], *who = NULL;
	size_t cap = 0;
	const char *typed = jscan_get_string(r, 0, "when");
	static const char *const texts[] = { "parent", "where", "description", "note", NULL };
	static const char *const shown[] = { N_("parent"), N_("where"), N_("description"),
					     N_("note") };

	output_item(r, 0, &it);
	snprintf(buf, sizeof buf, "%s (@%lld)", it.ref, it.id);
	output_kv(stdout, _("ref"), it.label != NULL ? buf : it.ref, W);
	output_kv(stdout, _("title"), it.title, W);
	if (typed != NULL && *typed != '\0' && strcmp(typed, it.when) != 0)
		snprintf(buf, sizeof buf, _("%s (as written: %s)"), it.when, typed);
	else
		snprintf(buf, sizeof buf, "%s", it.when);
	output_kv(stdout, _("when"), buf, W);
	output_kv(stdout, _("kind"), jscan_get_string(r, 0, "kind"), W);
	output_kv(stdout, _("who"), output_join(r, jscan_get(r, 0, "who"), &who, &cap), W);
	output_kv(stdout, _("state"),
		  it.overdue && strcmp(it.state, "open") == 0 ? _("open, OVERDUE") :
		  *it.state != '\0'			      ? _(it.state) :
								it.state,
		  W);
	for (const char *const *k = texts; *k != NULL; k++)
		output_kv(stdout, _(shown[k - texts]), jscan_get_string(r, 0, *k), W);
	output_kv(stdout, _("done at"),
		  output_when(jscan_get_string(r, 0, "done_at"), NULL, NULL, when, sizeof when), W);
	output_kv(stdout, _("done by"), jscan_get_string(r, 0, "done_by"), W);
	output_kv(stdout, _("created"),
		  output_when(jscan_get_string(r, 0, "created"), NULL, NULL, when, sizeof when), W);
	output_kv(stdout, _("updated"),
		  output_when(jscan_get_string(r, 0, "updated"), NULL, NULL, when, sizeof when), W);
	free(who);
}

static enum cmd_retval cmd_show_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct jscan *reply;
	enum cmd_retval rv;
	char *path;

	if ((path = ctx_path(ctx, "items", args_string(args, 0), NULL)) == NULL)
		return CMD_REFUSED;
	rv = ctx_request(ctx, "GET", path, NULL, &reply);
	free(path);
	if (rv != CMD_OK)
		return rv;
	if (ctx_json(ctx))
		ctx_print_reply(reply);
	else
		cmd_show_print(reply);
	jscan_free(reply);
	return CMD_OK;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "REF",
	.summary = N_("Show an item"),
	.help = N_(
		"Prints every field of the item REF (its number \"7.2\", or \"@\" and its id) as\n"
		"lines of key: value.\n"
		"\n"
		"example:\n"
		"  qweek show 7.2\n"),
	.lower = 1,
	.upper = 1,
	.exec = cmd_show_exec,
};
