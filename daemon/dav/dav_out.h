/* SPDX-License-Identifier: MIT */
/* A WebDAV multistatus reply (RFC 4918, 13) written straight into a buffer (dav_out.c). */
#ifndef QWEEK_DAV_OUT_H
#define QWEEK_DAV_OUT_H

#include "core/buf.h"
#include "dav/dav_xml.h"

/*
 * Writes the value of property P of the resource at hand into B as its element (with its
 * prefix: d: DAV:, c: CalDAV, cs: calendarserver, ic: Apple's) and returns 1, or 0 when the
 * resource has no such property.
 */
typedef int (*dav_prop_fn)(struct buf *b, const struct dav_prop *p, void *ctx);

/* <?xml ...?><d:multistatus xmlns:d="DAV:" ...> and its end. */
void dav_out_begin(struct buf *b);
void dav_out_end(struct buf *b, const char *sync_token);

/*
 * One <d:response> for HREF: the properties BODY asks for that FN knows with 200, the others
 * with 404; with allprop, the properties of ALL (ended by an empty name) that FN knows.
 */
void dav_out_response(struct buf *b, const char *href, const struct dav_body *body,
		      const struct dav_prop *all, dav_prop_fn fn, void *ctx);

/* A <d:response> with only a status ("HTTP/1.1 404 Not Found"): a member gone, or unknown. */
void dav_out_status(struct buf *b, const char *href, const char *status);

/* S as XML text (&, <, >, " escaped). */
void dav_out_text(struct buf *b, const char *s);
void dav_out_textn(struct buf *b, const char *s, size_t n);

/* A DAV:error body naming a precondition ("<c:valid-calendar-data/>"), for a refusal. */
void dav_out_error(struct buf *b, const char *condition);

#endif
