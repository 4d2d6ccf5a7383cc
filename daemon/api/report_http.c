/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "api/api.h"
#include "report/report_render.h"

/* Sending what is not JSON: the page and the reports, straight from the buffer they were
 * rendered in. */

static const char *const types[] = {
	[REPORT_MD] = "text/markdown; charset=utf-8",
	[REPORT_HTML] = "text/html; charset=utf-8",
	[REPORT_CSV] = "text/csv; charset=utf-8",
};

static const char *const names[] = {
	[REPORT_MD] = "md",
	[REPORT_HTML] = "html",
	[REPORT_CSV] = "csv",
};

static void free_text(const void *data, size_t len, void *arg)
{
	(void)len;
	(void)arg;
	free((void *)data);
}

void report_send(struct request *r, int status, const char *ctype, struct buf *b)
{
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->ev);
	struct evbuffer *buf = evbuffer_new();
	size_t len = 0;
	char *text = buf_take(b, &len);

	r->sent = 1;
	evhttp_add_header(out, "Content-Type", ctype);
	evhttp_add_header(out, "Cache-Control", "no-store");
	evhttp_add_header(out, "X-Content-Type-Options", "nosniff");
	evhttp_add_header(out, "Referrer-Policy", "no-referrer");
	if (strncmp(ctype, "text/html", 9) == 0) {
		evhttp_add_header(out, "Content-Security-Policy",
				  "default-src 'none'; style-src 'unsafe-inline'; "
				  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
		evhttp_add_header(out, "X-Frame-Options", "DENY");
	}
	if (buf == NULL || text == NULL) {
		free(text);
		if (buf != NULL)
			evbuffer_free(buf);
		evhttp_send_error(r->ev, 500, "out of memory");
		return;
	}
	if (evhttp_request_get_command(r->ev) == EVHTTP_REQ_HEAD)
		free(text);
	else if (evbuffer_add_reference(buf, text, len, free_text, NULL) == -1)
		free(text);
	evhttp_send_reply(r->ev, status, NULL, buf);
	evbuffer_free(buf);
}

int report_format_parse(const char *s, enum report_format *f)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum report_format)i;
			return 0;
		}
	return -1;
}

void report_render(struct buf *b, const struct report *r, enum report_format f)
{
	if (f == REPORT_HTML)
		report_html(b, r);
	else if (f == REPORT_CSV)
		report_csv(b, r);
	else
		report_md(b, r);
}

void report_reply_raw(struct request *r, struct buf *b, enum report_format f)
{
	report_send(r, 200, types[f], b);
}

int report_reply_json(struct request *r, struct buf *b, enum report_format f, struct error *err)
{
	size_t len;
	char *text = buf_take(b, &len);
	struct jsonw w;
	int rc;

	if (text == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	jsonw_init(&w);
	jsonw_object(&w);
	jsonw_key(&w, "format");
	jsonw_string(&w, names[f]);
	jsonw_key(&w, "content_type");
	jsonw_string(&w, types[f]);
	jsonw_key(&w, "text");
	jsonw_stringn(&w, text, len);
	jsonw_end(&w, '}');
	free(text);
	rc = api_reply_jsonw(r, &w, err);
	jsonw_free(&w);
	return rc;
}
