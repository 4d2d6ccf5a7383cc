/* SPDX-License-Identifier: MIT */
#include <libical/ical.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feed/feed_render.h"
#include "import/import_ics.h"
#include "import/import_ics_check.h"
#include "import/import_ics_when.h"
#include "import/import_ics_zone.h"
#include "time/tz.h"

/*
 * iCalendar to rows: every VEVENT and VTODO is a row, in file order. What qweek itself wrote
 * (PRODID with "qweek") reads back to the same items: the description's "Ответственные: " and
 * "Пункт плана: " lines give the people and the label, a deadline's "Срок: …" event is its
 * to-do's copy, "✓ "/"✗ " before a title mark a done or cancelled item, and X-QWEEK-* say
 * what RFC 5545 cannot (the WHEN as typed, done or cancelled when and by whom, the note).
 * Other calendars have none of that: a to-do's COMPLETED is its done time there.
 */

#define ICS_MAX_DESCRIPTION   20000
#define ICS_MAX_NOTE	      20000 /* the API's (api_state.c) */
#define ICS_MAX_NAME	      200
#define ICS_MAX_FILE_WARNINGS 20

struct ics_ctx {
	const struct import_opts *o;
	struct import_file *f;
	json_t *todos; /* UID of each VTODO → its row */
	int qweek;     /* written by qweek */
	int others;    /* components that are neither events nor to-dos */
};

/* What a component's X-QWEEK-* say of its state, until its state is known. */
struct ics_x {
	int64_t done_at, cancelled_at; /* Unix time, 0 if not said */
	char *done_by;		       /* malloc'd, or NULL */
};

static int is_item(icalcomponent *c)
{
	icalcomponent_kind k = icalcomponent_isa(c);

	return k == ICAL_VEVENT_COMPONENT || k == ICAL_VTODO_COMPONENT;
}

static const struct feed_words *const *all_words(void)
{
	static const struct feed_words *w[4];

	if (w[0] == NULL) {
		w[0] = feed_words_for("ru");
		w[1] = feed_words_for("uk");
		w[2] = feed_words_for("en");
	}
	return w;
}

/* S without the word W of any language at its start (one of FIELD's), or NULL. */
static const char *after_word(const char *s, size_t field)
{
	for (const struct feed_words *const *w = all_words(); *w != NULL; w++) {
		const char *word = *(const char *const *)((const char *)*w + field);
		size_t n = strlen(word);
		if (n > 0 && strncmp(s, word, n) == 0)
			return s + n;
	}
	return NULL;
}

/* "qweek-item-12-due@host" → "qweek-item-12@host" in BUF; 0, or -1 if not such a UID. */
static int due_partner(const char *uid, char *buf, size_t size)
{
	const char *due = strstr(uid != NULL ? uid : "", "-due@");

	if (uid == NULL || strncmp(uid, "qweek-item-", 11) != 0 || due == NULL)
		return -1;
	snprintf(buf, size, "%.*s%s", (int)(due - uid), uid, due + 4);
	return 0;
}

static void add_names(struct import_row *r, const char *list)
{
	const char *s = list;

	while (*s != '\0') {
		size_t n = strstr(s, ", ") != NULL ? (size_t)(strstr(s, ", ") - s) : strlen(s);
		char *name = import_clean_line(s, n);
		if (name != NULL)
			import_row_add_name(r, name, NULL);
		free(name);
		s += n;
		if (*s != '\0')
			s += 2;
	}
}

