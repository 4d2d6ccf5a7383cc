/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "report/report_render.h"
#include "report/survey_report.h"
#include "report/survey_words.h"

/*
 * The report's survey section: how many answered, then each question with how many answered
 * it, each answer's count and percentage of those (as the plan's language writes it), the
 * free answers grouped, and a bar: an inline SVG in HTML (no script, prints as it shows), a
 * text bar in Markdown.
 */

#define SURVEY_BAR_PX	180
#define SURVEY_BAR_TEXT 20

static void survey_html_bar(struct buf *b, int64_t tenths)
{
	int w = (int)(tenths * SURVEY_BAR_PX / 1000);

	buf_printf(b,
		   "<svg width=\"%d\" height=\"12\" viewBox=\"0 0 %d 12\" aria-hidden=\"true\">"
		   "<rect width=\"%d\" height=\"12\" fill=\"#e4e4e4\"/>"
		   "<rect width=\"%d\" height=\"12\" fill=\"#0b3d91\"/></svg>",
		   SURVEY_BAR_PX, SURVEY_BAR_PX, SURVEY_BAR_PX, w);
}

static void survey_html_row(struct buf *b, const char *text, int64_t count, int64_t of,
			    const char *l)
{
	int64_t t = survey_tenths(count, of);
	char pct[32];

	buf_add_str(b, "<tr><td>");
	rbuf_html(b, text);
	buf_printf(b, "</td><td class=\"n\">%lld</td><td class=\"n\">%s</td><td>", (long long)count,
		   survey_percent_text(t, l, pct, sizeof pct));
	survey_html_bar(b, t);
	buf_add_str(b, "</td></tr>\n");
}

static void survey_html_question(struct buf *b, const struct survey_qres *q, const char *l)
{
	buf_printf(b, "<h3>%s. ", q->q->id);
	rbuf_html(b, q->q->text);
	buf_printf(b, "</h3>\n<p class=\"meta\">%s: %lld</p>\n", survey_word(l, SW_ANSWERED),
		   (long long)q->respondents);
	if (q->q->noptions == 0 && q->nfree == 0)
		return;
	buf_printf(b,
		   "<table class=\"survey\">\n<thead><tr><th>%s</th><th>%s</th><th>%s</th>"
		   "<th></th></tr></thead>\n<tbody>\n",
		   survey_word(l, q->q->noptions > 0 ? SW_ANSWER : SW_FREE),
		   survey_word(l, SW_COUNT_HEAD), survey_word(l, SW_PERCENT_HEAD));
	for (size_t o = 0; o < q->q->noptions; o++)
		survey_html_row(b, q->q->options[o], q->counts[o], q->respondents, l);
	for (size_t f = 0; f < q->nfree; f++)
		survey_html_row(b, q->free[f].text, q->free[f].count, q->respondents, l);
	buf_add_str(b, "</tbody>\n</table>\n");
}

void survey_report_html(struct buf *b, const struct survey_results *r)
{
	const char *l = r->lang;

	buf_printf(b, "<section class=\"survey\">\n<h2>%s", survey_word(l, SW_SECTION));
	if (r->s->title != NULL) {
		buf_add_str(b, ": ");
		rbuf_html(b, r->s->title);
	}
	buf_printf(b, "</h2>\n<p>%s: <strong id=\"survey-responses\">%lld</strong></p>\n",
		   survey_word(l, SW_RESPONSES), (long long)r->responses);
	if (r->responses == 0)
		buf_printf(b, "<p>%s</p>\n", survey_word(l, SW_NO_RESPONSES));
	for (size_t i = 0; r->responses > 0 && i < r->s->nq; i++)
		survey_html_question(b, &r->q[i], l);
	buf_add_str(b, "</section>\n");
}

static void survey_md_row(struct buf *b, const char *text, int64_t count, int64_t of, const char *l)
{
	int64_t t = survey_tenths(count, of);
	char pct[32];

	buf_add_str(b, "| ");
	rbuf_md(b, text);
	buf_printf(b, " | %lld | %s | ", (long long)count,
		   survey_percent_text(t, l, pct, sizeof pct));
	for (int64_t i = 0; i < (t * SURVEY_BAR_TEXT + 500) / 1000; i++)
		buf_add_str(b, "█");
	buf_add_str(b, " |\n");
}

static void survey_md_question(struct buf *b, const struct survey_qres *q, const char *l)
{
	buf_printf(b, "\n### %s. ", q->q->id);
	rbuf_md(b, q->q->text);
	buf_printf(b, "\n\n%s: %lld\n", survey_word(l, SW_ANSWERED), (long long)q->respondents);
	if (q->q->noptions == 0 && q->nfree == 0)
		return;
	buf_printf(b, "\n| %s | %s | %s | |\n| --- | ---: | ---: | --- |\n",
		   survey_word(l, q->q->noptions > 0 ? SW_ANSWER : SW_FREE),
		   survey_word(l, SW_COUNT_HEAD), survey_word(l, SW_PERCENT_HEAD));
	for (size_t o = 0; o < q->q->noptions; o++)
		survey_md_row(b, q->q->options[o], q->counts[o], q->respondents, l);
	for (size_t f = 0; f < q->nfree; f++)
		survey_md_row(b, q->free[f].text, q->free[f].count, q->respondents, l);
}

void survey_report_md(struct buf *b, const struct survey_results *r)
{
	const char *l = r->lang;

	buf_printf(b, "\n## %s", survey_word(l, SW_SECTION));
	if (r->s->title != NULL) {
		buf_add_str(b, ": ");
		rbuf_md(b, r->s->title);
	}
	buf_printf(b, "\n\n%s: %lld\n", survey_word(l, SW_RESPONSES), (long long)r->responses);
	if (r->responses == 0)
		buf_printf(b, "\n%s\n", survey_word(l, SW_NO_RESPONSES));
	for (size_t i = 0; r->responses > 0 && i < r->s->nq; i++)
		survey_md_question(b, &r->q[i], l);
}
