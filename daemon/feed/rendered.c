/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zlib.h>

#include "core/log.h"
#include "feed/rendered.h"
#include "core/secret.h"

/* The bodies: their ETag from their bytes, their gzip made once, when first asked for. */

#define GZIP_LEVEL 6

void rendered_ref(struct rendered *b)
{
	b->refs++;
}

void rendered_unref(struct rendered *b)
{
	if (b == NULL || --b->refs > 0)
		return;
	free(b->text);
	free(b->gz);
	free(b);
}

/* The first 128 bits of the SHA-256 of DATA in hex (32 digits and a NUL); 0 or -1. */
static int digest_hex(const void *data, size_t len, char out[33])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[SECRET_HASH_LEN];

	if (secret_sha256(data, len, md) == -1)
		return -1;
	for (size_t i = 0; i < 32; i++)
		out[i] = hex[(md[i / 2] >> (i % 2 ? 0 : 4)) & 15];
	out[32] = '\0';
	return 0;
}

struct rendered *rendered_new(char *text, size_t len)
{
	struct rendered *b = calloc(1, sizeof *b);
	char hex[33];

	if (b == NULL || digest_hex(text, len, hex) == -1) {
		free(b);
		free(text);
		return NULL;
	}
	b->refs = 1;
	b->text = text;
	b->len = len;
	snprintf(b->etag, sizeof b->etag, "\"%s\"", hex);
	snprintf(b->etag_gz, sizeof b->etag_gz, "\"%s-gz\"", hex);
	return b;
}

void rendered_set_modified(struct rendered *b, int64_t t)
{
	static const char days[][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t tt = (time_t)t;
	struct tm tm;

	b->modified = t;
	gmtime_r(&tt, &tm);
	snprintf(b->modified_http, sizeof b->modified_http, "%s, %02d %s %04d %02d:%02d:%02d GMT",
		 days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
		 tm.tm_min, tm.tm_sec);
}

static int deflate_all(const char *in, size_t len, unsigned char **out, size_t *out_len)
{
	z_stream zs;
	uLong bound;
	int rc;

	memset(&zs, 0, sizeof zs);
	if (deflateInit2(&zs, GZIP_LEVEL, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	bound = deflateBound(&zs, (uLong)len);
	if ((*out = malloc(bound)) == NULL) {
		deflateEnd(&zs);
		return -1;
	}
	zs.next_in = (Bytef *)(uintptr_t)in;
	zs.avail_in = (uInt)len;
	zs.next_out = *out;
	zs.avail_out = (uInt)bound;
	rc = deflate(&zs, Z_FINISH);
	*out_len = zs.total_out;
	deflateEnd(&zs);
	if (rc != Z_STREAM_END) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

const unsigned char *rendered_gzip(struct rendered *b, size_t *len)
{
	if (b->gz == NULL && !b->gz_failed &&
	    (b->len > UINT32_MAX || deflate_all(b->text, b->len, &b->gz, &b->gz_len) == -1)) {
		log_error("cannot compress a reply of %zu bytes", b->len);
		b->gz_failed = 1;
	}
	*len = b->gz_len;
	return b->gz;
}