/* The description's own lines (people, label, done, notes), and the rest as the text. */
static void read_description(struct import_row *r, const char *desc)
{
	char *rest = calloc(1, strlen(desc) + 1);
	const char *s = desc, *v;
	size_t used = 0;

	if (rest == NULL)
		return;
	while (*s != '\0') {
		size_t n = strcspn(s, "\n");
		char *line = strndup(s, n);
		if (line == NULL)
			break;
		if ((v = after_word(line, offsetof(struct feed_words, who))) != NULL)
			add_names(r, v);
		else if ((v = after_word(line, offsetof(struct feed_words, label))) != NULL)
			r->label = r->label != NULL ? r->label : import_clean_line(v, strlen(v));
		else if (after_word(line, offsetof(struct feed_words, done)) == NULL &&
			 after_word(line, offsetof(struct feed_words, cancelled)) == NULL &&
			 after_word(line, offsetof(struct feed_words, note)) == NULL)
			used += (size_t)sprintf(rest + used, "%s%s", used ? "\n" : "", line);
		free(line);
		s += n + (s[n] == '\n');
	}
	r->description = import_clean_text(rest, used);
	free(rest);
}

/* "7.1" among the CATEGORIES (the other one is the plan's title). */
static void label_from_categories(struct import_row *r, icalcomponent *c)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_CATEGORIES_PROPERTY);
	     p != NULL && r->label == NULL;
	     p = icalcomponent_get_next_property(c, ICAL_CATEGORIES_PROPERTY)) {
		const char *v = icalproperty_get_categories(p);
		if (v != NULL && *v != '\0' && strspn(v, "0123456789.") == strlen(v) && v[0] != '.')
			r->label = strdup(v);
	}
}

static void read_attendees(struct import_row *r, icalcomponent *c)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_ATTENDEE_PROPERTY);
	     p != NULL; p = icalcomponent_get_next_property(c, ICAL_ATTENDEE_PROPERTY)) {
		icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER);
		const char *addr = icalproperty_get_attendee(p), *name = NULL;
		char *clean;
		if (addr != NULL && strncasecmp(addr, "mailto:", 7) == 0)
			addr += 7;
		if (addr != NULL && (strchr(addr, '@') == NULL || strpbrk(addr, " ,;<>") != NULL))
			addr = NULL;
		if (cn != NULL)
			name = icalparameter_get_cn(cn);
		if (name == NULL || *name == '\0')
			name = addr;
		if (name == NULL || (clean = import_clean_line(name, strlen(name))) == NULL)
			continue;
		import_row_add_name(r, clean, addr);
		free(clean);
	}
}

/*
 * The UID, and the parent's (RELATED-TO without RELTYPE, or with RELTYPE=PARENT). A deadline's
 * calendar copy that stands alone (a feed with ?todo=none) stands for its item: children name
 * the item's UID, AS_UID.
 */
static void read_relations(struct import_row *r, icalcomponent *c, const char *as_uid)
{
	const char *uid = as_uid != NULL ? as_uid : icalcomponent_get_uid(c);

	if (uid != NULL && *uid != '\0')
		r->uid = strdup(uid);
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_RELATEDTO_PROPERTY);
	     p != NULL && r->parent_uid == NULL;
	     p = icalcomponent_get_next_property(c, ICAL_RELATEDTO_PROPERTY)) {
		icalparameter *t = icalproperty_get_first_parameter(p, ICAL_RELTYPE_PARAMETER);
		const char *v = icalproperty_get_relatedto(p);
		if ((t == NULL || icalparameter_get_reltype(t) == ICAL_RELTYPE_PARENT) &&
		    v != NULL && *v != '\0')
			r->parent_uid = strdup(v);
	}
}

/* A UTC instant ("20171114T080000Z") as Unix time, or 0. */
static int64_t utc_instant(const char *v)
{
	struct icaltimetype t = icaltime_from_string(v);

	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t) || t.is_date ||
	    !icaltime_is_utc(t))
		return 0;
	return import_ics_zone_seconds(t.year, t.month, t.day, t.hour, t.minute, t.second);
}

/* A malloc'd copy of S without white space around it, cut to MAX bytes (UTF-8); or NULL. */
static char *trimmed(struct import_row *r, const char *what, const char *s, size_t max)
{
	size_t n;

	s += strspn(s, " \t\r\n");
	for (n = strlen(s); n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL; n--)
		;
	if (n == 0)
		return NULL;
	if (n > max) {
		for (n = max; n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80; n--)
			;
		import_row_warn(r, "%s was cut to its first %zu bytes", what, max);
	}
	return strndup(s, n);
}

