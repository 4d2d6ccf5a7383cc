/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "remind/smtp_mime.h"

/*
 * Writing a mail message: headers that survive any relay (7-bit, folded), a base64 body; with an
 * HTML part, the plain text first and the HTML last (the one a client prefers when it can).
 */

#define WORD_BYTES  39 /* UTF-8 bytes per encoded word: 52 base64 chars, 64 in all */
#define SHORT_ASCII 66 /* longer plain headers are encoded (and so folded) too */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void smtp_mime_base64(const unsigned char *in, size_t len, char *out)
{
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		*out++ = b64[in[i] >> 2];
		*out++ = b64[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
		*out++ = b64[((in[i + 1] & 15) << 2) | (in[i + 2] >> 6)];
		*out++ = b64[in[i + 2] & 63];
	}
	if (i < len) {
		*out++ = b64[in[i] >> 2];
		if (i + 1 < len) {
			*out++ = b64[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
			*out++ = b64[(in[i + 1] & 15) << 2];
		} else {
			*out++ = b64[(in[i] & 3) << 4];
			*out++ = '=';
		}
		*out++ = '=';
	}
	*out = '\0';
}

static int plain_ascii(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++, n++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return n <= SHORT_ASCII;
}

/* Bytes of the longest run of whole UTF-8 characters at S of at most MAX bytes. */
static size_t whole_chars(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n > 0 ? n : max;
}

char *smtp_mime_header_text(const char *text)
{
	char *buf, *p, word[4 * ((WORD_BYTES + 2) / 3) + 1];
	size_t len = strlen(text), chunk;

	if (plain_ascii(text) && strstr(text, "=?") == NULL)
		return strdup(text);
	/* Each chunk of at most WORD_BYTES becomes "=?UTF-8?B?" + base64 + "?=" + "\r\n ". */
	if ((buf = malloc((len / 8 + 2) * (sizeof word + 16))) == NULL)
		return NULL;
	p = buf;
	while (*text != '\0') {
		chunk = whole_chars(text, WORD_BYTES);
		smtp_mime_base64((const unsigned char *)text, chunk, word);
		p += sprintf(p, "%s=?UTF-8?B?%s?=", p == buf ? "" : "\r\n ", word);
		text += chunk;
	}
	*p = '\0';
	return buf;
}

int smtp_mime_address(const char *from, char *buf, size_t len)
{
	const char *lt = strrchr(from, '<'), *gt;
	size_t n;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL) {
		from = lt + 1;
		n = (size_t)(gt - from);
	} else {
		from += strspn(from, " \t");
		n = strcspn(from, " \t");
	}
	if (n == 0 || n >= len || memchr(from, '@', n) == NULL)
		return -1;
	memcpy(buf, from, n);
	buf[n] = '\0';
	return 0;
}

void smtp_mime_date(int64_t t, int offset, char *buf, size_t len)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t local = (time_t)(t + offset);
	int a = offset < 0 ? -offset : offset;
	struct tm tm;

	gmtime_r(&local, &tm);
	snprintf(buf, len, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", days[tm.tm_wday],
		 tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 offset < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

/* "Name <addr>" with the name quoted or encoded as needed; just "addr" without a name. */
static void put_mailbox(FILE *f, const char *name, const char *addr)
{
	char *enc;

	if (name == NULL || *name == '\0') {
		fprintf(f, "%s", addr);
		return;
	}
	if (plain_ascii(name)) {
		fputc('"', f);
		for (const char *s = name; *s != '\0'; s++) {
			if (*s == '"' || *s == '\\')
				fputc('\\', f);
			fputc(*s, f);
		}
		fprintf(f, "\" <%s>", addr);
		return;
	}
	if ((enc = smtp_mime_header_text(name)) != NULL)
		fprintf(f, "%s <%s>", enc, addr);
	free(enc);
}

/* FROM as configured: "addr", or "Name <addr>" whose name may need encoding. */
static void put_from(FILE *f, const char *from)
{
	char addr[320], name[320];
	const char *lt = strrchr(from, '<');
	size_t n;

	if (lt == NULL || smtp_mime_address(from, addr, sizeof addr) == -1) {
		fprintf(f, "%s", from);
		return;
	}
	n = (size_t)(lt - from);
	while (n > 0 && (from[n - 1] == ' ' || from[n - 1] == '\t'))
		n--;
	if (n >= 2 && from[0] == '"' && from[n - 1] == '"') {
		from++;
		n -= 2;
	}
	snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), from);
	put_mailbox(f, name, addr);
}

