/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "core/secret.h"
#include "report/report_render.h"
#include "report/survey_form.h"
#include "report/survey_words.h"

/*
 * The form a visitor fills in on a lobby tablet or their own phone: one column, text and
 * controls large enough for a thumb and older eyes, each answer a whole label to tap, each
 * question a fieldset with its legend for a screen reader. No script: posted to its own URL
 * (no action attribute, so the page never holds its secret), with a one-time token.
 */

static const char survey_css[] =
	":root{color-scheme:light}"
	"body{font:19px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
	"margin:0 auto;padding:.75em;max-width:40em;color:#111;background:#fff}"
	"h1{font-size:1.6em;line-height:1.2;margin:.2em 0 .4em}"
	"h2{font-size:1.3em;margin:1.4em 0 .4em;padding-bottom:.15em;border-bottom:2px solid #bbb}"
	"p{margin:.4em 0}.org{color:#333}"
	".kept{border-left:.4em solid #0b3d91;background:#eef3fb;padding:.5em .7em}"
	".paper{border-left:.4em solid #8a5a00;background:#fff8e1;padding:.5em .7em;font-weight:700}"
	"fieldset,.q{border:2px solid #999;border-radius:.4em;margin:0 0 1em;padding:.5em .8em}"
	"legend,.q>label{font-weight:700;padding:0 .2em}"
	".q>label{display:block;margin-bottom:.3em}"
	".req{color:#b71c1c}"
	"label.o{display:flex;align-items:center;gap:.6em;min-height:2.75em;padding:.2em .3em;"
	"border-radius:.3em;cursor:pointer}"
	"label.o:hover{background:#f2f2f2}"
	"input[type=radio],input[type=checkbox]{width:1.6em;height:1.6em;margin:0;flex:none}"
	"textarea,input[type=number]{display:block;width:100%;box-sizing:border-box;font:inherit;"
	"padding:.45em;border:2px solid #555;border-radius:.3em;background:#fff;color:#111}"
	"textarea{min-height:4em}"
	"button,a.button{display:block;width:100%;box-sizing:border-box;margin:1em 0;"
	"min-height:3em;padding:.6em 1em;font:inherit;font-weight:700;border:2px solid #1b5e20;"
	"border-radius:.4em;background:#1b5e20;color:#fff;cursor:pointer;text-align:center;"
	"text-decoration:none}"
	":focus-visible{outline:3px solid #0b3d91;outline-offset:2px}"
	".problem{border-left:.4em solid #b71c1c;background:#fdecea;padding:.5em .7em}"
	".thanks{border-left:.4em solid #1b5e20;background:#edf7ed;padding:.6em .8em;"
	"font-size:1.1em}";

const char *survey_form_csp(void)
{
	static char csp[256];
	unsigned char md[SECRET_HASH_LEN], b64[48];

	if (csp[0] != '\0')
		return csp;
	if (secret_sha256(survey_css, sizeof survey_css - 1, md) == -1)
		snprintf((char *)b64, sizeof b64, "none");
	else
		EVP_EncodeBlock(b64, md, SECRET_HASH_LEN);
	snprintf(csp, sizeof csp,
		 "default-src 'none'; style-src 'sha256-%s'; img-src data:; form-action 'self'; "
		 "frame-ancestors 'none'; base-uri 'none'",
		 (const char *)b64);
	return csp;
}

static void survey_form_mark(struct buf *b, const struct survey_question *q, const char *l)
{
	if (q->required)
		buf_printf(b, " <span class=\"req\" title=\"%s\">*</span>",
			   survey_word(l, SW_REQUIRED));
}

static void survey_form_choice(struct buf *b, const struct survey_question *q, size_t i,
			       const char *l)
{
	const char *type = q->kind == SURVEY_MULTIPLE ? "checkbox" : "radio";

	buf_printf(b, "<fieldset id=\"q%zu\"><legend>%s. ", i + 1, q->id);
	rbuf_html(b, q->text);
	survey_form_mark(b, q, l);
	buf_add_str(b, "</legend>\n");
	for (size_t o = 0; o < q->noptions; o++) {
		buf_printf(b,
			   "<label class=\"o\"><input type=\"%s\" name=\"q%zu\" value=\"%zu\"%s> ",
			   type, i + 1, o + 1,
			   q->required && q->kind != SURVEY_MULTIPLE && o == 0 ? " required" : "");
		rbuf_html(b, q->options[o]);
		buf_add_str(b, "</label>\n");
	}
	buf_add_str(b, "</fieldset>\n");
}