/*
 * What qweek says of the item beyond RFC 5545 (feed_item.c): the WHEN as typed, done or
 * cancelled when and by whom, the note. The first of each counts.
 */
static void read_x_props(struct import_row *r, icalcomponent *c, struct ics_x *q)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY)) {
		const char *name = icalproperty_get_x_name(p), *v = icalproperty_get_x(p);
		if (name == NULL || v == NULL)
			continue;
		if (strcasecmp(name, "X-QWEEK-WHEN") == 0 && r->when_exact == NULL)
			r->when_exact = import_clean_line(v, strlen(v));
		else if (strcasecmp(name, "X-QWEEK-DONE") == 0 && q->done_at == 0)
			q->done_at = utc_instant(v);
		else if (strcasecmp(name, "X-QWEEK-CANCELLED") == 0 && q->cancelled_at == 0)
			q->cancelled_at = utc_instant(v);
		else if (strcasecmp(name, "X-QWEEK-DONE-BY") == 0 && q->done_by == NULL)
			q->done_by = trimmed(r, "the name of who did it", v, ICS_MAX_NAME);
		else if (strcasecmp(name, "X-QWEEK-NOTE") == 0 && r->note == NULL)
			r->note = trimmed(r, "the note", v, ICS_MAX_NOTE);
	}
}

/* What libical could not read in C, as warnings of R. */
static void read_errors(struct import_row *r, icalcomponent *c)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	     p != NULL; p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
		const char *e = icalproperty_get_xlicerror(p);
		import_row_warn(r, "not understood and left out: %s", e != NULL ? e : "?");
	}
}

/* The title without qweek's marks, and the state they give. */
static void read_title(struct import_row *r, icalcomponent *c, struct ics_ctx *x, int due)
{
	const char *s = icalcomponent_get_summary(c), *v;

	if (s == NULL)
		return;
	if (x->qweek && strncmp(s, "✓ ", 4) == 0) {
		s += 4;
		r->state = strdup("done");
	} else if (x->qweek && strncmp(s, "✗ ", 4) == 0) {
		s += 4;
		r->state = strdup("cancelled");
	}
	if (due && (v = after_word(s, offsetof(struct feed_words, due))) != NULL)
		s = v;
	r->title = import_clean_line(s, strlen(s));
}

static void read_state(struct import_row *r, icalcomponent *c)
{
	icalproperty_status st = icalcomponent_get_status(c);

	if (r->state != NULL)
		return;
	if (st == ICAL_STATUS_COMPLETED)
		r->state = strdup("done");
	else if (st == ICAL_STATUS_CANCELLED)
		r->state = strdup("cancelled");
}

/* COMPLETED (a to-do's, from any calendar) as Unix time, or 0; UTC, else the plan's zone. */
static int64_t completed_at(icalcomponent *c, const char *tz)
{
	icalproperty *p = icalcomponent_get_first_property(c, ICAL_COMPLETED_PROPERTY);
	struct icaltimetype t;
	int64_t at;

	if (p == NULL)
		return 0;
	t = icalproperty_get_completed(p);
	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t) || t.is_date)
		return 0;
	if (icaltime_is_utc(t))
		return import_ics_zone_seconds(t.year, t.month, t.day, t.hour, t.minute, t.second);
	if (tz_to_utc(tz, t.year, t.month, t.day, t.hour, t.minute, t.second, &at) == -1)
		return 0;
	return at;
}

/* When the state came and who brought it (done only), as far as the file says. */
static void read_state_details(struct import_row *r, icalcomponent *c, struct ics_x *q,
			       const char *tz)
{
	if (r->state != NULL && strcmp(r->state, "done") == 0) {
		r->state_at = q->done_at != 0 ? q->done_at : completed_at(c, tz);
		r->done_by = q->done_by;
		q->done_by = NULL;
	} else if (r->state != NULL && strcmp(r->state, "cancelled") == 0) {
		r->state_at = q->cancelled_at;
	}
	free(q->done_by);
	q->done_by = NULL;
}

