/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "dav/dav_out.h"

/* The namespaces a reply uses, with the prefixes every element is written with. */
static const struct {
	const char *ns, *prefix;
} prefixes[] = {
	{ DAV_NS, "d" },
	{ DAV_NS_CALDAV, "c" },
	{ DAV_NS_CS, "cs" },
	{ DAV_NS_APPLE, "ic" },
};

void dav_out_begin(struct buf *b)
{
	buf_add_str(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus");
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		buf_printf(b, " xmlns:%s=\"%s\"", prefixes[i].prefix, prefixes[i].ns);
	buf_add_str(b, ">\n");
}

void dav_out_end(struct buf *b, const char *sync_token)
{
	if (sync_token != NULL) {
		buf_add_str(b, "<d:sync-token>");
		dav_out_text(b, sync_token);
		buf_add_str(b, "</d:sync-token>\n");
	}
	buf_add_str(b, "</d:multistatus>\n");
}

void dav_out_textn(struct buf *b, const char *s, size_t n)
{
	size_t from = 0;

	for (size_t i = 0; i < n; i++) {
		const char *e = s[i] == '&'  ? "&amp;" :
				s[i] == '<'  ? "&lt;" :
				s[i] == '>'  ? "&gt;" :
				s[i] == '"'  ? "&quot;" :
				s[i] == '\r' ? "&#13;" :
					       NULL;
		if (e == NULL)
			continue;
		buf_add(b, s + from, i - from);
		buf_add_str(b, e);
		from = i + 1;
	}
	buf_add(b, s + from, n - from);
}

void dav_out_text(struct buf *b, const char *s)
{
	dav_out_textn(b, s, strlen(s));
}

/* An element of a namespace we have no prefix for gets its own xmlns. */
static void empty_element(struct buf *b, const struct dav_prop *p)
{
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		if (strcmp(p->ns, prefixes[i].ns) == 0) {
			buf_printf(b, "<%s:%s/>", prefixes[i].prefix, p->name);
			return;
		}
	}
	buf_printf(b, "<x:%s xmlns:x=\"", p->name);
	dav_out_text(b, p->ns);
	buf_add_str(b, "\"/>");
}

static void write_props(struct buf *b, const struct dav_prop *props, int n, dav_prop_fn fn,
			void *ctx, struct buf *missing)
{
	for (int i = 0; i < n; i++) {
		if (!fn(b, &props[i], ctx) && missing != NULL)
			empty_element(missing, &props[i]);
	}
}

void dav_out_response(struct buf *b, const char *href, const struct dav_body *body,
		      const struct dav_prop *all, dav_prop_fn fn, void *ctx)
{
	struct buf missing;
	int nall = 0;

	buf_init(&missing, 0);
	while (all != NULL && all[nall].name[0] != '\0')
		nall++;
	buf_add_str(b, "<d:response><d:href>");
	dav_out_text(b, href);
	buf_add_str(b, "</d:href><d:propstat><d:prop>");
	if (body->allprop || body->propname)
		write_props(b, all, nall, fn, ctx, NULL);
	if (!body->propname)
		write_props(b, body->props, body->nprops, fn, ctx, &missing);
	buf_add_str(b, "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>");
	if (missing.len > 0) {
		buf_add_str(b, "<d:propstat><d:prop>");
		buf_add(b, missing.data, missing.len);
		buf_add_str(b, "</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>");
	}
	buf_add_str(b, "</d:response>\n");
	if (missing.failed)
		b->failed = 1;
	buf_free(&missing);
}

void dav_out_status(struct buf *b, const char *href, const char *status)
{
	buf_add_str(b, "<d:response><d:href>");
	dav_out_text(b, href);
	buf_printf(b, "</d:href><d:status>%s</d:status></d:response>\n", status);
}

void dav_out_error(struct buf *b, const char *condition)
{
	buf_add_str(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:error");
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		buf_printf(b, " xmlns:%s=\"%s\"", prefixes[i].prefix, prefixes[i].ns);
	buf_printf(b, ">%s</d:error>\n", condition);
}
