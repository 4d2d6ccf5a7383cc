/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "core/i18n.h"
#include "core/secret.h"
#include "report/me_page.h"
#include "report/report_render.h"

/*
 * The page a member of staff opens on their phone, often an older one, in a hurry: large text,
 * strong contrast, one big button per item, every control labelled, headings and landmarks for
 * a screen reader. No script at all: each item is its own form, posted to the page's own URL
 * (no action attribute, so the page never holds its own secret). Each form carries the item's
 * version, so a form from a page that is out of date is refused rather than acted on twice.
 */

static const char me_css[] =
	":root{color-scheme:light}"
	"body{font:18px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
	"margin:0 auto;padding:.75em;max-width:42em;color:#111;background:#fff}"
	"header{border-bottom:2px solid #bbb;padding-bottom:.4em}"
	".plan,.asof{color:#333;margin:.2em 0}.who{font-weight:700;margin:.2em 0}"
	"h1{font-size:1.6em;line-height:1.2;margin:.2em 0}"
	"h2{font-size:1.35em;line-height:1.25;margin:1.4em 0 .5em;padding-bottom:.15em;"
	"border-bottom:2px solid #bbb}"
	"h3{font-size:1.15em;line-height:1.3;margin:0 0 .3em}"
	"nav ul{list-style:none;padding:0;margin:.6em 0 .2em;display:flex;flex-wrap:wrap;gap:.4em}"
	"nav a,a.button{display:inline-block;box-sizing:border-box;min-height:2.75em;"
	"padding:.45em .8em;border:2px solid #0b3d91;border-radius:.4em;color:#0b3d91;"
	"font-weight:700;text-decoration:none}"
	"nav a{font-size:.9em;padding:.5em .55em;min-height:2.9em}"
	"a{color:#0b3d91}"
	"ul.items{list-style:none;padding:0;margin:0}"
	"li.item{border:2px solid #999;border-left-width:.55em;border-radius:.4em;"
	"padding:.6em .8em;margin:0 0 1em;overflow-wrap:anywhere}"
	"li.overdue{border-color:#b71c1c}li.today{border-color:#0b3d91}"
	"li.done{border-color:#1b5e20;background:#f2f8f2}"
	"li.item:target{outline:4px solid #0b3d91;outline-offset:3px}"
	"dl{margin:.3em 0}dt{font-weight:700;color:#333;float:left;clear:left;margin-right:.4em}"
	"dt::after{content:':'}dd{margin:0 0 .15em}"
	".late{color:#b71c1c;font-weight:700;margin:.3em 0}"
	".closed{color:#1b5e20;font-weight:700;margin:.3em 0 0}.by{margin:0 0 .3em}"
	"form{margin:.5em 0 0}label{display:block;font-weight:700;margin:.5em 0 .2em}"
	"textarea,input.url{display:block;width:100%;box-sizing:border-box;font:inherit;"
	"padding:.45em;border:2px solid #555;border-radius:.3em;background:#fff;color:#111}"
	"textarea{min-height:3.2em}input.url{font-size:.85em;margin-bottom:.8em}"
	"button{display:block;width:100%;box-sizing:border-box;margin:.6em 0 0;min-height:3em;"
	"padding:.6em 1em;font:inherit;font-weight:700;border:2px solid #1b5e20;"
	"border-radius:.4em;background:#1b5e20;color:#fff;cursor:pointer}"
	"button.secondary{background:#fff;color:#1b5e20}"
	"a.button{display:block;text-align:center;margin:.6em 0;background:#0b3d91;color:#fff}"
	":focus-visible{outline:3px solid #0b3d91;outline-offset:2px}"
	"button:focus-visible{outline-color:#111}"
	"details{border:2px solid #bbb;border-radius:.4em;margin:.5em 0;padding:.2em .7em}"
	"summary{font-weight:700;padding:.4em 0;cursor:pointer}"
	"ol{margin:.3em 0 .6em;padding-left:1.4em}"
	"figure{margin:1em 0}svg.qr{display:block;width:13em;max-width:70vw;height:auto}"
	"figcaption{color:#333}"
	".private{border-left:.4em solid #8a5a00;background:#fff8e1;padding:.5em .7em}"
	"footer{margin:2em 0 1em}"
	"@media (min-width:40em){button,a.button{display:inline-block;width:auto}}"
	"@media print{form,nav,#calendar{display:none}}";

