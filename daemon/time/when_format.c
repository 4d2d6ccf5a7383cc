/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "time/when_format.h"

/* A WHEN written the way qweek writes one when it cannot keep the person's own form. */

static const char *const month_words[3][2][12] = {
	{ { "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
	    "октябрь", "ноябрь", "декабрь" },
	  { "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
	    "октября", "ноября", "декабря" } },
	{ { "січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
	    "вересень", "жовтень", "листопад", "грудень" },
	  { "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
	    "вересня", "жовтня", "листопада", "грудня" } },
	{ { "January", "February", "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" },
	  { "January", "February", "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" } },
};

static int lang_index(const char *lang)
{
	if (lang != NULL && strcmp(lang, "uk") == 0)
		return 1;
	return lang != NULL && strcmp(lang, "en") == 0 ? 2 : 0;
}

const char *when_month_word(int month, const char *lang, int genitive)
{
	if (month < 1 || month > 12)
		return "";
	return month_words[lang_index(lang)][genitive != 0][month - 1];
}

int when_month_word_find(const char *folded, int *lang, int *genitive)
{
	for (int l = 0; l < 3; l++)
		for (int g = 0; g < 2; g++)
			for (int m = 0; m < 12; m++)
				if (strcasecmp(folded, month_words[l][g][m]) == 0) {
					*lang = l, *genitive = g;
					return m + 1;
				}
	return 0;
}

const char *when_month_word_at(int lang, int genitive, int month)
{
	return month_words[lang][genitive][month - 1];
}

/* One point: "13.11.2018", "13.11.2018 15:00", ISO with its offset, or "ноябрь 2018". */
static int point_format(const struct when_point *p, const char *lang, char *buf, size_t len)
{
	int n, off = p->offset_sec < 0 ? -p->offset_sec : p->offset_sec;

	switch (p->prec) {
	case WHEN_PREC_MONTH:
		n = snprintf(buf, len, "%s %d", when_month_word(p->month, lang, 0), p->year);
		break;
	case WHEN_PREC_DATE:
		n = snprintf(buf, len, "%02d.%02d.%04d", p->day, p->month, p->year);
		break;
	case WHEN_PREC_TIME:
		n = snprintf(buf, len, "%02d.%02d.%04d %02d:%02d", p->day, p->month, p->year,
			     p->hour, p->minute);
		if (p->second != 0 && n > 0 && (size_t)n < len)
			n += snprintf(buf + n, len - (size_t)n, ":%02d", p->second);
		break;
	case WHEN_PREC_INSTANT:
		n = snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", p->year,
			     p->month, p->day, p->hour, p->minute, p->second,
			     p->offset_sec < 0 ? '-' : '+', off / 3600, off / 60 % 60);
		break;
	default:
		n = snprintf(buf, len, "%s", "");
	}
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static int same_day(const struct when_point *a, const struct when_point *b)
{
	return a->prec == WHEN_PREC_TIME && b->prec == WHEN_PREC_TIME && a->year == b->year &&
	       a->month == b->month && a->day == b->day;
}

int when_format(const struct when *w, const char *lang, char *buf, size_t len)
{
	char a[64], b[64];
	int n;

	if (w->kind == WHEN_DEADLINE) {
		if (point_format(&w->due, lang, a, sizeof a) == -1)
			return -1;
		/* A month alone is a deadline already: "ноябрь 2018", as people write it. */
		n = snprintf(buf, len, "%s%s",
			     w->due.prec == WHEN_PREC_MONTH ? "" :
			     lang_index(lang) == 2	    ? "by " :
							      "до ",
			     a);
		return n < 0 || (size_t)n >= len ? -1 : 0;
	}
	if (point_format(&w->start, lang, a, sizeof a) == -1)
		return -1;
	if (w->end.prec == WHEN_PREC_NONE)
		n = snprintf(buf, len, "%s", a);
	else if (same_day(&w->start, &w->end) && w->end.second == 0)
		n = snprintf(buf, len, "%s-%02d:%02d", a, w->end.hour, w->end.minute);
	else if (point_format(&w->end, lang, b, sizeof b) == -1)
		return -1;
	else
		n = snprintf(buf, len, "%s - %s", a, b);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}