/*
 * The length of DESC without the note qweek put last in it ("\nПримечание: NOTE"), which may
 * have lines of its own; all of it when it is not there.
 */
static size_t without_note(const char *desc, const char *note)
{
	size_t len = strlen(desc), n = note != NULL ? strlen(note) : 0;
	const char *start;

	if (n == 0 || len < n || strcmp(desc + len - n, note) != 0)
		return len;
	for (const struct feed_words *const *w = all_words(); *w != NULL; w++) {
		size_t k = strlen((*w)->note);
		if (len < n + k || strncmp(desc + len - n - k, (*w)->note, k) != 0)
			continue;
		start = desc + len - n - k;
		if (start == desc)
			return 0;
		if (start[-1] == '\n')
			return (size_t)(start - 1 - desc);
	}
	return len;
}

static void read_description_of(struct import_row *r, icalcomponent *c)
{
	const char *desc = icalcomponent_get_description(c);
	char *own;
	size_t n;

	if (desc != NULL && (own = strndup(desc, without_note(desc, r->note))) != NULL) {
		read_description(r, own);
		free(own);
	}
	if (r->description != NULL && (n = strlen(r->description)) > ICS_MAX_DESCRIPTION) {
		n = ICS_MAX_DESCRIPTION;
		while (n > 0 && ((unsigned char)r->description[n] & 0xc0) == 0x80)
			n--;
		r->description[n] = '\0';
		import_row_warn(r, "the description was cut to its first %d bytes",
				ICS_MAX_DESCRIPTION);
	}
}

static void read_when(struct import_row *r, icalcomponent *c, enum ics_shape shape,
		      struct ics_ctx *x)
{
	const char *why = NULL;
	struct import_ics_zone_note zone;

	if (import_ics_when(c, shape, x->o->tz, &r->when, &why, &zone) == -1)
		import_row_refuse(r, "%s", why);
	if (zone.how == ICS_ZONE_UNKNOWN)
		import_row_warn(r,
				"its time zone is unknown: its times are taken in the plan's "
				"zone (%s)",
				x->o->tz);
	else if (zone.how == ICS_ZONE_UNREADABLE)
		import_row_warn(r,
				"its time zone «%s» is defined in the file in a way that is not "
				"read (%s): its times are taken in the plan's zone (%s)",
				zone.tzid, zone.why, x->o->tz);
	if (icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY) != NULL)
		import_row_warn(r, "it repeats: only its first time is imported");
}

static int read_component(struct ics_ctx *x, icalcomponent *c, int row)
{
	int todo = icalcomponent_isa(c) == ICAL_VTODO_COMPONENT;
	struct import_row *r = import_file_add(x->f, row);
	enum ics_shape shape = todo ? ICS_TODO : ICS_EVENT;
	char partner[512];
	struct ics_x q = { 0 };
	json_t *other;

	if (r == NULL)
		return -1;
	if (!todo && due_partner(icalcomponent_get_uid(c), partner, sizeof partner) == 0) {
		if ((other = json_object_get(x->todos, partner)) != NULL) {
			read_title(r, c, x, 1);
			import_row_skip(r, "it is the calendar copy of the deadline in row %d",
					(int)json_integer_value(other));
			return 0;
		}
		shape = ICS_DUE_EVENT;
	}
	read_title(r, c, x, shape == ICS_DUE_EVENT);
	read_state(r, c);
	read_x_props(r, c, &q);
	read_state_details(r, c, &q, x->o->tz);
	read_description_of(r, c);
	label_from_categories(r, c);
	read_attendees(r, c);
	read_relations(r, c, shape == ICS_DUE_EVENT ? partner : NULL);
	read_errors(r, c);
	if (icalcomponent_get_location(c) != NULL)
		r->place = import_clean_line(icalcomponent_get_location(c),
					     strlen(icalcomponent_get_location(c)));
	read_when(r, c, shape, x);
	return 0;
}

