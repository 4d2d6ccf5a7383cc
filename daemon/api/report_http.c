/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "api/api.h"
#include "api/report_http.h"

/* Sending what is not JSON: the page and the reports, straight from the buffer they were
 * rendered in. */

static void free_text(const void *data, size_t len, void *arg)
{
	(void)len;
	(void)arg;
	free((void *)data);
}

void report_http_send(struct request *r, int status, const char *ctype, struct buf *b)
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

void report_http_raw(struct request *r, struct buf *b, enum report_format f)
{
	report_http_send(r, 200, report_format_type(f), b);
}

int report_http_json(struct request *r, struct buf *b, enum report_format f, struct error *err)
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
	jsonw_string(&w, report_format_name(f));
	jsonw_key(&w, "content_type");
	jsonw_string(&w, report_format_type(f));
	jsonw_key(&w, "text");
	jsonw_stringn(&w, text, len);
	jsonw_end(&w, '}');
	free(text);
	rc = api_reply_jsonw(r, &w, err);
	jsonw_free(&w);
	return rc;
}
