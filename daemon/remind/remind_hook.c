/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/moment.h"
#include "remind/remind_hook.h"
#include "grow.h"

/* The notify hook's environment, built in the daemon before it forks. */

extern char **environ;

static const char *const message_names[] = { "event", "deadline", "overdue",
					     "copy",  "test",	  "digest" };

struct env {
	char **v;
	size_t n, cap;
	int failed;
};

static void env_put(struct env *e, const char *name, const char *value)
{
	char *s;

	if (e->failed)
		return;
	if (grow(&e->v, &e->cap, e->n + 2, sizeof *e->v) == -1) {
		e->failed = 1;
		return;
	}
	if (asprintf(&s, "%s=%s", name, value != NULL ? value : "") == -1) {
		e->failed = 1;
		return;
	}
	e->v[e->n++] = s;
	e->v[e->n] = NULL;
}

static void env_int(struct env *e, const char *name, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	env_put(e, name, buf);
}

/* The daemon's own environment, less anything QWEEK*: the hook hears only of this reminder. */
static void inherit(struct env *e)
{
	for (char **p = environ; p != NULL && *p != NULL && !e->failed; p++) {
		char *eq = strchr(*p, '='), *name;

		if (eq == NULL || strncmp(*p, "QWEEK", 5) == 0)
			continue;
		if ((name = strndup(*p, (size_t)(eq - *p))) == NULL) {
			e->failed = 1;
			return;
		}
		env_put(e, name, eq + 1);
		free(name);
	}
}

static void item_vars(struct env *e, const struct remind_hook_in *in)
{
	const struct remind_item *it = in->msg->item;
	const char *tz = in->msg->plan->tz;
	char buf[160], *who, *p;

	env_put(e, "QWEEK_ITEM", in->msg->ref);
	env_int(e, "QWEEK_ITEM_ID", it->id);
	env_put(e, "QWEEK_TITLE", it->title);
	env_put(e, "QWEEK_KIND", it->kind);
	remind_text_when(it, tz, buf, sizeof buf);
	env_put(e, "QWEEK_WHEN", buf);
	moment_iso_instant(it->at, tz, buf, sizeof buf);
	env_put(e, "QWEEK_AT", buf);
	env_put(e, "QWEEK_WHERE", it->place);
	if ((who = malloc(strlen(it->who) * 2 + 1)) == NULL) {
		e->failed = 1;
		return;
	}
	p = who;
	for (const char *s = it->who; *s != '\0'; s++) {
		if (*s == '\x1f') {
			*p++ = ',';
			*p++ = ' ';
		} else
			*p++ = *s;
	}
	*p = '\0';
	env_put(e, "QWEEK_WHO", who);
	free(who);
	env_put(e, "QWEEK_DONE_COMMAND", in->msg->done_command);
}

static void page_var(struct env *e, const struct remind_hook_in *in)
{
	const char *page = in->msg->page_url != NULL ? in->msg->page_url : "";
	char *url = NULL;

	if (*page != '\0' && in->msg->item != NULL &&
	    asprintf(&url, "%s#item-%lld", page, (long long)in->msg->item->id) != -1) {
		env_put(e, "QWEEK_PAGE_URL", url);
		free(url);
	} else {
		env_put(e, "QWEEK_PAGE_URL", page);
	}
}

char **remind_hook_env(const struct remind_hook_in *in)
{
	const struct plan *plan = in->msg->plan;
	struct env e = { NULL, 0, 0, 0 };
	char buf[64];

	inherit(&e);
	env_put(&e, "QWEEK_MESSAGE", message_names[in->msg->kind]);
	env_put(&e, "QWEEK_SUBJECT", in->text->subject);
	env_put(&e, "QWEEK_PLAN", plan->slug);
	env_put(&e, "QWEEK_PLAN_TITLE", plan->title);
	env_put(&e, "QWEEK_LANG", plan->lang);
	env_put(&e, "QWEEK_TZ", plan->tz);
	env_put(&e, "QWEEK_PERSON", in->person->name);
	env_put(&e, "QWEEK_EMAIL", in->person->email);
	env_put(&e, "QWEEK_ROLE", in->person->role);
	env_int(&e, "QWEEK_REMINDER_ID", in->row->id);
	env_put(&e, "QWEEK_RULE", in->row->rule);
	moment_iso_instant(in->row->occurrence, plan->tz, buf, sizeof buf);
	env_put(&e, "QWEEK_OCCURRENCE", buf);
	if (in->msg->item != NULL)
		item_vars(&e, in);
	page_var(&e, in);
	if (e.failed || e.v == NULL) {
		remind_hook_env_free(e.v);
		return NULL;
	}
	return e.v;
}

void remind_hook_env_free(char **env)
{
	for (char **p = env; p != NULL && *p != NULL; p++)
		free(*p);
	free(env);
}
