/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "report/status_page.h"

/* One item of the status page, as the lists and the week show it. */

const char *status_page_item_class(enum report_mark m)
{
	static const char *const names[] = {
		[REPORT_DONE] = "done",		  [REPORT_OPEN] = "open",
		[REPORT_SOON] = "soon",		  [REPORT_OVERDUE] = "overdue",
		[REPORT_CANCELLED] = "cancelled",
	};
	return names[m];
}

/* One item as a list entry: label, title, when, who, and where it stands. */
void status_page_item(struct buf *b, const struct report *r, const struct report_item *it)
{
	const char *l = r->plan->lang, *tz = r->plan->tz;
	char when[120], outcome[160];

	buf_printf(b, "<li class=\"%s\" data-id=\"%lld\">", status_page_item_class(it->mark),
		   (long long)it->id);
	if (*it->label != '\0') {
		rbuf_html(b, it->label);
		buf_add_str(b, ". ");
	}
	rbuf_html(b, it->title);
	buf_add_str(b, "<br><span class=\"when\">");
	rbuf_html(b, report_when(it, tz, l, when, sizeof when));
	if (*it->who != '\0') {
		buf_add_str(b, " · ");
		rbuf_html(b, it->who);
	}
	buf_add_str(b, "</span> <span class=\"state\">");
	rbuf_html(b, report_outcome(it, r->tally.now, l, outcome, sizeof outcome));
	buf_add_str(b, "</span></li>\n");
}
