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
static void webcal_href(struct rbuf *b, const char *http)
{
	const char *rest = strstr(http, "://");

	rbuf_put(b, "webcal://");
	rbuf_html(b, rest != NULL ? rest + 3 : http);
}

static void app_steps(struct rbuf *b, const char *lang)
{
	const struct me_app_steps *a = me_word_apps(lang);

	rbuf_printf(b, "<h3>%s</h3>\n", me_word(lang, MW_STEPS));
	for (; a->name != NULL; a++) {
		const char *s = a->steps;

		rbuf_put(b, "<details>\n<summary>");
		rbuf_html(b, a->name);
		rbuf_put(b, "</summary>\n<ol>\n");
		while (*s != '\0') {
			size_t n = strcspn(s, "\n");
			rbuf_put(b, "<li>");
			rbuf_putn(b, s, n); /* our own text: no markup in it */
			rbuf_put(b, "</li>\n");
			s += n + (s[n] == '\n');
		}
		rbuf_put(b, "</ol>\n</details>\n");
	}
}

void me_page_subscribe(struct rbuf *b, const char *lang, const char *feed_http)
{
	rbuf_printf(b,
		    "<section id=\"calendar\" aria-labelledby=\"h-calendar\">\n"
		    "<h2 id=\"h-calendar\">%s</h2>\n",
		    me_word(lang, MW_CALENDAR));
	if (feed_http == NULL) {
		rbuf_printf(b, "<p>%s</p>\n</section>\n", me_word(lang, MW_NO_FEED));
		return;
	}
	rbuf_printf(b, "<p>%s</p>\n<p><a class=\"button\" href=\"",
		    me_word(lang, MW_CALENDAR_INTRO));
	webcal_href(b, feed_http);
	rbuf_printf(b,
		    "\">%s</a></p>\n<label for=\"feed-url\">%s</label>\n"
		    "<input class=\"url\" id=\"feed-url\" type=\"text\" readonly value=\"",
		    me_word(lang, MW_SUBSCRIBE), me_word(lang, MW_COPY_LABEL));
	rbuf_html(b, feed_http);
	rbuf_put(b, "\">\n");
	app_steps(b, lang);
	rbuf_put(b, "<figure>\n");
	me_page_qr(b, feed_http, me_word(lang, MW_QR_TITLE));
	rbuf_printf(b, "<figcaption>%s</figcaption>\n</figure>\n</section>\n",
		    me_word(lang, MW_QR_CAPTION));
}