const char *me_page_csp(void)
{
	static char csp[256];
	unsigned char md[SECRET_HASH_LEN];
	unsigned char b64[48];

	if (csp[0] != '\0')
		return csp;
	if (secret_sha256(me_css, sizeof me_css - 1, md) == -1)
		snprintf((char *)b64, sizeof b64, "none");
	else
		EVP_EncodeBlock(b64, md, SECRET_HASH_LEN);
	snprintf(csp, sizeof csp,
		 "default-src 'none'; style-src 'sha256-%s'; img-src data:; form-action 'self'; "
		 "frame-ancestors 'none'; base-uri 'none'",
		 (const char *)b64);
	return csp;
}

static const char *const section_ids[ME_NSECTIONS] = { "overdue", "today", "coming", "done" };
static const enum me_word section_words[ME_NSECTIONS] = { MW_OVERDUE, MW_TODAY, MW_COMING,
							  MW_DONE };

static void page_header(struct buf *b, const struct me_view *v)
{
	const struct plan *p = v->plan;
	const char *l = p->lang;
	char now[40];

	moment_human_instant(v->now, p->tz, now, sizeof now);
	buf_add_str(b, "<header>\n<p class=\"plan\">");
	rbuf_html(b, p->title);
	if (*p->org != '\0') {
		buf_add_str(b, " · ");
		rbuf_html(b, p->org);
	}
	buf_printf(b, "</p>\n<h1>%s</h1>\n<p class=\"who\">", me_word(l, MW_TITLE));
	rbuf_html(b, v->person);
	buf_printf(b, "</p>\n<p class=\"asof\">%s %s</p>\n", i18n(l, W_AS_OF), now);
	buf_printf(b, "<nav aria-label=\"%s\">\n<ul>\n", me_word(l, MW_SECTIONS));
	for (int s = 0; s < ME_NSECTIONS; s++)
		if (v->count[s] > 0)
			buf_printf(b, "<li><a href=\"#%s\">%s (%zu)</a></li>\n", section_ids[s],
				   me_word(l, section_words[s]), v->count[s]);
	buf_printf(b, "<li><a href=\"#calendar\">%s</a></li>\n</ul>\n</nav>\n</header>\n",
		   me_word(l, MW_CALENDAR));
}

static void item_facts(struct buf *b, const struct me_view *v, const struct me_item *m)
{
	const char *l = v->plan->lang;
	char when[120];

	buf_printf(b, "<dl>\n<dt>%s</dt><dd>", me_word(l, MW_WHEN));
	rbuf_html(b, report_when(&m->r, v->plan->tz, l, when, sizeof when));
	buf_add_str(b, "</dd>\n");
	if (*m->r.place != '\0') {
		buf_printf(b, "<dt>%s</dt><dd>", me_word(l, MW_WHERE));
		rbuf_html(b, m->r.place);
		buf_add_str(b, "</dd>\n");
	}
	if (*m->others != '\0') {
		buf_printf(b, "<dt>%s</dt><dd>", me_word(l, MW_WITH));
		rbuf_html(b, m->others);
		buf_add_str(b, "</dd>\n");
	}
	if (*m->r.note != '\0') {
		buf_printf(b, "<dt>%s</dt><dd>", me_word(l, MW_NOTE));
		rbuf_html(b, m->r.note);
		buf_add_str(b, "</dd>\n");
	}
	buf_add_str(b, "</dl>\n");
}

/* Where the item stands: how late it is, or when and by whom it was done. */
static void item_state(struct buf *b, const struct me_view *v, const struct me_item *m)
{
	const char *l = v->plan->lang;
	char at[40], d[64];

	if (m->section == ME_OVERDUE) {
		buf_printf(b, "<p class=\"late\">%s %s</p>\n", me_word(l, MW_LATE_BY),
			   i18n_duration(l, v->now - m->r.late_after, d, sizeof d));
	} else if (m->section == ME_DONE) {
		moment_human_instant(m->r.done_at, v->plan->tz, at, sizeof at);
		buf_printf(b, "<p class=\"closed\"><span aria-hidden=\"true\">✓ </span>%s %s</p>\n",
			   me_word(l, MW_DONE), at);
		if (*m->r.done_by != '\0') {
			buf_printf(b, "<p class=\"by\">%s: ", me_word(l, MW_DONE_BY));
			rbuf_html(b, m->r.done_by);
			buf_add_str(b, "</p>\n");
		}
	}
}