/* First pass: the rows of VTODOs by UID, what made the file, what else it holds. */
static void survey(struct ics_ctx *x, icalcomponent *cal)
{
	icalproperty *prodid = icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY);
	const char *made = prodid != NULL ? icalproperty_get_prodid(prodid) : NULL;
	int row = 0;

	x->qweek = made != NULL && strcasestr(made, "qweek") != NULL;
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT);
	     c != NULL; c = icalcomponent_get_next_component(cal, ICAL_ANY_COMPONENT)) {
		const char *uid = icalcomponent_get_uid(c);
		if (!is_item(c)) {
			x->others += icalcomponent_isa(c) != ICAL_VTIMEZONE_COMPONENT;
			continue;
		}
		row++;
		if (icalcomponent_isa(c) == ICAL_VTODO_COMPONENT && uid != NULL)
			json_object_set_new(x->todos, uid, json_integer(row));
	}
}

static void warn_file_errors(struct ics_ctx *x, icalcomponent *cal)
{
	int n = 0;

	for (icalproperty *p = icalcomponent_get_first_property(cal, ICAL_XLICERROR_PROPERTY);
	     p != NULL; p = icalcomponent_get_next_property(cal, ICAL_XLICERROR_PROPERTY)) {
		const char *e = icalproperty_get_xlicerror(p);
		if (n++ < ICS_MAX_FILE_WARNINGS)
			import_file_warn(x->f, 0, "not understood and left out: %s",
					 e != NULL ? e : "?");
	}
	if (x->others > 0)
		import_file_warn(x->f, 0,
				 "%d component%s other than events and to-dos (journal "
				 "entries, free/busy) %s not imported",
				 x->others, x->others == 1 ? "" : "s",
				 x->others == 1 ? "is" : "are");
}

static int read_calendar(struct ics_ctx *x, icalcomponent *cal, struct error *err)
{
	int row = 0;

	survey(x, cal);
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT);
	     c != NULL; c = icalcomponent_get_next_component(cal, ICAL_ANY_COMPONENT)) {
		if (!is_item(c))
			continue;
		if (++row > IMPORT_MAX_ROWS)
			return error_set(err, ERR_INVALID,
					 "the file has more than %d events and "
					 "to-dos",
					 IMPORT_MAX_ROWS);
		if (read_component(x, c, row) == -1)
			return error_set(err, ERR_INTERNAL, "out of memory");
	}
	if (row == 0)
		return error_set(err, ERR_INVALID,
				 "the calendar has no events (VEVENT) or to-dos "
				 "(VTODO) to import");
	warn_file_errors(x, cal);
	return 0;
}

int import_ics_read(const char *text, size_t len, const struct import_opts *o,
		    struct import_file *f, struct error *err)
{
	struct ics_ctx x = { .o = o, .f = f };
	icalproperty *prodid;
	icalcomponent *cal;
	int rc;

	(void)len;
	if (import_ics_check(text, err) == -1)
		return -1;
	cal = icalparser_parse_string(text);
	if (cal == NULL || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		if (cal != NULL)
			icalcomponent_free(cal);
		return error_set(err, ERR_INVALID,
				 "the file is not an iCalendar calendar "
				 "(BEGIN:VCALENDAR … END:VCALENDAR) that can be read");
	}
	x.todos = json_object();
	if ((prodid = icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY)) != NULL &&
	    icalproperty_get_prodid(prodid) != NULL)
		json_object_set_new(f->info, "producer",
				    json_string(icalproperty_get_prodid(prodid)));
	rc = read_calendar(&x, cal, err);
	json_decref(x.todos);
	icalcomponent_free(cal);
	return rc;
}
