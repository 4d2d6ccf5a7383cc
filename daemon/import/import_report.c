/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tr.h"
#include "import/import_people.h"
#include "import/import_report.h"
#include "time/moment.h"
#include "time/moment_json.h"

/*
 * The reply accounts for every row, so it grows with the file: 10,000 rows make 5 MB of JSON.
 * As a jansson tree it took 25 MB more and its dump another 13 MB; written as text, it takes
 * its own size. Keys come in the order the tree had, so the document is the same byte for byte.
 */

void import_counts_add(struct import_counts *c, enum import_action a)
{
	switch (a) {
	case IMPORT_CREATE:
		c->created++;
		break;
	case IMPORT_UPDATE:
		c->updated++;
		break;
	case IMPORT_UNCHANGED:
		c->unchanged++;
		break;
	case IMPORT_REFUSED:
		c->refused++;
		break;
	case IMPORT_SKIPPED:
		c->skipped++;
		break;
	}
}

static const char *action_name(enum import_action a)
{
	static const char *const names[] = { "create", "update", "unchanged", "refused",
					     "skipped" };

	return names[a];
}

/* What the row's item is (or would be): its id, kind, times as the API writes them, parent. */
static void write_item(struct jsonw *w, const struct import_result *res, const char *tz)
{
	jsonw_key(w, "item");
	jsonw_object(w);
	jsonw_key(w, "id");
	jsonw_int(w, res->id);
	jsonw_key(w, "kind");
	jsonw_string(w, res->m.kind);
	moment_json_stored(w, "start", res->m.start, tz);
	moment_json_stored(w, "end", res->m.end, tz);
	moment_json_stored(w, "due", res->m.due, tz);
	jsonw_key(w, "parent_id");
	if (res->parent_id != 0)
		jsonw_int(w, res->parent_id);
	else
		jsonw_null(w);
	jsonw_end(w, '}');
}

/* A jansson array of strings, as its dump writes it. */
static void write_strings(struct jsonw *w, json_t *list)
{
	json_t *v;
	size_t i;

	jsonw_array(w);
	json_array_foreach (list, i, v)
		jsonw_string(w, json_string_value(v));
	jsonw_end(w, ']');
}

/* The reply's entry for row R and what became of it. */
static void write_row(struct jsonw *w, const struct import_row *r, const struct import_result *res,
		      const char *tz)
{
	jsonw_object(w);
	jsonw_key(w, "row");
	jsonw_int(w, r->row);
	jsonw_key(w, "label");
	jsonw_string(w, r->label);
	jsonw_key(w, "title");
	jsonw_string(w, r->title);
	jsonw_key(w, "when");
	jsonw_string(w, res->when != NULL ? res->when : r->when);
	jsonw_key(w, "who");
	jsonw_array(w);
	for (size_t i = 0; i < r->nwho; i++)
		jsonw_string(w, r->who[i]);
	jsonw_end(w, ']');
	jsonw_key(w, "action");
	jsonw_string(w, action_name(res->action));
	if (res->reason != NULL) {
		jsonw_key(w, "reason");
		jsonw_string(w, res->reason);
	}
	if (r->warnings != NULL && json_array_size(r->warnings) > 0) {
		jsonw_key(w, "warnings");
		write_strings(w, r->warnings);
	}
	if (res->id != 0)
		write_item(w, res, tz);
	jsonw_end(w, '}');
}

/* The file's warnings, then every row's as "row N: ...". */
static void write_warnings(struct jsonw *w, const struct import_file *f)
{
	json_t *v;
	size_t k;

	jsonw_key(w, "warnings");
	jsonw_array(w);
	json_array_foreach (f->warnings, k, v)
		jsonw_string(w, json_string_value(v));
	for (size_t i = 0; i < f->nrows; i++) {
		json_array_foreach (f->rows[i].warnings, k, v) {
			char *s;
			if (asprintf(&s, "row %d: %s", f->rows[i].row, json_string_value(v)) == -1)
				continue;
			jsonw_string(w, s);
			free(s);
		}
	}
	jsonw_end(w, ']');
}

