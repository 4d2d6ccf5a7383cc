/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "feed/feed_render.h"
#include "feed/feed_rules.h"

/*
 * One item as iCalendar components. An event or span is a VEVENT; a deadline is a VTODO and
 * also a VEVENT titled "Срок: …", because Google, iOS and Outlook never show a VTODO from a
 * subscription. Everything in them follows from the item alone (DTSTAMP and LAST-MODIFIED are
 * its `updated`, never the time of the request), so an unchanged item renders to the same
 * bytes and the feed's ETag holds.
 */

#define DAY	   86400
#define NO_END_SEC 3600 /* a moment without an end shows as an hour */

static const struct feed_words words_ru = {
	"Срок: ",     "Ответственные: ", "Пункт плана: ", "Выполнено: ",
	"Отменено: ", "Примечание: ",	 "Напоминание",
};
static const struct feed_words words_uk = {
	"Термін: ",    "Відповідальні: ", "Пункт плану: ", "Виконано: ",
	"Скасовано: ", "Примітка: ",	  "Нагадування",
};
static const struct feed_words words_en = {
	"Due: ", "Responsible: ", "Plan item: ", "Done: ", "Cancelled: ", "Note: ", "Reminder",
};

const struct feed_words *feed_words_for(const char *lang)
{
	if (strcmp(lang, "uk") == 0)
		return &words_uk;
	if (strcmp(lang, "en") == 0)
		return &words_en;
	return &words_ru;
}

/* ---- times -------------------------------------------------------------------------------- */

enum form { FORM_NONE, FORM_INSTANT, FORM_DATE, FORM_MONTH };

/* A stored time: an instant (T), or a day or month (T = its first midnight, as civil seconds). */
struct stamp {
	enum form form;
	int64_t t;
};

/* The number in the N digits at S, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DDTHH:MM:SSZ", "YYYY-MM-DD" or "YYYY-MM" (the forms moment.h stores). */
static struct stamp parse_stored(const char *s)
{
	struct stamp p = { FORM_NONE, 0 };
	size_t len = strlen(s);
	int y, mo, d = 1;

	if ((len != 7 && len != 10 && len != 20) || (y = digits(s, 4)) < 0 || s[4] != '-' ||
	    (mo = digits(s + 5, 2)) < 1 || mo > 12)
		return p;
	if (len >= 10 && (s[7] != '-' || (d = digits(s + 8, 2)) < 1 || d > 31))
		return p;
	if (len == 20) {
		int h = digits(s + 11, 2), mi = digits(s + 14, 2), sec = digits(s + 17, 2);
		if (s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' || h < 0 ||
		    mi < 0 || sec < 0)
			return p;
		p.form = FORM_INSTANT;
		p.t = civil_secs(y, mo, d, h, mi, sec);
		return p;
	}
	p.form = len == 10 ? FORM_DATE : FORM_MONTH;
	p.t = civil_secs(y, mo, d, 0, 0, 0);
	return p;
}

/* The first midnight of the month after the one that starts at civil seconds T. */
static int64_t next_month(int64_t t)
{
	struct civil_time w;

	civil_from_secs(t, &w);
	return civil_secs(w.month == 12 ? w.year + 1 : w.year, w.month % 12 + 1, 1, 0, 0, 0);
}

/* What a VEVENT covers: instants (timed), or whole days [START, END) as civil midnights. */
struct span {
	int all_day;
	int64_t start, end;
};

static int event_span(const struct item *it, struct span *s)
{
	struct stamp a = parse_stored(it->start_at), b = parse_stored(it->end_at);

	s->all_day = a.form != FORM_INSTANT;
	s->start = a.t;
	switch (a.form) {
	case FORM_INSTANT:
		s->end = b.form == FORM_INSTANT && b.t > a.t ? b.t : a.t + NO_END_SEC;
		return 0;
	case FORM_DATE:
		s->end = (b.form == FORM_DATE && b.t >= a.t ? b.t : a.t) + DAY;
		return 0;
	case FORM_MONTH:
		s->end = next_month(b.form == FORM_MONTH && b.t >= a.t ? b.t : a.t);
		return 0;
	case FORM_NONE:
		break;
	}
	return -1;
}

