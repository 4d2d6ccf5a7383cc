/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "dav/dav_todo.h"

/*
 * The PUT and qweek's own rendering are both parsed with libical and compared property by
 * property: text without its line ends' CRs, times as instants (a client may write a DUE in
 * UTC that qweek wrote in the plan's zone), and a property one side lacks as empty.
 */

static icalcomponent *todo_of(icalcomponent *cal)
{
	if (cal == NULL)
		return NULL;
	if (icalcomponent_isa(cal) == ICAL_VTODO_COMPONENT)
		return cal;
	return icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
}

static icalcomponent *parse(const char *text, size_t len)
{
	char *s = strndup(text, len);
	icalcomponent *c = s != NULL ? icalparser_parse_string(s) : NULL;

	free(s);
	return c;
}

/* Property KIND's value as text, "" when absent. */
static const char *text_prop(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);
	const char *v = p != NULL ? icalproperty_get_value_as_string(p) : NULL;

	return v != NULL ? v : "";
}

/* Equal but for CRs and blanks at the ends. */
static int same_text(const char *a, const char *b)
{
	while (*a == ' ' || *a == '\r' || *a == '\n')
		a++;
	while (*b == ' ' || *b == '\r' || *b == '\n')
		b++;
	for (;;) {
		while (*a == '\r')
			a++;
		while (*b == '\r')
			b++;
		if (*a != *b) {
			a += strspn(a, " \r\n");
			b += strspn(b, " \r\n");
			return *a == '\0' && *b == '\0';
		}
		if (*a == '\0')
			return 1;
		a++, b++;
	}
}

static int same_time(struct icaltimetype a, struct icaltimetype b)
{
	if (icaltime_is_null_time(a) || icaltime_is_null_time(b))
		return icaltime_is_null_time(a) && icaltime_is_null_time(b);
	if (a.is_date != b.is_date)
		return 0;
	if (a.is_date)
		return icaltime_compare_date_only(a, b) == 0;
	return icaltime_as_timet_with_zone(a, a.zone) == icaltime_as_timet_with_zone(b, b.zone);
}

static const struct {
	icalproperty_kind kind;
	const char *name;
} watched[] = {
	{ ICAL_SUMMARY_PROPERTY, "SUMMARY" },	   { ICAL_DESCRIPTION_PROPERTY, "DESCRIPTION" },
	{ ICAL_LOCATION_PROPERTY, "LOCATION" },	   { ICAL_RRULE_PROPERTY, "RRULE" },
	{ ICAL_RELATEDTO_PROPERTY, "RELATED-TO" },
};

/* The first property the client changed, or NULL. */
static const char *changed(icalcomponent *put, icalcomponent *cur)
{
	for (size_t i = 0; i < sizeof watched / sizeof watched[0]; i++)
		if (!same_text(text_prop(put, watched[i].kind), text_prop(cur, watched[i].kind)))
			return watched[i].name;
	if (!same_time(icalcomponent_get_dtstart(put), icalcomponent_get_dtstart(cur)))
		return "DTSTART";
	if (!same_time(icalcomponent_get_due(put), icalcomponent_get_due(cur)))
		return "DUE";
	return NULL;
}

/* Ticked in any of the ways clients tick (Tasks.org sends only PERCENT-COMPLETE:100). */
static void read_state(icalcomponent *t, struct dav_todo *out)
{
	icalproperty *p = icalcomponent_get_first_property(t, ICAL_COMPLETED_PROPERTY);
	icalproperty *pc = icalcomponent_get_first_property(t, ICAL_PERCENTCOMPLETE_PROPERTY);
	struct icaltimetype c;

	out->done = icalcomponent_get_status(t) == ICAL_STATUS_COMPLETED ||
		    (pc != NULL && icalproperty_get_percentcomplete(pc) >= 100);
	if (p != NULL) {
		c = icalproperty_get_completed(p);
		if (!icaltime_is_null_time(c) && icaltime_is_valid_time(c)) {
			out->done = 1;
			out->completed = (int64_t)icaltime_as_timet_with_zone(
				c, c.zone != NULL ? c.zone : icaltimezone_get_utc_timezone());
		}
	}
}

int dav_todo_read(const char *put, size_t len, const char *current, struct dav_todo *out,
		  struct error *err)
{
	icalcomponent *pc = parse(put, len), *cc = parse(current, strlen(current));
	icalcomponent *pt = todo_of(pc), *ct = todo_of(cc);
	const char *what;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (pt == NULL)
		error_set(err, ERR_BAD_FIELD, "the request is not an iCalendar VTODO");
	else if (ct == NULL)
		error_set(err, ERR_INTERNAL, "the item does not render as a VTODO");
	else if (strcmp(text_prop(pt, ICAL_UID_PROPERTY), text_prop(ct, ICAL_UID_PROPERTY)) != 0)
		error_set(err, ERR_FORBIDDEN, "the task's UID «%s» is not this item's",
			  text_prop(pt, ICAL_UID_PROPERTY));
	else if (icalcomponent_get_status(pt) == ICAL_STATUS_CANCELLED &&
		 icalcomponent_get_status(ct) != ICAL_STATUS_CANCELLED)
		snprintf(out->changed, sizeof out->changed, "STATUS:CANCELLED");
	else if ((what = changed(pt, ct)) != NULL)
		snprintf(out->changed, sizeof out->changed, "%s", what);
	else
		rc = 0;
	if (rc == -1 && out->changed[0] != '\0')
		error_set(err, ERR_FORBIDDEN,
			  "only ticking a task off (or un-ticking it) is taken here; its %s is "
			  "qweek's: change it in the plan",
			  out->changed);
	if (rc == 0)
		read_state(pt, out);
	if (pc != NULL)
		icalcomponent_free(pc);
	if (cc != NULL)
		icalcomponent_free(cc);
	return rc;
}