/* Drops the UTF-8 character that snprintf cut off at the end of S, if it did. */
static void drop_cut_char(char *s)
{
	size_t n = strlen(s), k = n, need;
	unsigned char lead;

	while (k > 0 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	if (k == 0)
		return;
	lead = (unsigned char)s[k - 1];
	need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	if (n - (k - 1) < need)
		s[k - 1] = '\0';
}

/* "3 rows are refused (row 5: ...; row 9: ...)": the reply's error when nothing is done. */
static void write_refusal(struct jsonw *w, const struct import_file *f,
			  const struct import_result *res, int n)
{
	char list[1024] = "", *msg;
	size_t used = 0;
	int shown = 0;

	for (size_t i = 0; i < f->nrows && used < sizeof list; i++) {
		if (res[i].action != IMPORT_REFUSED)
			continue;
		if (shown++ == 3) {
			snprintf(list + used, sizeof list - used, "; …");
			break;
		}
		if (shown > 1)
			used += (size_t)snprintf(list + used, sizeof list - used, "; ");
		if (used < sizeof list)
			used += (size_t)snprintf(list + used, sizeof list - used,
						 tr_req("row %d: %s"), f->rows[i].row,
						 res[i].reason);
	}
	drop_cut_char(list); /* the list filled up mid-letter */
	jsonw_key(w, "error");
	jsonw_object(w);
	jsonw_key(w, "code");
	jsonw_string(w, "invalid");
	jsonw_key(w, "message");
	/* In the request's language (core/tr.h); one and many are two messages. */
	if (asprintf(&msg,
		     n == 1 ? tr_req("%d row is refused (%s), so nothing was imported: fix it, "
				     "or import the other rows with --skip-bad") :
			      tr_req("%d rows are refused (%s), so nothing was imported: fix "
				     "them, or import the other rows with --skip-bad"),
		     n, list) == -1) {
		jsonw_string(w, "rows are refused");
	} else {
		jsonw_string(w, msg);
		free(msg);
	}
	jsonw_end(w, '}');
}

/* The file's description (encoding, columns, ...): small, so jansson dumps it. */
static void write_file_info(struct jsonw *w, json_t *info)
{
	char *text = json_dumps(info, JSON_COMPACT);

	jsonw_key(w, "file");
	if (text == NULL) {
		w->buf.failed = 1;
		return;
	}
	jsonw_raw(w, text, strlen(text));
	free(text);
}

void import_report_write(struct jsonw *w, struct import_run *x, const struct import_result *res,
			 const struct import_counts *c, int committed)
{
	const struct import_file *f = x->f;

	jsonw_object(w);
	jsonw_key(w, "dry_run");
	jsonw_bool(w, x->o->dry_run);
	jsonw_key(w, "committed");
	jsonw_bool(w, committed);
	jsonw_key(w, "format");
	jsonw_string(w, f->format == IMPORT_ICS ? "ics" : "csv");
	write_file_info(w, f->info);
	jsonw_key(w, "rows");
	jsonw_array(w);
	for (size_t i = 0; i < f->nrows; i++)
		write_row(w, &f->rows[i], &res[i], x->p->tz);
	jsonw_end(w, ']');
	jsonw_key_int(w, "created", c->created);
	jsonw_key_int(w, "updated", c->updated);
	jsonw_key_int(w, "unchanged", c->unchanged);
	jsonw_key_int(w, "refused", c->refused);
	jsonw_key_int(w, "skipped", c->skipped);
	jsonw_key_int(w, "blank", f->blank);
	jsonw_key(w, "people_created");
	write_strings(w, import_people_created(x->people));
	jsonw_key(w, "groups_created");
	write_strings(w, import_people_groups(x->people));
	write_warnings(w, f);
	if (c->refused > 0 && !x->o->skip_bad)
		write_refusal(w, f, res, c->refused);
	jsonw_end(w, '}');
}
