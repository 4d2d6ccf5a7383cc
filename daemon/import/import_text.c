/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/import_text.h"
#include "utf8.h"

/*
 * What a spreadsheet saves: UTF-8 with or without a byte order mark (LibreOffice, Excel's
 * "CSV UTF-8"), Windows-1251 (Excel's plain "CSV" on a Russian or Ukrainian Windows), UTF-16
 * with a mark (Excel's "Unicode text"). iconv converts; detection looks at the bytes.
 */

/* Files that are not text at all, by their first bytes, and what to do about them. */
static const struct magic {
	const char *bytes;
	size_t len;
	const char *what;
} magics[] = {
	{ "PK\x03\x04", 4,
	  "a zip archive, most likely an Excel or LibreOffice workbook (.xlsx, "
	  ".ods): open it and save the sheet as CSV" },
	{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8,
	  "an old Excel workbook (.xls) or Word document: "
	  "open it and save the sheet as CSV" },
	{ "%PDF", 4, "a PDF document: export the table from where it was made, as CSV" },
	{ "{\\rtf", 5, "an RTF document: save the table as CSV" },
	{ "\x1f\x8b", 2, "a gzip archive: unpack it first" },
	{ "\x89PNG", 4, "an image (PNG)" },
	{ "\xff\xd8\xff", 3, "an image (JPEG)" },
	{ "GIF8", 4, "an image (GIF)" },
};

int import_text_line(const char *text, size_t off)
{
	int line = 1;

	for (size_t i = 0; i < off && text[i] != '\0'; i++)
		line += text[i] == '\n';
	return line;
}

/* Well-formed multi-byte sequences and bytes that are not, in the LEN bytes at S. */
static void count_utf8(const unsigned char *s, size_t len, size_t *good, size_t *bad)
{
	size_t i = 0;

	*good = *bad = 0;
	while (i < len) {
		size_t n = s[i] < 0x80			? 1 :
			   s[i] >= 0xc2 && s[i] <= 0xdf ? 2 :
			   s[i] >= 0xe0 && s[i] <= 0xef ? 3 :
			   s[i] >= 0xf0 && s[i] <= 0xf4 ? 4 :
							  0;
		if (n == 1) {
			i++;
			continue;
		}
		if (n == 0 || i + n > len || !utf8_valid((const char *)s + i, n)) {
			(*bad)++;
			i++;
			continue;
		}
		(*good)++;
		i += n;
	}
}

const char *import_text_detect(const char *data, size_t len, size_t *bom)
{
	const unsigned char *u = (const unsigned char *)data;
	size_t good, bad;

	*bom = 0;
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		*bom = 3;
		return "UTF-8";
	}
	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) {
		*bom = 2;
		return u[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
	}
	if (memchr(data, '\0', len) == NULL && utf8_valid(data, len))
		return "UTF-8";
	count_utf8(u, len, &good, &bad);
	/* Windows-1251 text breaks UTF-8 at nearly every letter; UTF-8 with a slip, rarely. */
	return good > 10 * bad ? "UTF-8" : "CP1251";
}

/* The iconv name for what people write ("cp1251", "windows-1251", "utf8"), or NULL. */
static const char *iconv_name(const char *enc, char *buf, size_t size)
{
	static const struct {
		const char *alias, *name;
	} aliases[] = {
		{ "cp1251", "CP1251" },	 { "windows-1251", "CP1251" }, { "win-1251", "CP1251" },
		{ "win1251", "CP1251" }, { "1251", "CP1251" },	       { "utf8", "UTF-8" },
		{ "utf-8", "UTF-8" },	 { "koi8r", "KOI8-R" },	       { "koi8u", "KOI8-U" },
		{ "cp866", "CP866" },	 { "dos", "CP866" },	       { "utf16", "UTF-16" },
	};
	size_t n = strlen(enc);

	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcasecmp(enc, aliases[i].alias) == 0)
			return aliases[i].name;
	if (n == 0 || n >= size || n > 32)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (!isalnum((unsigned char)enc[i]) && enc[i] != '-' && enc[i] != '_')
			return NULL;
		buf[i] = (char)toupper((unsigned char)enc[i]);
	}
	buf[n] = '\0';
	return buf;
}

static const char *display_name(const char *iconv)
{
	return strcmp(iconv, "CP1251") == 0 ? "Windows-1251" : iconv;
}

/* Converts with CD into OUT; 0, or -1 with ERR saying where the bytes are not ENC. */
static int convert(iconv_t cd, const char *data, size_t len, const char *enc,
		   struct import_text *out, struct error *err)
{
	size_t cap = len * 2 + 16, used = 0, inleft = len;
	char *in = (char *)data, *buf = malloc(cap), *grown;

	while (buf != NULL) {
		char *o = buf + used;
		size_t oleft = cap - used - 1;
		size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
		used = (size_t)(o - buf);
		if (rc != (size_t)-1 && iconv(cd, NULL, NULL, &o, &oleft) != (size_t)-1) {
			used = (size_t)(o - buf);
			buf[used] = '\0';
			out->text = buf;
			out->len = used;
			return 0;
		}
		if (errno != E2BIG) {
			size_t off = (size_t)(in - data);
			free(buf);
			if (errno == EINVAL)
				return error_set(err, ERR_INVALID,
						 "the file ends in the "
						 "middle of a %s character",
						 display_name(enc));
			if (strncmp(enc, "UTF-16", 6) == 0)
				return error_set(err, ERR_INVALID,
						 "the bytes at offset %zu "
						 "are not %s",
						 off, enc);
			return error_set(err, ERR_INVALID,
					 "byte 0x%02x on line %d is not %s: "
					 "is the file in another encoding?",
					 (unsigned char)data[off], import_text_line(data, off),
					 display_name(enc));
		}
		if ((grown = realloc(buf, cap * 2)) == NULL)
			free(buf);
		buf = grown;
		cap *= 2;
	}
	return error_set(err, ERR_INTERNAL, "out of memory");
}