/* The body with "\n" made "\r\n", in base64 lines of 76 characters. */
static void put_body(FILE *f, const char *body)
{
	size_t len = strlen(body), nl = 0, j = 0;
	unsigned char *crlf;
	char line[77];

	for (const char *s = body; *s != '\0'; s++)
		nl += *s == '\n';
	if ((crlf = malloc(len + nl + 1)) == NULL)
		return;
	for (const char *s = body; *s != '\0'; s++) {
		if (*s == '\n' && (s == body || s[-1] != '\r'))
			crlf[j++] = '\r';
		crlf[j++] = (unsigned char)*s;
	}
	for (size_t i = 0; i < j; i += 57) {
		smtp_mime_base64(crlf + i, j - i < 57 ? j - i : 57, line);
		fprintf(f, "%s\r\n", line);
	}
	free(crlf);
}

/* A part's (or a single-part message's) Content-* headers, the header lines EXTRA, the empty
 * line and BODY. */
static void put_part(FILE *f, const char *type, const char *const *extra, const char *body)
{
	fprintf(f, "Content-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n",
		type);
	for (const char *const *x = extra; x != NULL && *x != NULL; x++)
		fprintf(f, "%s\r\n", *x);
	fputs("\r\n", f);
	put_body(f, body);
}

/* A boundary no base64 line and no header can hold ("=_" is not base64, "." not in a line). */
static void boundary(const struct smtp_mime *m, char *buf, size_t len)
{
	unsigned long h = 5381;

	for (const char *s = m->message_id; s != NULL && *s != '\0'; s++)
		h = h * 33 + (unsigned char)*s;
	snprintf(buf, len, "=_qweek.%lx.%llx", h, (unsigned long long)m->date);
}

static void put_content(FILE *f, const struct smtp_mime *m)
{
	char b[64];

	if (m->html == NULL) {
		put_part(f, "text/plain", m->extra, m->body);
		return;
	}
	boundary(m, b, sizeof b);
	fprintf(f, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n", b);
	for (const char *const *x = m->extra; x != NULL && *x != NULL; x++)
		fprintf(f, "%s\r\n", *x);
	fprintf(f, "\r\nThis is a message in two forms: plain text and HTML.\r\n\r\n--%s\r\n", b);
	put_part(f, "text/plain", NULL, m->body);
	fprintf(f, "--%s\r\n", b);
	put_part(f, "text/html", NULL, m->html);
	fprintf(f, "--%s--\r\n", b);
}

char *smtp_mime_build(const struct smtp_mime *m, size_t *len)
{
	char *buf = NULL, *subject = smtp_mime_header_text(m->subject), date[64];
	FILE *f;

	*len = 0;
	if (subject == NULL || (f = open_memstream(&buf, len)) == NULL) {
		free(subject);
		return NULL;
	}
	smtp_mime_date(m->date, m->date_offset, date, sizeof date);
	fputs("From: ", f);
	put_from(f, m->from);
	fputs("\r\nTo: ", f);
	put_mailbox(f, m->to_name, m->to_addr);
	fprintf(f, "\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: %s\r\n", subject, date,
		m->message_id);
	fputs("MIME-Version: 1.0\r\nAuto-Submitted: auto-generated\r\n", f);
	put_content(f, m);
	free(subject);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
