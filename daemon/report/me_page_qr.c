/* SPDX-License-Identifier: MIT */
#include <qrencode.h>

#include "report/me_page.h"

/*
 * A QR code as inline SVG: one path of the dark modules, a run of them in a row drawn as one
 * rectangle, with the four modules of quiet zone the standard asks for. Inline, so that the
 * page needs nothing from anywhere (its CSP allows no image source but data:).
 */

#define QUIET 4

static void qr_path(struct buf *b, const QRcode *q)
{
	int w = q->width;

	for (int y = 0; y < w; y++) {
		for (int x = 0; x < w;) {
			int run = 0;
			while (x + run < w && (q->data[y * w + x + run] & 1))
				run++;
			if (run > 0)
				buf_printf(b, "M%d %dh%dv1h-%dz", x + QUIET, y + QUIET, run, run);
			x += run > 0 ? run : 1;
		}
	}
}

void me_page_qr(struct buf *b, const char *text, const char *title)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	int size;

	if (q == NULL)
		return;
	size = q->width + 2 * QUIET;
	buf_printf(b,
		   "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		   "role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">"
		   "<title id=\"qr-title\">",
		   size, size);
	rbuf_html(b, title);
	buf_printf(b,
		   "</title><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" "
		   "d=\"",
		   size, size);
	qr_path(b, q);
	buf_add_str(b, "\"/></svg>\n");
	QRcode_free(q);
}