/* A deadline's VEVENT: at its moment, or on its day (a month's: on its last day). */
static int due_span(const struct item *it, struct span *s)
{
	struct stamp d = parse_stored(it->due_at);

	s->all_day = d.form != FORM_INSTANT;
	switch (d.form) {
	case FORM_INSTANT:
		s->start = d.t;
		s->end = d.t + NO_END_SEC;
		return 0;
	case FORM_DATE:
		s->start = d.t;
		s->end = d.t + DAY;
		return 0;
	case FORM_MONTH:
		s->end = next_month(d.t);
		s->start = s->end - DAY;
		return 0;
	case FORM_NONE:
		break;
	}
	return -1;
}

/* "20171114T150000" (and "Z"), or "20171114"; then the end of the line. */
static void put_wall(struct feed_buf *b, const struct civil_time *w, int with_time, int utc)
{
	char buf[20], *p = buf;

	p = feed_digits(p, (uint64_t)w->year, 4);
	p = feed_digits(p, (uint64_t)w->month, 2);
	p = feed_digits(p, (uint64_t)w->day, 2);
	if (with_time) {
		*p++ = 'T';
		p = feed_digits(p, (uint64_t)w->hour, 2);
		p = feed_digits(p, (uint64_t)w->minute, 2);
		p = feed_digits(p, (uint64_t)w->second, 2);
		if (utc)
			*p++ = 'Z';
	}
	feed_putn(b, buf, (size_t)(p - buf));
	feed_end_line(b);
}

/* NAME;TZID=zone:local time of instant T, or NAME;VALUE=DATE:day of civil midnight T. */
static void put_time(struct feed_ctx *c, const char *name, int all_day, int64_t t)
{
	struct civil_time w;

	feed_put(c->b, name);
	if (all_day) {
		civil_from_secs(t, &w);
		feed_put(c->b, ";VALUE=DATE:");
		put_wall(c->b, &w, 0, 0);
		return;
	}
	if (feed_zone_ambiguous(c->zone, t)) {
		/*
		 * 03:30 on the night DST ends happens twice. RFC 5545 means the first; python-
		 * icalendar, ical.js and node-ical take the second. In UTC, nobody can err.
		 */
		civil_from_secs(t, &w);
		feed_putn(c->b, ":", 1);
		put_wall(c->b, &w, 1, 1);
		return;
	}
	feed_zone_wall(c->zone, t, &w);
	feed_put(c->b, ";TZID=");
	feed_put(c->b, c->plan->tz);
	feed_putn(c->b, ":", 1);
	put_wall(c->b, &w, 1, 0);
}

static void put_utc(struct feed_ctx *c, const char *name, int64_t t)
{
	struct civil_time w;

	civil_from_secs(t, &w);
	feed_put(c->b, name);
	feed_putn(c->b, ":", 1);
	put_wall(c->b, &w, 1, 1);
}

static void put_int(struct feed_ctx *c, const char *name, int64_t v)
{
	char buf[24];

	*feed_digits(buf, (uint64_t)(v < 0 ? 0 : v), 1) = '\0';
	feed_line(c->b, name, buf);
}

/* ---- texts -------------------------------------------------------------------------------- */

/* SUMMARY: a VEVENT marks a done ("✓ ") or cancelled ("✗ ") item; a VTODO has its STATUS. */
static void put_summary(struct feed_ctx *c, const struct item *it, int marked, int due_prefix)
{
	feed_put(c->b, "SUMMARY:");
	if (marked && strcmp(it->state, "done") == 0)
		feed_put(c->b, "✓ ");
	else if (marked && strcmp(it->state, "cancelled") == 0)
		feed_put(c->b, "✗ ");
	if (due_prefix)
		feed_put_text(c->b, c->words->due);
	feed_put_text(c->b, it->title);
	feed_end_line(c->b);
}

static void put_names(struct feed_buf *b, const char *joined)
{
	for (const char *s = joined; *s != '\0';) {
		size_t n = strcspn(s, "\x1f");

		feed_put_textn(b, s, n);
		s += n;
		if (*s == '\x1f') {
			feed_put_text(b, ", ");
			s++;
		}
	}
}

static void put_part(struct feed_ctx *c, int *first, const char *head, const char *text)
{
	if (!*first)
		feed_putn(c->b, "\\n", 2);
	*first = 0;
	feed_put_text(c->b, head);
	if (text != NULL)
		feed_put_text(c->b, text);
}

