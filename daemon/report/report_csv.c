/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "core/i18n.h"
#include "report/report_render.h"

/*
 * The report as CSV (RFC 4180) the way a Russian or Ukrainian Excel opens it by a double click,
 * as the export writes it: a UTF-8 BOM, ';' between cells. A header row in the plan's language,
 * then one row per item.
 */

static void csv_row(struct buf *b, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_add_str(b, ";");
		rbuf_csv(b, cells[i]);
	}
	buf_add_str(b, "\r\n");
}

void report_csv(struct buf *b, const struct report *r)
{
	const char *l = r->plan->lang, *tz = r->plan->tz;
	const char *head[] = { i18n(l, W_LABEL),     i18n(l, W_ITEM),
			       i18n(l, W_PLANNED),   i18n(l, W_WHO),
			       i18n(l, W_COMPLETED), i18n(l, W_OUTCOME),
			       i18n(l, W_NOTE),	     "state",
			       "late_seconds" };
	char when[120], done[600], outcome[160], late[24];

	buf_add(b, "\xef\xbb\xbf", 3);
	csv_row(b, head, 9);
	for (size_t i = 0; i < r->nitems; i++) {
		const struct report_item *it = &r->items[i];
		int64_t by = it->mark == REPORT_DONE	? it->done_at - it->late_after :
			     it->mark == REPORT_OVERDUE ? r->tally.now - it->late_after :
							  0;
		const char *cells[] = { it->label,
					it->title,
					report_when(it, tz, l, when, sizeof when),
					it->who,
					report_completed(it, tz, done, sizeof done),
					report_outcome(it, r->tally.now, l, outcome,
						       sizeof outcome),
					it->note,
					it->state,
					late };
		snprintf(late, sizeof late, "%lld", (long long)(by > 0 ? by : 0));
		csv_row(b, cells, 9);
	}
}
