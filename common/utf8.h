/* SPDX-License-Identifier: MIT */
/* UTF-8: validation, decoding, display width, and case folding for names. */
#ifndef QWEEK_UTF8_H
#define QWEEK_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* True if the LEN bytes at S are well-formed UTF-8 (no overlongs, surrogates or NULs). */
int utf8_valid(const char *s, size_t len);

/*
 * Decodes one code point at *S (which must hold valid UTF-8) and advances *S past it.
 * Returns the code point, or 0 at the end of the string.
 */
uint32_t utf8_next(const char **s);

/* Appends code point CP to BUF (room for 4 bytes); returns the bytes written. */
size_t utf8_put(char *buf, uint32_t cp);

/* Columns that S takes on a terminal: 1 per character, 2 for wide (CJK), 0 for combining marks. */
size_t utf8_width(const char *s);

/* Lower case of CP for Latin, Cyrillic (Russian and Ukrainian) and Greek; else CP itself. */
uint32_t utf8_fold(uint32_t cp);

/* A malloc'd copy of S folded to lower case, for comparing names; NULL on allocation failure. */
char *utf8_fold_str(const char *s);

/* Code points in S. */
size_t utf8_length(const char *s);

/* Edit distance between S and T counted in code points after case folding (capped at 99). */
int utf8_distance(const char *s, const char *t);

#endif