static void put_moment(struct feed_ctx *c, int64_t t, const char *by)
{
	struct civil_time w;
	char buf[64];

	feed_zone_wall(c->zone, t, &w);
	snprintf(buf, sizeof buf, "%02d.%02d.%04d %02d:%02d", w.day, w.month, w.year, w.hour,
		 w.minute);
	feed_put_text(c->b, buf);
	if (by != NULL && *by != '\0') {
		feed_put_text(c->b, " (");
		feed_put_text(c->b, by);
		feed_put_text(c->b, ")");
	}
}

/* DESCRIPTION: who is responsible, the label, the item's text, done or cancelled, the note. */
static void put_description(struct feed_ctx *c, const struct item *it)
{
	int first = 1;

	if (*it->who == '\0' && *it->label == '\0' && *it->description == '\0' &&
	    it->done_at == 0 && it->cancelled_at == 0 && *it->note == '\0')
		return;
	feed_put(c->b, "DESCRIPTION:");
	if (*it->who != '\0') {
		put_part(c, &first, c->words->who, NULL);
		put_names(c->b, it->who);
	}
	if (*it->label != '\0')
		put_part(c, &first, c->words->label, it->label);
	if (*it->description != '\0')
		put_part(c, &first, "", it->description);
	if (strcmp(it->state, "done") == 0 && it->done_at != 0) {
		put_part(c, &first, c->words->done, NULL);
		put_moment(c, it->done_at, it->done_by);
	}
	if (strcmp(it->state, "cancelled") == 0 && it->cancelled_at != 0) {
		put_part(c, &first, c->words->cancelled, NULL);
		put_moment(c, it->cancelled_at, NULL);
	}
	if (*it->note != '\0')
		put_part(c, &first, c->words->note, it->note);
	feed_end_line(c->b);
}

/* "qweek-item-12@host" (SUFFIX "-due": "qweek-item-12-due@host"), and the end of the line. */
static void put_uid(struct feed_ctx *c, const char *name, int64_t id, const char *suffix)
{
	char digits[24];

	*feed_digits(digits, (uint64_t)id, 1) = '\0';
	feed_put(c->b, name);
	feed_put(c->b, ":qweek-item-");
	feed_put(c->b, digits);
	feed_put(c->b, suffix);
	feed_putn(c->b, "@", 1);
	feed_put_text(c->b, c->host);
	feed_end_line(c->b);
}

/*
 * The WHEN to write: as typed when it reads back as the same time, else one that does
 * (export_when.h), as a deadline typed with --due as "17.11" would read back as an event.
 * Into BUF (LEN bytes) or IT; "" for none.
 */
static const char *when_of(struct feed_ctx *c, const struct item *it, char *buf, size_t len)
{
	if (*it->when_text == '\0')
		return "";
	return export_when_text(c->when, it, buf, len);
}

/*
 * Done or cancelled when and by whom, and the note, for the import: the DESCRIPTION says them
 * to people, but in the plan's language and local time, and without a note's line breaks.
 */
static void put_state(struct feed_ctx *c, const struct item *it)
{
	int done = strcmp(it->state, "done") == 0;

	if (done && it->done_at != 0)
		put_utc(c, "X-QWEEK-DONE", it->done_at);
	if (done && *it->done_by != '\0')
		feed_line_text(c->b, "X-QWEEK-DONE-BY", it->done_by);
	if (strcmp(it->state, "cancelled") == 0 && it->cancelled_at != 0)
		put_utc(c, "X-QWEEK-CANCELLED", it->cancelled_at);
	if (*it->note != '\0')
		feed_line_text(c->b, "X-QWEEK-NOTE", it->note);
}

/*
 * UID, stamps, SEQUENCE, LOCATION, CATEGORIES, DESCRIPTION: the same in every component. Then
 * what makes an export import back exactly (import_ics.c): the parent's UID (RELATED-TO), as
 * labels alone cannot tell two items "7" apart, the WHEN as typed (X-QWEEK-WHEN), as DTSTART
 * and DTEND cannot tell "14.11 в 15.00" (no end: shown as an hour) or "декабрь 2017" (shown on
 * the month's last day) from what they show, and the state's when, who and note (X-QWEEK-*).
 */
