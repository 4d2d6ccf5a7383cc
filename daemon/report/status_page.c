/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "report/report_render.h"
#include "report/status_page.h"
#include "report/survey_words.h"

/*
 * The status page: progress, the counts, what is late, what comes next, the week day by day,
 * the table by person, and the completion notes. One HTML document with its style inline,
 * no script, nothing external; it refreshes itself every five minutes, reads on a phone and
 * prints.
 */

static const char page_css[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
	"margin:0 auto;padding:.8em;max-width:60em;color:#111;background:#fff}"
	"h1{font-size:1.35em;margin:.2em 0}h2{font-size:1.1em;margin:1.2em 0 .4em;"
	"border-bottom:1px solid #ccc}.meta{color:#555;margin:.1em 0}"
	".bar{height:1.1em;background:#e5e5e5;border-radius:.3em;overflow:hidden;margin:.6em 0}"
	".bar span{display:block;height:100%;background:#2e7d32}"
	".counts{display:flex;flex-wrap:wrap;gap:.4em;padding:0;list-style:none}"
	".counts li{flex:1 1 6.5em;border:1px solid #ccc;border-radius:.3em;padding:.3em .5em}"
	".counts b{display:block;font-size:1.4em}.counts .overdue{border-color:#c62828;"
	"color:#c62828}ul.items{list-style:none;padding:0;margin:0}"
	"ul.items li{padding:.3em .4em;border-left:.3em solid #90a4ae;margin:.25em 0;"
	"background:#f7f7f7;overflow-wrap:anywhere}"
	"ul.items li.done{border-color:#2e7d32}ul.items li.overdue{border-color:#c62828;"
	"background:#fdecea}ul.items li.cancelled{color:#777;text-decoration:line-through}"
	"ul.items li.soon{border-color:#f9a825}.when{color:#555;font-size:.9em}"
	".state{font-size:.85em;color:#555}.overdue .state{color:#c62828;font-weight:bold}"
	".day h3{font-size:1em;margin:.8em 0 .2em}"
	"table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;"
	"padding:.25em .3em;text-align:left}td{overflow-wrap:anywhere}td.n,.people th+th{text-align:right}"
	"tr.overdue td{color:#c62828}footer{margin-top:2em;color:#777;font-size:.85em}"
	/*
	 * A phone: the table's long headers ("Ответственный", "Просрочено") must not push the page
	 * sideways. Names wrap; headers get smaller, and break inside a word only on the narrowest.
	 */
	"@media (max-width:30em){body{padding:.6em}table{font-size:.85em}th,td{padding:.25em .2em}"
	"th{font-size:.9em}}@media (max-width:21em){th{overflow-wrap:anywhere}}"
	"@media print{body{max-width:none;font-size:10pt}.bar span,ul.items li{"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}li,tr{break-inside:avoid}"
	"footer{display:none}}";

static void page_heading(struct buf *b, const struct report *r)
{
	const struct plan *p = r->plan;
	char a[16], z[16], now[40];

	moment_human_day(p->first_day, a, sizeof a);
	moment_human_day(p->last_day, z, sizeof z);
	moment_human_instant(r->tally.now, p->tz, now, sizeof now);
	buf_add_str(b, "<header>\n<h1>");
	rbuf_html(b, p->title);
	buf_add_str(b, "</h1>\n");
	if (*p->org != '\0') {
		buf_add_str(b, "<p class=\"meta\">");
		rbuf_html(b, p->org);
		buf_add_str(b, "</p>\n");
	}
	buf_printf(b, "<p class=\"meta\">%s – %s · %s %s</p>\n</header>\n", a, z,
		   i18n(p->lang, W_AS_OF), now);
}

static void count_li(struct buf *b, const char *key, const char *word, long long v)
{
	buf_printf(b, "<li class=\"%s\"><b id=\"count-%s\" data-count=\"%lld\">%lld</b>%s</li>\n",
		   key, key, v, v, word);
}

