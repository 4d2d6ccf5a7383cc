/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "core/i18n.h"
#include "report/report_render.h"
#include "report/survey_report.h"

/* The report as Markdown: a heading, then a GitHub-style table per section. */

static void md_heading(struct buf *b, const struct report *r)
{
	const struct plan *p = r->plan;
	char a[16], z[16], now[40];

	moment_human_day(p->first_day, a, sizeof a);
	moment_human_day(p->last_day, z, sizeof z);
	moment_human_instant(r->tally.now, p->tz, now, sizeof now);
	buf_printf(b, "# %s: ", i18n(p->lang, W_REPORT_TITLE));
	rbuf_md(b, p->title);
	buf_add_str(b, "\n\n");
	if (*p->org != '\0') {
		buf_printf(b, "%s: ", i18n(p->lang, W_ORG));
		rbuf_md(b, p->org);
		buf_add_str(b, "  \n");
	}
	buf_printf(b, "%s: %s – %s  \n%s: %s\n\n", i18n(p->lang, W_PERIOD), a, z,
		   i18n(p->lang, W_AS_OF), now);
}

static void md_totals(struct buf *b, const struct report *r)
{
	const char *l = r->plan->lang;
	const struct report_tally *t = &r->tally;
	char share[160];

	buf_printf(b, "## %s\n\n%s\n\n| | |\n|---|---:|\n", i18n(l, W_TOTALS),
		   report_share_text(l, t, share, sizeof share));
	buf_printf(b, "| %s | %lld |\n", i18n(l, W_TOTAL), (long long)t->total);
	buf_printf(b, "| %s | %lld |\n", i18n(l, W_DONE), (long long)t->done);
	buf_printf(b, "| %s | %lld |\n", i18n(l, W_DONE_ON_TIME), (long long)t->done_on_time);
	buf_printf(b, "| %s | %lld |\n", i18n(l, W_DONE_LATE), (long long)t->done_late);
	buf_printf(b, "| %s | %lld |\n", i18n(l, W_OPEN), (long long)t->open);
	buf_printf(b, "| %s | %lld |\n", i18n(l, W_OVERDUE), (long long)t->overdue);
	buf_printf(b, "| %s | %lld |\n", i18n(l, W_CANCELLED), (long long)t->cancelled);
	buf_printf(b, "| %s | %d%% |\n\n", i18n(l, W_SHARE_ON_TIME), report_share_on_time(t));
}

static void md_items(struct buf *b, const struct report *r)
{
	const char *l = r->plan->lang, *tz = r->plan->tz;
	char when[120], done[600], outcome[160];

	buf_printf(b,
		   "## %s\n\n| %s | %s | %s | %s | %s | %s | %s |\n"
		   "|---|---|---|---|---|---|---|\n",
		   i18n(l, W_ITEMS), i18n(l, W_LABEL), i18n(l, W_ITEM), i18n(l, W_PLANNED),
		   i18n(l, W_WHO), i18n(l, W_COMPLETED), i18n(l, W_OUTCOME), i18n(l, W_NOTE));
	for (size_t i = 0; i < r->nitems; i++) {
		const struct report_item *it = &r->items[i];
		buf_add_str(b, "| ");
		rbuf_md(b, it->label);
		buf_add_str(b, " | ");
		rbuf_md(b, it->title);
		buf_printf(b, " | %s | ", report_when(it, tz, l, when, sizeof when));
		rbuf_md(b, it->who);
		buf_add_str(b, " | ");
		rbuf_md(b, report_completed(it, tz, done, sizeof done));
		buf_printf(b, " | %s | ",
			   report_outcome(it, r->tally.now, l, outcome, sizeof outcome));
		rbuf_md(b, it->note);
		buf_add_str(b, " |\n");
	}
	buf_add_str(b, "\n");
}

static void md_people(struct buf *b, const struct report *r)
{
	const char *l = r->plan->lang;

	buf_printf(b, "## %s\n\n| %s | %s | %s | %s |\n|---|---:|---:|---:|\n",
		   i18n(l, W_BY_PERSON), i18n(l, W_PERSON), i18n(l, W_TOTAL), i18n(l, W_DONE),
		   i18n(l, W_OVERDUE));
	for (size_t i = 0; i < r->tally.npeople; i++) {
		const struct report_person *p = &r->tally.people[i];
		buf_add_str(b, "| ");
		rbuf_md(b, p->name);
		buf_printf(b, " | %lld | %lld | %lld |\n", (long long)p->total, (long long)p->done,
			   (long long)p->overdue);
	}
}

void report_md(struct buf *b, const struct report *r)
{
	md_heading(b, r);
	md_totals(b, r);
	md_items(b, r);
	md_people(b, r);
	if (r->survey != NULL)
		survey_report_md(b, r->survey);
}
