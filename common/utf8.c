/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* UTF-8 handling that glibc's locale-dependent functions would make depend on the environment. */

int utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + len;

	while (s < end) {
		unsigned c = *s, need, min;
		uint32_t cp;

		if (c == 0)
			return 0;
		if (c < 0x80) {
			s++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, min = 0x80, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, min = 0x800, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, min = 0x10000, cp = c & 0x07;
		else
			return 0;
		if ((size_t)(end - s) <= need)
			return 0;
		for (unsigned i = 1; i <= need; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		s += need + 1;
	}
	return 1;
}

uint32_t utf8_next(const char **str)
{
	const unsigned char *s = (const unsigned char *)*str;
	uint32_t cp;
	int more;

	if (*s == 0)
		return 0;
	if (*s < 0x80)
		cp = *s, more = 0;
	else if (*s < 0xe0)
		cp = *s & 0x1f, more = 1;
	else if (*s < 0xf0)
		cp = *s & 0x0f, more = 2;
	else
		cp = *s & 0x07, more = 3;
	s++;
	while (more-- > 0 && (*s & 0xc0) == 0x80)
		cp = cp << 6 | (*s++ & 0x3f);
	*str = (const char *)s;
	return cp;
}

size_t utf8_put(char *buf, uint32_t cp)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xc0 | cp >> 6);
		buf[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (char)(0xe0 | cp >> 12);
		buf[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		buf[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	buf[0] = (char)(0xf0 | cp >> 18);
	buf[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	buf[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	buf[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static int is_combining(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x0483 && cp <= 0x0489) ||
	       (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f);
}

static int is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	       (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	       (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
	       (cp >= 0x20000 && cp <= 0x3fffd);
}

size_t utf8_width(const char *s)
{
	size_t w = 0;
	uint32_t cp;

	while ((cp = utf8_next(&s)) != 0) {
		if (cp < 0x20 || is_combining(cp))
			continue;
		w += is_wide(cp) ? 2 : 1;
	}
	return w;
}

uint32_t utf8_fold(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0x0410 && cp <= 0x042f) /* А-Я */
		return cp + 32;
	if (cp >= 0x0400 && cp <= 0x040f) /* Ѐ-Џ: Ё, Є, І, Ї, ... */
		return cp + 80;
	if (cp == 0x0490) /* Ґ */
		return 0x0491;
	if (cp >= 0x00c0 && cp <= 0x00de && cp != 0x00d7)
		return cp + 32;
	if (cp >= 0x0391 && cp <= 0x03a9 && cp != 0x03a2)
		return cp + 32;
	return cp;
}

char *utf8_fold_str(const char *s)
{
	char *out = malloc(strlen(s) * 2 + 1), *p = out;
	uint32_t cp;

	if (out == NULL)
		return NULL;
	while ((cp = utf8_next(&s)) != 0)
		p += utf8_put(p, utf8_fold(cp));
	*p = '\0';
	return out;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;

	while (utf8_next(&s) != 0)
		n++;
	return n;
}

/* Decodes S folded into CPS (at most MAX); returns how many. */
static size_t fold_decode(const char *s, uint32_t *cps, size_t max)
{
	size_t n = 0;
	uint32_t cp;

	while (n < max && (cp = utf8_next(&s)) != 0)
		cps[n++] = utf8_fold(cp);
	return n;
}

int utf8_distance(const char *s, const char *t)
{
	enum { MAX = 128, CAP = 99 };
	uint32_t a[MAX], b[MAX];
	int row[MAX + 1];
	size_t n = fold_decode(s, a, MAX), m = fold_decode(t, b, MAX);

	for (size_t j = 0; j <= m; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= m; j++) {
			int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[m] > CAP ? CAP : row[m];
}
