/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "core/i18n.h"
#include "report/report_render.h"
#include "report/survey_report.h"

/* The report as one self-contained HTML document that prints well (A4, landscape). */

static const char report_css[] =
	"body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
	"margin:1.5em;color:#111}"
	"h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.15em;margin:1.4em 0 .4em}"
	".meta{color:#444;margin:.1em 0}"
	"table{border-collapse:collapse;width:100%}"
	"th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top}"
	"th{background:#eee}td.n,.people th+th{text-align:right;white-space:nowrap}"
	/* A long unbroken word (an item title of 1,000 letters) wraps instead of pushing the table off
	 * the page: "anywhere" also lets the column's minimum width shrink, as on the status page. */
	"td.t,h1,.meta{overflow-wrap:anywhere}"
	"table.totals{width:auto}h3{font-size:1em;margin:1em 0 .2em;break-after:avoid}"
	"table.survey{width:auto;min-width:60%;break-inside:avoid}"
	"tr.overdue td{background:#fde2e2}tr.late td.o{color:#a33}tr.cancelled td{color:#777}"
	"tr.cancelled td.t{text-decoration:line-through}"
	"@page{size:A4 landscape;margin:12mm}"
	"@media print{body{margin:0;font-size:10pt}thead{display:table-header-group}"
	"tr{break-inside:avoid}th{background:#eee!important;"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"tr.overdue td{background:#fde2e2!important;-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}}";

void report_html_open(struct buf *b, const char *lang, const char *title, const char *css,
		      int refresh)
{
	buf_add_str(b, "<!DOCTYPE html>\n<html lang=\"");
	rbuf_html(b, lang);
	buf_add_str(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<meta name=\"referrer\" content=\"no-referrer\">\n");
	if (refresh > 0)
		buf_printf(b, "<meta http-equiv=\"refresh\" content=\"%d\">\n", refresh);
	buf_add_str(b, "<title>");
	rbuf_html(b, title);
	buf_add_str(b, "</title>\n<style>");
	buf_add_str(b, css);
	buf_add_str(b, "</style>\n</head>\n<body>\n");
}

void report_html_close(struct buf *b)
{
	buf_add_str(b, "</body>\n</html>\n");
}

static void html_heading(struct buf *b, const struct report *r)
{
	const struct plan *p = r->plan;
	char a[16], z[16], now[40];

	moment_human_day(p->first_day, a, sizeof a);
	moment_human_day(p->last_day, z, sizeof z);
	moment_human_instant(r->tally.now, p->tz, now, sizeof now);
	buf_printf(b, "<h1>%s: ", i18n(p->lang, W_REPORT_TITLE));
	rbuf_html(b, p->title);
	buf_add_str(b, "</h1>\n");
	if (*p->org != '\0') {
		buf_printf(b, "<p class=\"meta\">%s: ", i18n(p->lang, W_ORG));
		rbuf_html(b, p->org);
		buf_add_str(b, "</p>\n");
	}
	buf_printf(b, "<p class=\"meta\">%s: %s – %s</p>\n<p class=\"meta\">%s: %s</p>\n",
		   i18n(p->lang, W_PERIOD), a, z, i18n(p->lang, W_AS_OF), now);
}

static void total_row(struct buf *b, const char *id, const char *word, long long v)
{
	buf_printf(b, "<tr><th>%s</th><td class=\"n\" id=\"%s\">%lld</td></tr>\n", word, id, v);
}

static void html_totals(struct buf *b, const struct report *r)
{
	const char *l = r->plan->lang;
	const struct report_tally *t = &r->tally;
	char share[160];

	buf_printf(b, "<h2>%s</h2>\n<p id=\"share\">%s</p>\n<table class=\"totals\">\n",
		   i18n(l, W_TOTALS), report_share_text(l, t, share, sizeof share));
	total_row(b, "total", i18n(l, W_TOTAL), t->total);
	total_row(b, "done", i18n(l, W_DONE), t->done);
	total_row(b, "done-on-time", i18n(l, W_DONE_ON_TIME), t->done_on_time);
	total_row(b, "done-late", i18n(l, W_DONE_LATE), t->done_late);
	total_row(b, "open", i18n(l, W_OPEN), t->open);
	total_row(b, "overdue", i18n(l, W_OVERDUE), t->overdue);
	total_row(b, "cancelled", i18n(l, W_CANCELLED), t->cancelled);
	buf_printf(b,
		   "<tr><th>%s</th><td class=\"n\" id=\"share-on-time\">%d%%</td></tr>\n"
		   "</table>\n",
		   i18n(l, W_SHARE_ON_TIME), report_share_on_time(t));
}

