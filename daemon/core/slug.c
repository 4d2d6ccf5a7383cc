/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "core/slug.h"
#include "utf8.h"

/* Transliteration of Russian and Ukrainian letters (lower case) into Latin. */

static const char *const cyrillic[32] = {
	"a", "b", "v", "g", "d", "e",  "zh", "z",  "i",	 "y",	 "k", "l", "m", "n", "o",  "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",	"e", "yu", "ya",
};

static const char *translit(uint32_t cp)
{
	static char ascii[2];

	cp = utf8_fold(cp);
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		ascii[0] = (char)cp;
		return ascii;
	}
	if (cp >= 0x0430 && cp <= 0x044f)
		return cyrillic[cp - 0x0430];
	switch (cp) {
	case 0x0451:
		return "e"; /* ё */
	case 0x0454:
		return "ye"; /* є */
	case 0x0456:
		return "i"; /* і */
	case 0x0457:
		return "yi"; /* ї */
	case 0x0491:
		return "g"; /* ґ */
	case 0x2019:
	case '\'':
		return "";
	default:
		return NULL; /* a separator */
	}
}

void slug_from_title(const char *title, char *buf, size_t len)
{
	size_t used = 0, max = len - 1 < 48 ? len - 1 : 48;
	int dash = 0;
	uint32_t cp;

	while ((cp = utf8_next(&title)) != 0) {
		const char *t = translit(cp);
		if (t == NULL) {
			dash = used > 0;
			continue;
		}
		if (dash && used + 1 < max)
			buf[used++] = '-';
		dash = 0;
		for (; *t != '\0' && used < max; t++)
			buf[used++] = *t;
	}
	while (used > 0 && buf[used - 1] == '-')
		used--;
	if (used == 0)
		used = (size_t)(stpcpy(buf, "plan") - buf);
	buf[used] = '\0';
}

int slug_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}