/* Valid UTF-8 TEXT as it is, for OUT; 0, or -1 with ERR. */
static int copy_text(const char *text, size_t len, struct import_text *out, struct error *err)
{
	if ((out->text = malloc(len + 1)) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	memcpy(out->text, text, len);
	out->text[len] = '\0';
	out->len = len;
	return 0;
}

/* Refuses LEN bytes with control characters (but tab and line ends): not a table. */
static int check_controls(const char *text, size_t len, struct error *err)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			return error_set(err, ERR_INVALID,
					 "the file is not text: it has a control "
					 "character (0x%02x) on line %d; is it a spreadsheet "
					 "saved in its own format? Save it as CSV",
					 c, import_text_line(text, i));
	}
	return 0;
}

static int refuse_magic(const char *data, size_t len, struct error *err)
{
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (len >= magics[i].len && memcmp(data, magics[i].bytes, magics[i].len) == 0)
			return error_set(err, ERR_INVALID, "the file is not a table: it is %s",
					 magics[i].what);
	return 0;
}

/* UTF-8 that breaks somewhere: say where, rather than read it as Windows-1251 garbage. */
static int refuse_broken_utf8(const char *data, size_t len, struct error *err)
{
	size_t i = 0;

	while (i < len) {
		size_t n = 1;
		while (n <= 4 && i + n <= len && !utf8_valid(data + i, n))
			n++;
		if (n > 4 || i + n > len)
			break;
		i += n;
	}
	if (memchr(data, '\0', len) != NULL)
		return error_set(err, ERR_INVALID,
				 "the file is not text: it has NUL bytes; is "
				 "it a spreadsheet saved in its own format? Save it as CSV");
	return error_set(err, ERR_INVALID,
			 "the file is UTF-8 but for byte 0x%02x on line %d "
			 "(a damaged or cut file?); if it is in another encoding, say which "
			 "(--encoding cp1251)",
			 i < len ? (unsigned char)data[i] : 0, import_text_line(data, i));
}

/* The iconv name to read DATA from (*FROM) and its byte order mark (*BOM); 0 or -1. */
static int choose(const char *data, size_t len, const char *encoding, char *namebuf, size_t size,
		  const char **from, size_t *bom, struct error *err)
{
	if (encoding == NULL) {
		*from = import_text_detect(data, len, bom);
		return 0;
	}
	if ((*from = iconv_name(encoding, namebuf, size)) == NULL)
		return error_set(err, ERR_INVALID, "unknown encoding «%s»: use utf-8 or cp1251",
				 encoding);
	import_text_detect(data, len, bom);
	if (strcmp(*from, "UTF-8") != 0 || *bom != 3)
		*bom = 0; /* iconv reads a UTF-16 mark itself */
	return 0;
}

/*
 * Notes in OUT that the bytes, read as FROM because the request said so, are UTF-8 with
 * letters beyond ASCII: Cyrillic read as Windows-1251 that way turns into «Р—Р°...».
 */
static void compare_detected(const char *data, size_t len, const char *from,
			     struct import_text *out, size_t bom)
{
	int high = 0;

	for (size_t i = 0; i < len && !high; i++)
		high = (unsigned char)data[i] >= 0x80;
	out->forced_differs = high && strcmp(from, "UTF-8") != 0 && strncmp(from, "UTF-16", 6) &&
			      utf8_valid(data + bom, len - bom);
}

int import_text_decode(const char *data, size_t len, const char *encoding, struct import_text *out,
		       struct error *err)
{
	const char *from;
	char namebuf[40];
	size_t bom = 0;
	iconv_t cd;
	int rc;

	memset(out, 0, sizeof *out);
	if (refuse_magic(data, len, err) == -1 ||
	    choose(data, len, encoding, namebuf, sizeof namebuf, &from, &bom, err) == -1)
		return -1;
	out->utf16 = strncmp(from, "UTF-16", 6) == 0;
	if (encoding != NULL)
		compare_detected(data, len, from, out, bom);
	/* Control bytes are the same in UTF-8 and 8-bit encodings: refused before iconv. */
	if (!out->utf16 && check_controls(data, len, err) == -1)
		return -1;
	if (encoding == NULL && strcmp(from, "UTF-8") == 0 && !utf8_valid(data + bom, len - bom))
		return refuse_broken_utf8(data + bom, len - bom, err);
	out->encoding = display_name(from);
	if (strcmp(from, "UTF-8") == 0 && bom == 3)
		out->encoding = "UTF-8 with BOM";
	if (encoding != NULL && out->encoding == namebuf)
		out->encoding = encoding;
	/* UTF-8 already (most files): a copy, not iconv's, which wants twice the room. */
	if (strcmp(from, "UTF-8") == 0 && utf8_valid(data + bom, len - bom))
		return copy_text(data + bom, len - bom, out, err);
	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1)
		return error_set(err, ERR_INVALID, "unknown encoding «%s»: use utf-8 or cp1251",
				 encoding != NULL ? encoding : from);
	rc = convert(cd, data + bom, len - bom, from, out, err);
	iconv_close(cd);
	if (rc == 0 && (rc = check_controls(out->text, out->len, err)) == 0 &&
	    !utf8_valid(out->text, out->len))
		rc = error_set(err, ERR_INVALID, "the file is not valid text");
	if (rc == -1)
		import_text_free(out);
	return rc;
}

void import_text_free(struct import_text *t)
{
	free(t->text);
	t->text = NULL;
	t->len = 0;
}