static const char *row_class(const struct report_item *it)
{
	switch (it->mark) {
	case REPORT_OVERDUE:
		return "overdue";
	case REPORT_CANCELLED:
		return "cancelled";
	case REPORT_DONE:
		return it->done_at <= it->late_after ? "done" : "done late";
	default:
		return "open";
	}
}

static void html_item(struct buf *b, const struct report *r, const struct report_item *it)
{
	const char *l = r->plan->lang, *tz = r->plan->tz;
	char when[120], done[600], outcome[160];

	buf_printf(b, "<tr class=\"%s\" data-id=\"%lld\"><td>", row_class(it), (long long)it->id);
	rbuf_html(b, it->label);
	buf_add_str(b, "</td><td class=\"t\">");
	rbuf_html(b, it->title);
	buf_add_str(b, "</td><td>");
	rbuf_html(b, report_when(it, tz, l, when, sizeof when));
	buf_add_str(b, "</td><td>");
	rbuf_html(b, it->who);
	buf_add_str(b, "</td><td>");
	rbuf_html(b, report_completed(it, tz, done, sizeof done));
	buf_add_str(b, "</td><td class=\"o\">");
	rbuf_html(b, report_outcome(it, r->tally.now, l, outcome, sizeof outcome));
	buf_add_str(b, "</td><td>");
	rbuf_html(b, it->note);
	buf_add_str(b, "</td></tr>\n");
}

static void html_items(struct buf *b, const struct report *r)
{
	const char *l = r->plan->lang;

	buf_printf(b,
		   "<h2>%s</h2>\n<table class=\"items\">\n<thead><tr><th>%s</th><th>%s</th>"
		   "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n"
		   "<tbody>\n",
		   i18n(l, W_ITEMS), i18n(l, W_LABEL), i18n(l, W_ITEM), i18n(l, W_PLANNED),
		   i18n(l, W_WHO), i18n(l, W_COMPLETED), i18n(l, W_OUTCOME), i18n(l, W_NOTE));
	for (size_t i = 0; i < r->nitems; i++)
		html_item(b, r, &r->items[i]);
	buf_add_str(b, "</tbody>\n</table>\n");
}

void report_html_people(struct buf *b, const struct report_tally *t, const char *l)
{
	buf_printf(b,
		   "<h2>%s</h2>\n<table class=\"people\">\n<thead><tr><th>%s</th>"
		   "<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
		   i18n(l, W_BY_PERSON), i18n(l, W_PERSON), i18n(l, W_TOTAL), i18n(l, W_DONE),
		   i18n(l, W_OVERDUE));
	for (size_t i = 0; i < t->npeople; i++) {
		const struct report_person *p = &t->people[i];
		buf_printf(b, "<tr%s><td>", p->overdue > 0 ? " class=\"overdue\"" : "");
		rbuf_html(b, p->name);
		buf_printf(b,
			   "</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td>"
			   "<td class=\"n\">%lld</td></tr>\n",
			   (long long)p->total, (long long)p->done, (long long)p->overdue);
	}
	buf_add_str(b, "</tbody>\n</table>\n");
}

void report_html(struct buf *b, const struct report *r)
{
	report_html_open(b, r->plan->lang, r->plan->title, report_css, 0);
	html_heading(b, r);
	html_totals(b, r);
	html_items(b, r);
	report_html_people(b, &r->tally, r->plan->lang);
	if (r->survey != NULL)
		survey_report_html(b, r->survey);
	report_html_close(b);
}
