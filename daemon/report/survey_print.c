/* SPDX-License-Identifier: MIT */
#include "report/me_page.h"
#include "report/report_render.h"
#include "report/survey_form.h"
#include "report/survey_words.h"

/*
 * Two printable A4 pages (HTML: print to PDF from a browser): the poster for the lobby, with
 * the QR code of the form and a line of invitation, and the questionnaire on paper, each
 * answer a box to tick, for those who would rather write.
 */

static const char poster_css[] =
	"body{font:20px/1.4 system-ui,Arial,sans-serif;margin:0;color:#111;text-align:center}"
	"h1{font-size:2.6em;margin:1.2em 0 .3em}p{font-size:1.3em;margin:.5em 2em}"
	"svg.qr{width:11cm;height:11cm;margin:1em auto;display:block}"
	".url{font-family:monospace;font-size:.9em;word-break:break-all}"
	".org{color:#333}@page{size:A4 portrait;margin:15mm}";

static const char print_css[] =
	"body{font:12pt/1.35 system-ui,Arial,sans-serif;margin:0 auto;max-width:48em;color:#111}"
	"h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1em 0 .3em;"
	"border-bottom:1px solid #999}"
	".q{break-inside:avoid;margin:.6em 0}.q p{margin:.1em 0;font-weight:700}"
	".kind{font-weight:400;color:#444;font-size:.9em}"
	"ul{list-style:none;margin:.1em 0;padding:0 0 0 1em}li{margin:.15em 0}"
	".lines{border-bottom:1px solid #777;height:1.6em;margin:0 0 0 1em}"
	"@page{size:A4 portrait;margin:15mm}";

void survey_poster(struct buf *b, const struct plan *p, const struct survey *s, const char *url)
{
	const char *l = p->lang;

	report_html_open(b, l, s->title != NULL ? s->title : survey_word(l, SW_TITLE), poster_css,
			 0);
	buf_printf(b, "<main>\n<h1>%s</h1>\n<p class=\"org\">", survey_word(l, SW_POSTER_INVITE));
	rbuf_html(b, *p->org != '\0' ? p->org : p->title);
	buf_add_str(b, "</p>\n");
	me_page_qr(b, url, survey_word(l, SW_TITLE));
	buf_printf(b, "<p>%s</p>\n<p class=\"url\">", survey_word(l, SW_POSTER_HOW));
	rbuf_html(b, url);
	buf_add_str(b, "</p>\n</main>\n");
	report_html_close(b);
}

static void survey_print_question(struct buf *b, const struct survey_question *q, const char *l)
{
	buf_printf(b, "<div class=\"q\"><p>%s. ", q->id);
	rbuf_html(b, q->text);
	if (q->noptions > 0)
		buf_printf(
			b, " <span class=\"kind\">(%s)</span>",
			survey_word(l, q->kind == SURVEY_MULTIPLE ? SW_PRINT_MANY : SW_PRINT_ONE));
	buf_add_str(b, "</p>\n");
	if (q->noptions == 0)
		buf_add_str(b, "<div class=\"lines\"></div><div class=\"lines\"></div>\n");
	else
		buf_add_str(b, "<ul>\n");
	for (size_t o = 0; o < q->noptions; o++) {
		buf_add_str(b, "<li>☐ ");
		rbuf_html(b, q->options[o]);
		buf_add_str(b, "</li>\n");
	}
	buf_add_str(b, q->noptions > 0 ? "</ul>\n</div>\n" : "</div>\n");
}

void survey_print(struct buf *b, const struct plan *p, const struct survey *s)
{
	const char *l = p->lang, *title = s->title != NULL ? s->title : survey_word(l, SW_TITLE);
	int section = -1;

	report_html_open(b, l, title, print_css, 0);
	buf_add_str(b, "<main>\n<h1>");
	rbuf_html(b, title);
	buf_add_str(b, "</h1>\n<p>");
	rbuf_html(b, *p->org != '\0' ? p->org : p->title);
	buf_add_str(b, "</p>\n");
	if (s->intro != NULL) {
		buf_add_str(b, "<p>");
		rbuf_html(b, s->intro);
		buf_add_str(b, "</p>\n");
	}
	buf_printf(b, "<p>%s</p>\n", survey_word(l, SW_PRINT_HOW));
	for (size_t i = 0; i < s->nq; i++) {
		if (s->q[i].section != section && s->q[i].section >= 0) {
			buf_add_str(b, "<h2>");
			rbuf_html(b, s->sections[s->q[i].section]);
			buf_add_str(b, "</h2>\n");
		}
		section = s->q[i].section;
		survey_print_question(b, &s->q[i], l);
	}
	buf_add_str(b, "</main>\n");
	report_html_close(b);
}