/* The item's form: done (with a note) for an open item, reopen for a done one. */
static void item_form(struct buf *b, const struct me_view *v, const struct me_item *m)
{
	const char *l = v->plan->lang;
	long long id = (long long)m->r.id;

	buf_printf(b,
		   "<form method=\"post\">\n<input type=\"hidden\" name=\"item\" value=\"%lld\">"
		   "<input type=\"hidden\" name=\"seq\" value=\"%lld\">\n",
		   id, (long long)m->seq);
	if (m->section == ME_DONE) {
		buf_printf(b,
			   "<button type=\"submit\" name=\"action\" value=\"reopen\" "
			   "class=\"secondary\" aria-describedby=\"t-%lld\">%s</button>\n",
			   id, me_word(l, MW_REOPEN));
	} else {
		buf_printf(b,
			   "<label for=\"note-%lld\">%s</label>\n<textarea id=\"note-%lld\" "
			   "name=\"note\" rows=\"2\" maxlength=\"2000\"></textarea>\n"
			   "<button type=\"submit\" name=\"action\" value=\"done\" "
			   "aria-describedby=\"t-%lld\">%s</button>\n",
			   id, me_word(l, MW_NOTE_LABEL), id, id, me_word(l, MW_MARK_DONE));
	}
	buf_add_str(b, "</form>\n");
}

static void page_item(struct buf *b, const struct me_view *v, const struct me_item *m)
{
	long long id = (long long)m->r.id;

	buf_printf(b, "<li class=\"item %s\" id=\"item-%lld\">\n<h3 id=\"t-%lld\">",
		   section_ids[m->section], id, id);
	if (*m->r.label != '\0') {
		rbuf_html(b, m->r.label);
		buf_add_str(b, ". ");
	}
	rbuf_html(b, m->r.title);
	buf_add_str(b, "</h3>\n");
	item_facts(b, v, m);
	item_state(b, v, m);
	item_form(b, v, m);
	buf_add_str(b, "</li>\n");
}

static void page_section(struct buf *b, const struct me_view *v, enum me_section s)
{
	if (v->count[s] == 0)
		return;
	buf_printf(b,
		   "<section id=\"%s\" aria-labelledby=\"h-%s\">\n<h2 id=\"h-%s\">%s (%zu)</h2>\n"
		   "<ul class=\"items\">\n",
		   section_ids[s], section_ids[s], section_ids[s],
		   me_word(v->plan->lang, section_words[s]), v->count[s]);
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i].section == s)
			page_item(b, v, &v->items[i]);
	buf_add_str(b, "</ul>\n</section>\n");
}

void me_page_render(struct buf *b, const struct me_view *v, const char *feed_http)
{
	const char *l = v->plan->lang;
	struct buf title;

	buf_init(&title, 128);
	buf_printf(&title, "%s — %s", me_word(l, MW_TITLE), v->person);
	report_html_open(b, l, title.data != NULL ? title.data : "", me_css, 0);
	buf_free(&title);
	page_header(b, v);
	buf_add_str(b, "<main>\n");
	if (v->n == 0)
		buf_printf(b, "<p>%s</p>\n", me_word(l, MW_NONE_AT_ALL));
	for (int s = 0; s < ME_NSECTIONS; s++)
		page_section(b, v, (enum me_section)s);
	me_page_subscribe(b, l, feed_http);
	me_page_caldav_link(b, l);
	buf_printf(b, "</main>\n<footer>\n<p class=\"private\">%s</p>\n</footer>\n",
		   me_word(l, MW_PRIVATE));
	report_html_close(b);
}

void me_page_open(struct buf *b, const char *lang, const char *title)
{
	report_html_open(b, lang, title, me_css, 0);
}

void me_page_refusal(struct buf *b, const char *lang, const char *title, const char *what,
		     const char *text, const char *return_to)
{
	report_html_open(b, lang, title, me_css, 0);
	buf_add_str(b, "<main>\n<h1>");
	rbuf_html(b, title);
	buf_add_str(b, "</h1>\n");
	if (*what != '\0') {
		buf_add_str(b, "<p class=\"who\">");
		rbuf_html(b, what);
		buf_add_str(b, "</p>\n");
	}
	buf_add_str(b, "<p>");
	rbuf_html(b, text);
	buf_add_str(b, "</p>\n");
	buf_add_str(b, "<p><a class=\"button\" href=\"");
	rbuf_html(b, return_to);
	buf_printf(b, "\">%s</a></p>\n</main>\n", me_word(lang, MW_BACK));
	report_html_close(b);
}
