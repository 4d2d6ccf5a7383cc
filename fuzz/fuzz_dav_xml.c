/* SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dav/dav_out.h"
#include "dav/dav_xml.h"

/*
 * libFuzzer target for a WebDAV request body (dav_xml.c, libxml2 under it): any bytes in, what
 * it asks or a refusal out, nothing leaked, bounded however it nests or whatever entities it
 * declares. The first byte picks PROPFIND or REPORT. What it asks is then written back as a
 * response (dav_out.c), every property unknown, so the names and namespaces read are escaped.
 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int unknown(struct buf *b, const struct dav_prop *p, void *ctx)
{
	(void)b, (void)p, (void)ctx;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error err = ERROR_INIT;
	struct dav_body body;
	struct buf b;

	if (size < 1 || size > DAV_MAX_BODY + 1)
		return 0;
	if (dav_xml_parse((const char *)data + 1, size - 1, data[0] & 1, &body, &err) == 0) {
		if (err.kind != ERR_NONE || body.nprops > DAV_MAX_PROPS ||
		    body.nhrefs > DAV_MAX_HREFS)
			abort(); /* success leaves no error, and the limits hold */
		buf_init(&b, 0);
		dav_out_begin(&b);
		dav_out_response(&b, "/dav/x/tasks/", &body, NULL, unknown, NULL);
		dav_out_end(&b, body.sync_token);
		if (!b.failed && (b.data == NULL || memchr(b.data, '\0', b.len) != NULL))
			abort(); /* text, no NUL */
		buf_free(&b);
		dav_body_free(&body);
	} else if (err.message == NULL) {
		abort(); /* a refusal always says why */
	}
	error_clear(&err);
	return 0;
}
