/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "report/me_page.h"

/*
 * How to get one's items into the calendar one already uses: the webcal:// link as a button
 * (iPhone and Android with ICSx⁵ open it), the http(s) URL to copy into any other app, short
 * steps for the usual apps (details/summary: open and close without a script), and a QR code
 * for a page opened on a computer.
 */

/* The webcal:// form of the http(s) URL HTTP, escaped, into B. */
static void webcal_href(struct buf *b, const char *http)
{
	const char *rest = strstr(http, "://");

	buf_add_str(b, "webcal://");
	rbuf_html(b, rest != NULL ? rest + 3 : http);
}

static void app_steps(struct buf *b, const char *lang)
{
	const struct me_app_steps *a = me_word_apps(lang);

	buf_printf(b, "<h3>%s</h3>\n", me_word(lang, MW_STEPS));
	for (; a->name != NULL; a++) {
		const char *s = a->steps;

		buf_add_str(b, "<details>\n<summary>");
		rbuf_html(b, a->name);
		buf_add_str(b, "</summary>\n<ol>\n");
		while (*s != '\0') {
			size_t n = strcspn(s, "\n");
			buf_add_str(b, "<li>");
			buf_add(b, s, n); /* our own text: no markup in it */
			buf_add_str(b, "</li>\n");
			s += n + (s[n] == '\n');
		}
		buf_add_str(b, "</ol>\n</details>\n");
	}
}

void me_page_subscribe(struct buf *b, const char *lang, const char *feed_http)
{
	buf_printf(b,
		   "<section id=\"calendar\" aria-labelledby=\"h-calendar\">\n"
		   "<h2 id=\"h-calendar\">%s</h2>\n",
		   me_word(lang, MW_CALENDAR));
	if (feed_http == NULL) {
		buf_printf(b, "<p>%s</p>\n</section>\n", me_word(lang, MW_NO_FEED));
		return;
	}
	buf_printf(b, "<p>%s</p>\n<p><a class=\"button\" href=\"",
		   me_word(lang, MW_CALENDAR_INTRO));
	webcal_href(b, feed_http);
	buf_printf(b,
		   "\">%s</a></p>\n<label for=\"feed-url\">%s</label>\n"
		   "<input class=\"url\" id=\"feed-url\" type=\"text\" readonly value=\"",
		   me_word(lang, MW_SUBSCRIBE), me_word(lang, MW_COPY_LABEL));
	rbuf_html(b, feed_http);
	buf_add_str(b, "\">\n");
	app_steps(b, lang);
	buf_add_str(b, "<figure>\n");
	me_page_qr(b, feed_http, me_word(lang, MW_QR_TITLE));
	buf_printf(b, "<figcaption>%s</figcaption>\n</figure>\n</section>\n",
		   me_word(lang, MW_QR_CAPTION));
}