static void page_progress(struct buf *b, const struct report *r)
{
	const char *l = r->plan->lang;
	const struct report_tally *t = &r->tally;
	int pct = report_percent(t->done, t->total - t->cancelled);
	char share[160];

	/* The share says its base ("5 из 16 запланированных, 31 %; 5 отменено"), so that it adds
	 * up with the counts below, where "total" includes the cancelled. */
	buf_printf(b,
		   "<section id=\"progress\">\n<h2>%s</h2>\n<p><b id=\"share\">%s</b></p>\n"
		   "<div class=\"bar\" role=\"img\" aria-label=\"%d %%\">"
		   "<span style=\"width:%d%%\"></span></div>\n<ul class=\"counts\">\n",
		   i18n(l, W_STATUS_TITLE), report_share_text(l, t, share, sizeof share), pct, pct);
	count_li(b, "total", i18n(l, W_TOTAL), t->total);
	count_li(b, "done", i18n(l, W_DONE), t->done);
	count_li(b, "open", i18n(l, W_OPEN), t->open);
	count_li(b, "overdue", i18n(l, W_OVERDUE), t->overdue);
	count_li(b, "cancelled", i18n(l, W_CANCELLED), t->cancelled);
	if (r->survey_count >= 0)
		count_li(b, "survey", survey_word(l, SW_SURVEY_LINE), r->survey_count);
	buf_add_str(b, "</ul>\n</section>\n");
}

/* The items marked MARK, under a heading (nothing when there are none). */
static void page_marked(struct buf *b, const struct report *r, enum report_mark mark,
			const char *id, enum i18n_word heading)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nitems; i++)
		n += r->items[i].mark == mark;
	if (n == 0)
		return;
	buf_printf(b, "<section id=\"%s\">\n<h2>%s (%zu)</h2>\n<ul class=\"items\">\n", id,
		   i18n(r->plan->lang, heading), n);
	for (size_t i = 0; i < r->nitems; i++)
		if (r->items[i].mark == mark)
			status_page_item(b, r, &r->items[i]);
	buf_add_str(b, "</ul>\n</section>\n");
}

static void page_notes(struct buf *b, const struct report *r)
{
	const char *tz = r->plan->tz;
	char done[600];
	size_t n = 0;

	for (size_t i = 0; i < r->nitems; i++)
		n += *r->items[i].note != '\0';
	if (n == 0)
		return;
	buf_printf(b, "<section id=\"notes\">\n<h2>%s</h2>\n<ul class=\"items\">\n",
		   i18n(r->plan->lang, W_NOTES));
	for (size_t i = 0; i < r->nitems; i++) {
		const struct report_item *it = &r->items[i];
		if (*it->note == '\0')
			continue;
		buf_printf(b, "<li class=\"%s\">", status_page_item_class(it->mark));
		if (*it->label != '\0') {
			rbuf_html(b, it->label);
			buf_add_str(b, ". ");
		}
		rbuf_html(b, it->title);
		buf_add_str(b, "<br><span class=\"when\">");
		rbuf_html(b, report_completed(it, tz, done, sizeof done));
		buf_add_str(b, "</span><br>");
		rbuf_html(b, it->note);
		buf_add_str(b, "</li>\n");
	}
	buf_add_str(b, "</ul>\n</section>\n");
}

void status_page_render(struct buf *b, const struct report *r)
{
	const char *l = r->plan->lang;

	report_html_open(b, l, r->plan->title, page_css, 300);
	page_heading(b, r);
	page_progress(b, r);
	page_marked(b, r, REPORT_OVERDUE, "overdue", W_OVERDUE_ITEMS);
	page_marked(b, r, REPORT_SOON, "soon", W_DUE_SOON);
	status_page_week(b, r);
	buf_add_str(b, "<section id=\"people\">\n");
	report_html_people(b, &r->tally, l);
	buf_add_str(b, "</section>\n");
	page_notes(b, r);
	buf_printf(b, "<footer>%s</footer>\n", i18n(l, W_REFRESH_NOTE));
	report_html_close(b);
}
