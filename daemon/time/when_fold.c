/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "time/when.h"

/*
 * When clocks go back, an hour of wall time occurs twice (03:00-04:00 on 25.10.2026 in Kyiv).
 * People say which with the season, in brackets after the time, as the plan's spreadsheets do:
 * "25.10 03.30 (зимнее)".
 */

static const char *const summer[] = { "летнее", "летнее время", "літній", "літнє", "літній час",
				      "summer", "summer time",	"dst",	  NULL };
static const char *const winter[] = { "зимнее", "зимнее время", "зимовий",  "зимове", "зимовий час",
				      "winter", "winter time",	"standard", NULL };

static int in(const char *const *list, const char *w)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, w) == 0)
			return 1;
	return 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int when_fold_suffix(const char *text, size_t *len)
{
	size_t n = text != NULL ? strlen(text) : 0, open, a, b;
	char *inner, *folded;
	int fold = WHEN_FOLD_NONE;

	while (n > 0 && is_blank(text[n - 1]))
		n--;
	if (n < 3 || text[n - 1] != ')')
		return WHEN_FOLD_NONE;
	for (open = n - 1; open > 0 && text[open - 1] != '('; open--)
		;
	if (open == 0)
		return WHEN_FOLD_NONE;
	for (a = open, b = n - 1; a < b && is_blank(text[a]); a++)
		;
	while (b > a && is_blank(text[b - 1]))
		b--;
	if ((inner = strndup(text + a, b - a)) == NULL)
		return WHEN_FOLD_NONE;
	folded = utf8_fold_str(inner);
	if (folded != NULL && in(summer, folded))
		fold = WHEN_FOLD_SUMMER;
	else if (folded != NULL && in(winter, folded))
		fold = WHEN_FOLD_WINTER;
	free(inner);
	free(folded);
	if (fold != WHEN_FOLD_NONE) {
		for (*len = open - 1; *len > 0 && is_blank(text[*len - 1]); (*len)--)
			;
	}
	return fold;
}
