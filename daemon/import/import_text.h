/* SPDX-License-Identifier: MIT */
/* An imported file's bytes as UTF-8 text: byte order marks, Windows-1251, UTF-16, not text. */
#ifndef QWEEK_IMPORT_TEXT_H
#define QWEEK_IMPORT_TEXT_H

#include <stddef.h>

#include "core/error.h"

/* Decoded text; TEXT is malloc'd, NUL-terminated valid UTF-8 (import_text_free). */
struct import_text {
	char *text;
	size_t len;
	const char *encoding; /* as the reply names it: "UTF-8", "Windows-1251", ... */
	int utf16;	      /* was UTF-16 (Excel's "Unicode text": tab-separated) */
	int forced_differs;   /* an encoding was given, but the bytes are UTF-8 with letters */
};

/*
 * The encoding of the LEN bytes at DATA as iconv names it ("UTF-8", "CP1251", "UTF-16LE",
 * "UTF-16BE"), and in *BOM the length of its byte order mark (0 if none). A text that is UTF-8
 * but for a few bytes is "UTF-8" too (it is refused by the decoder with where it breaks).
 */
const char *import_text_detect(const char *data, size_t len, size_t *bom);

/*
 * Decodes the LEN bytes at DATA, from ENCODING when not NULL ("cp1251", "utf-8", "koi8-r",
 * ...), else as detected. Refuses (ERR_INVALID, saying what the file seems to be) what is not
 * text: workbooks, PDF, images, control characters. Returns 0, or -1 with ERR.
 */
int import_text_decode(const char *data, size_t len, const char *encoding, struct import_text *out,
		       struct error *err);
void import_text_free(struct import_text *t);

/* The line (from 1) of byte OFF in TEXT. */
int import_text_line(const char *text, size_t off);

#endif
