/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "feed/export_when.h"
#include "time/moment.h"

/*
 * A WHEN is typed once and read by the parser in the plan's days; what it was read as is stored
 * (kind, start, end, due as moment.c writes them). The import reads a WHEN without the CLI's
 * --due, so "17.11" typed as a deadline would come back an event: such a WHEN is written again
 * from what is stored, and the text kept is the first that reads back the same.
 */

static const char *const months_ru[] = { "январь",   "февраль", "март",	  "апрель",
					 "май",	     "июнь",	"июль",	  "август",
					 "сентябрь", "октябрь", "ноябрь", "декабрь" };
static const char *const months_uk[] = { "січень",   "лютий",	"березень", "квітень",
					 "травень",  "червень", "липень",   "серпень",
					 "вересень", "жовтень", "листопад", "грудень" };
static const char *const months_en[] = { "January",   "February", "March",    "April",
					 "May",	      "June",	  "July",     "August",
					 "September", "October",  "November", "December" };

void export_when_init(struct export_when *w, const struct plan *p)
{
	memset(w, 0, sizeof *w);
	when_ctx_init(&w->ctx, p->first_day, p->last_day);
	w->tz = p->tz;
	w->deadline_word = strcmp(p->lang, "en") == 0 ? "by" : "до";
	w->months = strcmp(p->lang, "uk") == 0 ? months_uk :
		    strcmp(p->lang, "en") == 0 ? months_en :
						 months_ru;
}

/* How TEXT reads back for IT: 2 exactly as stored, 1 the same kind, start, end and due (but
 * overdue at another moment: an instant where a local time was typed), 0 otherwise. */
static int reads_back(const struct export_when *w, const struct item *it, const char *text)
{
	struct error err = ERROR_INIT;
	struct when parsed;
	struct moment m;

	if (when_parse(text, &w->ctx, 0, &parsed, NULL) == -1 ||
	    moment_from_when(&parsed, w->tz, &m, &err) == -1) {
		error_clear(&err);
		return 0;
	}
	if (strcmp(m.kind, it->kind) != 0 || strcmp(m.start, it->start_at) != 0 ||
	    strcmp(m.end, it->end_at) != 0 || strcmp(m.due, it->due_at) != 0)
		return 0;
	return m.at == it->at && m.late_after == it->late_after ? 2 : 1;
}

enum form {
	FORM_LOCAL, /* "17.11.2017 18:00", "декабрь 2017" */
	FORM_ISO,   /* "2017-11-17T18:00:00+02:00", "2017-12" */
};

/* A stored point (moment.c: "…Z", "YYYY-MM-DD", "YYYY-MM") as people write it, or in ISO 8601. */
static void put_point(const struct export_when *w, const char *stored, enum form f, char *buf,
		      size_t len)
{
	size_t n = strlen(stored);
	int y, mo, d, h, mi, s;
	char iso[40];

	if (f == FORM_ISO && n != 20) {
		snprintf(buf, len, "%s", stored);
	} else if (n == 10 && sscanf(stored, "%4d-%2d-%2d", &y, &mo, &d) == 3) {
		snprintf(buf, len, "%02d.%02d.%04d", d, mo, y);
	} else if (n == 7 && sscanf(stored, "%4d-%2d", &y, &mo) == 2 && mo >= 1 && mo <= 12) {
		snprintf(buf, len, "%s %04d", w->months[mo - 1], y);
	} else {
		moment_iso(stored, w->tz, iso, sizeof iso);
		if (f == FORM_ISO ||
		    sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
			snprintf(buf, len, "%s", iso);
		else if (s != 0)
			snprintf(buf, len, "%02d.%02d.%04d %02d:%02d:%02d", d, mo, y, h, mi, s);
		else
			snprintf(buf, len, "%02d.%02d.%04d %02d:%02d", d, mo, y, h, mi);
	}
}

/* IT's stored time written out in form F. */
static void compose(const struct export_when *w, const struct item *it, enum form f, char *buf,
		    size_t len)
{
	char a[64], b[64];

	if (strcmp(it->kind, "deadline") == 0) {
		put_point(w, it->due_at, f, a, sizeof a);
		if (f == FORM_LOCAL && strlen(it->due_at) == 7)
			snprintf(buf, len, "%s", a); /* a month is a deadline by itself */
		else
			snprintf(buf, len, "%s %s", w->deadline_word, a);
		return;
	}
	put_point(w, it->start_at, f, a, sizeof a);
	if (*it->end_at == '\0') {
		snprintf(buf, len, "%s", a);
		return;
	}
	put_point(w, it->end_at, f, b, sizeof b);
	snprintf(buf, len, "%s%s%s", a, f == FORM_ISO ? "/" : " - ", b);
}

const char *export_when_text(const struct export_when *w, const struct item *it, char *buf,
			     size_t len)
{
	static const enum form forms[] = { FORM_LOCAL, FORM_ISO };
	const char *chosen = it->when_text; /* unless another reads back better */
	char text[160];
	int best = reads_back(w, it, it->when_text), score;

	if (best == 2)
		return chosen; /* as nearly always */
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		compose(w, it, forms[i], text, sizeof text);
		if ((score = reads_back(w, it, text)) <= best)
			continue;
		best = score;
		snprintf(buf, len, "%s", text);
		chosen = buf;
		if (best == 2)
			break;
	}
	return chosen;
}
