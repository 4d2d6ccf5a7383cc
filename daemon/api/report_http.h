/* SPDX-License-Identifier: MIT */
/* Sending what is not JSON: the status page and the reports, from the buffer they were
 * rendered in. */
#ifndef QWEEK_REPORT_HTTP_H
#define QWEEK_REPORT_HTTP_H

#include "core/report_buf.h"
#include "http/http.h"
#include "report/report_render.h"

/*
 * Sends the text of B (taken over) as the reply to R, status STATUS, with CTYPE; HTML replies
 * get a Content-Security-Policy that allows no script and nothing external. Sets R->sent.
 */
void report_http_send(struct request *r, int status, const char *ctype, struct buf *b);

/* Sends B (taken over) as a report of format F, raw. */
void report_http_raw(struct request *r, struct buf *b, enum report_format f);

/* Replies with {"format", "content_type", "text"}: B taken over. 0 or -1 with ERR. */
int report_http_json(struct request *r, struct buf *b, enum report_format f, struct error *err);

#endif
