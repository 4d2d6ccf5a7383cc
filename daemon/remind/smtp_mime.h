/* SPDX-License-Identifier: MIT */
/* Mail messages: RFC 5322 headers with RFC 2047 encoded UTF-8, a base64 text/plain body, and
 * with an HTML part beside it, multipart/alternative (RFC 2046). */
#ifndef QWEEK_SMTP_MIME_H
#define QWEEK_SMTP_MIME_H

#include <stddef.h>
#include <stdint.h>

struct smtp_mime {
	const char *from;    /* as configured: "qweek@example.org" or "Name <addr>" */
	const char *to_name; /* UTF-8, may be NULL */
	const char *to_addr;
	const char *subject;	  /* UTF-8 */
	const char *body;	  /* UTF-8, lines ending in "\n": complete on its own */
	int64_t date;		  /* seconds since the epoch ... */
	int date_offset;	  /* ... written with this UTC offset, seconds */
	const char *message_id;	  /* "<id@host>" */
	const char *const *extra; /* more header lines ("X-Qweek-Item: 7.2"), NULL-ended */
	const char *html;	  /* NULL, or the same message as an HTML document (UTF-8) */
};

/* The message with CRLF line ends, malloc'd (*LEN its length); NULL if out of memory. */
char *smtp_mime_build(const struct smtp_mime *m, size_t *len);

/*
 * TEXT as a header value: itself when it is short printable ASCII, else RFC 2047 encoded words
 * ("=?UTF-8?B?...?=", never splitting a character), folded onto lines of at most 76
 * characters. Malloc'd; NULL if out of memory.
 */
char *smtp_mime_header_text(const char *text);

/* The bare address of FROM ("Name <a@b>" -> "a@b") into BUF; 0, or -1 if none fits. */
int smtp_mime_address(const char *from, char *buf, size_t len);

/* "Tue, 14 Nov 2017 09:00:00 +0700". */
void smtp_mime_date(int64_t t, int offset, char *buf, size_t len);

/* Base64 of LEN bytes at IN into OUT (room for 4 * ((LEN + 2) / 3) + 1). */
void smtp_mime_base64(const unsigned char *in, size_t len, char *out);

#endif