static void put_common(struct feed_ctx *c, const struct item *it, const char *when,
		       const char *uid_suffix)
{
	put_uid(c, "UID", it->id, uid_suffix);
	put_utc(c, "DTSTAMP", it->updated);
	put_utc(c, "CREATED", it->created);
	put_utc(c, "LAST-MODIFIED", it->updated);
	put_int(c, "SEQUENCE", it->seq);
	if (*it->place != '\0')
		feed_line_text(c->b, "LOCATION", it->place);
	feed_put(c->b, "CATEGORIES:");
	feed_put_text(c->b, c->plan->title);
	if (*it->label != '\0') {
		feed_putn(c->b, ",", 1);
		feed_put_text(c->b, it->label);
	}
	feed_end_line(c->b);
	put_description(c, it);
	if (it->parent_id != 0)
		put_uid(c, "RELATED-TO", it->parent_id, "");
	if (*when != '\0')
		feed_line_text(c->b, "X-QWEEK-WHEN", when);
	put_state(c, it);
}

/* ---- alarms ------------------------------------------------------------------------------- */

/* A TRIGGER's duration: calendar days (nominal, as RFC 5545 counts them) and exact seconds. */
struct dur {
	int neg;
	int64_t days, secs;
};

/* "-P3D", "-PT1H", "-P2DT15H", "PT9H", "PT0S". */
static void put_duration(struct feed_buf *b, const struct dur *d)
{
	char buf[64], *p = buf;

	if (d->neg)
		*p++ = '-';
	*p++ = 'P';
	if (d->days > 0) {
		p = feed_digits(p, (uint64_t)d->days, 1);
		*p++ = 'D';
	}
	if (d->secs > 0 || d->days == 0) {
		*p++ = 'T';
		if (d->secs >= 3600) {
			p = feed_digits(p, (uint64_t)(d->secs / 3600), 1);
			*p++ = 'H';
		}
		if (d->secs % 3600 >= 60) {
			p = feed_digits(p, (uint64_t)(d->secs / 60 % 60), 1);
			*p++ = 'M';
		}
		if (d->secs % 60 != 0 || d->secs == 0) {
			p = feed_digits(p, (uint64_t)(d->secs % 60), 1);
			*p++ = 'S';
		}
	}
	feed_putn(b, buf, (size_t)(p - buf));
}

/* A whole-day item's reminder: AT seconds after midnight, DAYS_BEFORE days before its day. */
static void whole_day(struct dur *d, int64_t days_before, int64_t at)
{
	if (days_before == 0) {
		*d = (struct dur){ 0, 0, at };
		return;
	}
	*d = (struct dur){ 1, days_before - 1, DAY - at };
}

/*
 * When rule R fires, from the component's anchor (a VEVENT's start, a VTODO's due), counted as
 * the reminders count (remind_occur.h, remind_fire): the same instants, said relative so that
 * every client takes them. A whole-day item's anchor is its day's midnight (an event's first
 * day, a deadline's due day, a month's last day). Returns 0 when R does not apply.
 */
static int trigger_of(struct feed_ctx *c, const struct remind_rule *r, const struct span *s,
		      struct dur *d)
{
	struct civil_time w;
	int64_t t;

	switch (r->type) {
	case REMIND_BEFORE_SEC: /* exactly so long before: not for whole days */
		if (s->all_day)
			return 0;
		*d = (struct dur){ 1, 0, r->amount };
		return 1;
	case REMIND_BEFORE_DAYS:
		if (s->all_day)
			whole_day(d, r->amount, REMIND_MORNING);
		else
			*d = (struct dur){ 1, r->amount, 0 };
		return 1;
	case REMIND_ON_DAY:
		if (s->all_day) { /* the day's time is always before a whole day is over */
			whole_day(d, 0, r->amount);
			return 1;
		}
		feed_zone_wall(c->zone, s->start, &w);
		t = feed_zone_instant(c->zone, w.year, w.month, w.day, (int)(r->amount / 3600),
				      (int)(r->amount / 60 % 60), (int)(r->amount % 60)) -
		    s->start;
		if (t > 0) /* after the moment */
			return 0;
		*d = (struct dur){ t < 0, 0, t < 0 ? -t : 0 };
		return 1;
	}
	return 0;
}