static void survey_form_typed(struct buf *b, const struct survey_question *q, size_t i,
			      const char *l)
{
	buf_printf(b, "<div class=\"q\" id=\"q%zu\"><label for=\"f%zu\">%s. ", i + 1, i + 1, q->id);
	rbuf_html(b, q->text);
	survey_form_mark(b, q, l);
	buf_add_str(b, "</label>\n");
	if (q->kind == SURVEY_NUMBER)
		buf_printf(b,
			   "<input type=\"number\" inputmode=\"decimal\" step=\"any\" id=\"f%zu\" "
			   "name=\"q%zu\"%s>\n",
			   i + 1, i + 1, q->required ? " required" : "");
	else
		buf_printf(b,
			   "<textarea id=\"f%zu\" name=\"q%zu\" rows=\"3\" maxlength=\"%d\"%s>"
			   "</textarea>\n",
			   i + 1, i + 1, SURVEY_MAX_TEXT, q->required ? " required" : "");
	buf_add_str(b, "</div>\n");
}

static void survey_form_head(struct buf *b, const struct plan *p, const struct survey *s, int paper)
{
	const char *l = p->lang, *title = s->title != NULL ? s->title : survey_word(l, SW_TITLE);

	report_html_open(b, l, title, survey_css, 0);
	buf_add_str(b, "<main>\n" SURVEY_FORM_THANKS_MARK "<h1>");
	rbuf_html(b, title);
	buf_add_str(b, "</h1>\n<p class=\"org\">");
	rbuf_html(b, *p->org != '\0' ? p->org : p->title);
	buf_add_str(b, "</p>\n");
	if (s->intro != NULL) {
		buf_add_str(b, "<p>");
		rbuf_html(b, s->intro);
		buf_add_str(b, "</p>\n");
	}
	buf_printf(b, "<p class=\"kept\">%s</p>\n<p>%s</p>\n", survey_word(l, SW_KEPT),
		   survey_word(l, SW_REQUIRED_NOTE));
	if (paper)
		buf_printf(b, "<p class=\"paper\">%s</p>\n", survey_word(l, SW_PAPER));
}

void survey_form_render(struct buf *b, const struct plan *p, const struct survey *s, int paper)
{
	int section = -1;

	survey_form_head(b, p, s, paper);
	buf_add_str(b, "<form method=\"post\" accept-charset=\"utf-8\">\n"
		       "<input type=\"hidden\" name=\"t\" value=\"" SURVEY_FORM_TOKEN_MARK "\">\n");
	if (paper)
		buf_add_str(b, "<input type=\"hidden\" name=\"paper\" value=\"1\">\n");
	for (size_t i = 0; i < s->nq; i++) {
		const struct survey_question *q = &s->q[i];
		if (q->section != section && q->section >= 0) {
			buf_add_str(b, "<h2>");
			rbuf_html(b, s->sections[q->section]);
			buf_add_str(b, "</h2>\n");
		}
		section = q->section;
		if (q->noptions > 0)
			survey_form_choice(b, q, i, p->lang);
		else
			survey_form_typed(b, q, i, p->lang);
	}
	buf_printf(b, "<button type=\"submit\">%s</button>\n</form>\n</main>\n",
		   survey_word(p->lang, SW_SEND));
	report_html_close(b);
}

void survey_form_thanks(struct buf *b, const char *lang)
{
	buf_printf(b, "<p class=\"thanks\" role=\"status\"><strong>%s</strong> %s</p>\n",
		   survey_word(lang, SW_THANKS_TITLE), survey_word(lang, SW_THANKS));
}

void survey_form_refusal(struct buf *b, const char *lang, const char *text, const char *detail,
			 const char *back)
{
	report_html_open(b, lang, survey_word(lang, SW_REFUSED_TITLE), survey_css, 0);
	buf_printf(b, "<main>\n<h1>%s</h1>\n<p class=\"problem\" role=\"alert\">%s",
		   survey_word(lang, SW_REFUSED_TITLE), text);
	if (detail != NULL) {
		buf_add_str(b, "<br>");
		rbuf_html(b, detail);
	}
	buf_add_str(b, "</p>\n<a class=\"button\" href=\"");
	rbuf_html(b, back);
	buf_printf(b, "\">%s</a>\n</main>\n", survey_word(lang, SW_BACK));
	report_html_close(b);
}