/* The item's VALARMs: its own reminder rules, else the plan's for its kind (feed_rules.h). */
static void put_alarms(struct feed_ctx *c, const struct item *it, const struct span *s, int todo)
{
	const struct remind_list *l;
	struct dur d;

	if (!c->alarms || c->rules == NULL || strcmp(it->state, "open") != 0)
		return;
	l = feed_rules_of(c->rules, it->id, it->kind);
	for (int i = 0; i < l->n; i++) {
		if (!trigger_of(c, &l->r[i], s, &d))
			continue;
		feed_buf_raw(c->b, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n", 30);
		feed_line_text(c->b, "DESCRIPTION", c->words->reminder);
		feed_put(c->b, todo ? "TRIGGER;RELATED=END:" : "TRIGGER:");
		put_duration(c->b, &d);
		feed_end_line(c->b);
		feed_buf_raw(c->b, "END:VALARM\r\n", 12);
	}
}

/* ---- components --------------------------------------------------------------------------- */

static void put_vevent(struct feed_ctx *c, const struct item *it, const char *when,
		       const struct span *s, int due_event)
{
	feed_buf_raw(c->b, "BEGIN:VEVENT\r\n", 14);
	put_common(c, it, when, due_event ? "-due" : "");
	put_summary(c, it, 1, due_event);
	put_time(c, "DTSTART", s->all_day, s->start);
	put_time(c, "DTEND", s->all_day, s->end);
	feed_line(c->b, "TRANSP", s->all_day || due_event ? "TRANSPARENT" : "OPAQUE");
	feed_line(c->b, "STATUS", strcmp(it->state, "cancelled") == 0 ? "CANCELLED" : "CONFIRMED");
	put_alarms(c, it, s, 0);
	feed_buf_raw(c->b, "END:VEVENT\r\n", 12);
	c->nevents++;
}

/*
 * A deadline's VTODO is DUE at its moment; an event's (FEED_TODO_EVERY, the CalDAV tasks) starts
 * when it starts and is DUE when it ends, its alarms before its start as the VEVENT's are.
 */
static void put_vtodo(struct feed_ctx *c, const struct item *it, const char *when,
		      const struct span *s, int event)
{
	int done = strcmp(it->state, "done") == 0;
	int cancelled = strcmp(it->state, "cancelled") == 0;

	feed_buf_raw(c->b, "BEGIN:VTODO\r\n", 13);
	put_common(c, it, when, "");
	put_summary(c, it, 0, 0);
	if (event)
		put_time(c, "DTSTART", s->all_day, s->start);
	put_time(c, "DUE", s->all_day, event ? s->end : s->start);
	feed_line(c->b, "STATUS", done ? "COMPLETED" : cancelled ? "CANCELLED" : "NEEDS-ACTION");
	if (!cancelled)
		feed_line(c->b, "PERCENT-COMPLETE", done ? "100" : "0");
	if (done && it->done_at != 0)
		put_utc(c, "COMPLETED", it->done_at);
	put_alarms(c, it, s, !event);
	feed_buf_raw(c->b, "END:VTODO\r\n", 11);
	c->ntodos++;
}

/* Cancelled items stay (as STATUS:CANCELLED) for FEED_CANCELLED_KEEP, then leave the feed. */
static int still_shown(struct feed_ctx *c, const struct item *it)
{
	int64_t leaves = it->cancelled_at + FEED_CANCELLED_KEEP;

	if (strcmp(it->state, "cancelled") != 0 || it->cancelled_at == 0)
		return 1;
	if (leaves <= c->now) {
		if (leaves > c->modified)
			c->modified = leaves;
		return 0;
	}
	if (c->expires == 0 || leaves < c->expires)
		c->expires = leaves;
	return 1;
}

void feed_item_write(struct feed_ctx *c, const struct item *it)
{
	struct span s;
	char buf[160];
	const char *when;

	if (!still_shown(c, it))
		return;
	if (c->todo == FEED_TODO_EVERY && strcmp(it->kind, "deadline") != 0) {
		if (event_span(it, &s) == 0)
			put_vtodo(c, it, when_of(c, it, buf, sizeof buf), &s, 1);
		return;
	}
	if (strcmp(it->kind, "deadline") != 0) {
		if (event_span(it, &s) == 0)
			put_vevent(c, it, when_of(c, it, buf, sizeof buf), &s, 0);
		return;
	}
	if (due_span(it, &s) == -1)
		return;
	when = when_of(c, it, buf, sizeof buf); /* once for both */
	/* The VTODO's DUE is the day for a whole day; for an instant, the instant itself. */
	if (c->todo != FEED_TODO_NONE)
		put_vtodo(c, it, when, &s, 0);
	if (c->todo != FEED_TODO_ONLY && c->todo != FEED_TODO_EVERY)
		put_vevent(c, it, when, &s, 1);
}
