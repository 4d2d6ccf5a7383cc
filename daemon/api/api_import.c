/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/queue.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <event2/buffer.h>

#include "api/api.h"
#include "core/daemon.h"
#include "feed/export.h"
#include "import/import.h"

/*
 * POST /api/v1/plans/{slug}/import: the file itself is the body (text/csv, text/calendar);
 * the query says how (format, dry_run, skip_bad, encoding). The reply accounts for every row.
 * GET /api/v1/plans/{slug}/export.csv: the plan as a spreadsheet that imports back.
 */

#define TRIM_AFTER_BYTES (256 * 1024) /* a file this large leaves a heap of megabytes */

/* Content types a file may come as: what browsers, curl and the CLI send. */
static const char *const file_types[] = {
	"text/csv",
	"text/calendar",
	"text/plain",
	"text/tab-separated-values",
	"text/comma-separated-values",
	"text/x-csv",
	"application/csv",
	"application/x-csv",
	"application/vnd.ms-excel",
	"application/octet-stream",
	NULL,
};

static const char *content_type(struct request *r)
{
	return evhttp_find_header(evhttp_request_get_input_headers(r->ev), "Content-Type");
}

static int type_is(const char *ct, const char *type)
{
	size_t n = strlen(type);

	return ct != NULL && strncasecmp(ct, type, n) == 0 &&
	       (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

static int check_type(struct request *r, struct error *err)
{
	const char *ct = content_type(r);

	if (ct == NULL)
		return 0; /* a body without a type is just bytes */
	for (const char *const *t = file_types; *t != NULL; t++)
		if (type_is(ct, *t))
			return 0;
	return error_set(err, ERR_MEDIA_TYPE,
			 "send the file as text/csv or text/calendar, not "
			 "%s",
			 ct);
}

static int query_bool(struct request *r, const char *name, int *out, struct error *err)
{
	const char *v = http_query(r, name);

	*out = 0;
	if (v == NULL || *v == '\0' || strcmp(v, "0") == 0 || strcasecmp(v, "false") == 0 ||
	    strcasecmp(v, "no") == 0)
		return 0;
	if (strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0 || strcasecmp(v, "yes") == 0) {
		*out = 1;
		return 0;
	}
	return error_set(err, ERR_BAD_FIELD, "%s must be 1 or 0, not «%s»", name, v);
}

static int read_format(struct request *r, const char *body, size_t len, enum import_format *format,
		       struct error *err)
{
	const char *f = http_query(r, "format");
	size_t skip = 0;

	if (f != NULL && strcasecmp(f, "csv") == 0) {
		*format = IMPORT_CSV;
	} else if (f != NULL && (strcasecmp(f, "ics") == 0 || strcasecmp(f, "ical") == 0 ||
				 strcasecmp(f, "icalendar") == 0)) {
		*format = IMPORT_ICS;
	} else if (f != NULL) {
		return error_set(err, ERR_BAD_FIELD, "format «%s»: use csv or ics", f);
	} else {
		if (len >= 3 && memcmp(body, "\xef\xbb\xbf", 3) == 0)
			skip = 3;
		while (skip < len && strchr(" \t\r\n", body[skip]) != NULL)
			skip++;
		*format = type_is(content_type(r), "text/calendar") ||
					  (len - skip >= 15 &&
					   strncasecmp(body + skip, "BEGIN:VCALENDAR", 15) == 0) ?
				  IMPORT_ICS :
				  IMPORT_CSV;
	}
	return 0;
}

static int read_opts(struct request *r, const struct plan *p, const char *body, size_t len,
		     struct import_opts *o, struct error *err)
{
	memset(o, 0, sizeof *o);
	if (http_query_only(r, "format|dry_run|skip_bad|encoding", err) == -1 ||
	    check_type(r, err) == -1 || query_bool(r, "dry_run", &o->dry_run, err) == -1 ||
	    query_bool(r, "skip_bad", &o->skip_bad, err) == -1 ||
	    read_format(r, body, len, &o->format, err) == -1)
		return -1;
	o->encoding = http_query(r, "encoding");
	if (o->encoding != NULL && *o->encoding == '\0')
		o->encoding = NULL;
	o->tz = p->tz;
	when_ctx_init(&o->when, p->first_day, p->last_day);
	return 0;
}

/*
 * The file's bytes, once decoded, are not needed any more: up to the import limit (docs/api.md)
 * that would otherwise stay for as long as the rows are read, matched and written.
 */
static void release_body(struct request *r)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(r->ev);

	evbuffer_drain(in, evbuffer_get_length(in));
}

/*
 * After a large file in or out, malloc keeps the heap it grew to (its free pages count as the
 * daemon's memory until reused): they go back to the system. Small files are not worth it.
 */
static void give_back(size_t len)
{
#ifdef __GLIBC__
	if (len >= TRIM_AFTER_BYTES)
		malloc_trim(0);
#else
	(void)len;
#endif
}

int api_import(struct request *r, struct error *err)
{
	const struct plan *p = r->plan;
	struct import_file f;
	struct import_opts o;
	struct import_outcome out = { 0 };
	struct import_text t;
	size_t len = 0;
	const char *body = http_body(r, &len);
	int rc = -1;

	if (read_opts(r, p, body, len, &o, err) == -1)
		return -1;
	import_file_init(&f, o.format);
	if (import_decode(body, len, &o, &f, &t, err) == 0) {
		release_body(r);
		rc = import_parse(&t, &o, &f, err);
		import_text_free(&t);
	}
	if (rc == 0)
		rc = import_apply(r->daemon->db, p, &f, &o, &out, err);
	if (rc == 0) {
		r->status = out.refused ? 422 : 200;
		r->reply_text = out.reply;
		r->reply_len = out.len;
	}
	import_file_free(&f);
	give_back(len);
	return rc;
}

static int read_delimiter(struct request *r, char *delim, struct error *err)
{
	const char *sep = http_query(r, "sep");

	if (http_query_only(r, "sep", err) == -1)
		return -1;
	*delim = ';';
	if (sep == NULL || strcmp(sep, ";") == 0 || strcasecmp(sep, "semicolon") == 0)
		return 0;
	if (strcmp(sep, ",") == 0 || strcasecmp(sep, "comma") == 0)
		*delim = ',';
	else if (strcmp(sep, "\t") == 0 || strcasecmp(sep, "tab") == 0)
		*delim = '\t';
	else
		return error_set(err, ERR_BAD_FIELD, "sep «%s»: use semicolon, comma or tab", sep);
	return 0;
}

static void free_csv(const void *data, size_t len, void *arg)
{
	(void)len;
	(void)arg;
	free((void *)data);
}

/* Sends CSV (LEN bytes, malloc'd, taken over) as the plan's file, without copying it. */
static void send_csv(struct request *r, const struct plan *p, char *csv, size_t len)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(r->ev);
	struct evbuffer *out = evbuffer_new();
	char disposition[300];

	snprintf(disposition, sizeof disposition, "attachment; filename=\"%s.csv\"", p->slug);
	evhttp_add_header(h, "Content-Type", "text/csv; charset=utf-8");
	evhttp_add_header(h, "Content-Disposition", disposition);
	evhttp_add_header(h, "Cache-Control", "no-store");
	evhttp_add_header(h, "X-Content-Type-Options", "nosniff");
	if (out == NULL || evbuffer_add_reference(out, csv, len, free_csv, NULL) == -1)
		free(csv);
	evhttp_send_reply(r->ev, 200, "OK", out);
	if (out != NULL)
		evbuffer_free(out);
	r->sent = 1;
}

int api_export_csv(struct request *r, struct error *err)
{
	const struct plan *p = r->plan;
	char delim, *csv = NULL;
	size_t len = 0;
	int rc = -1;

	if (read_delimiter(r, &delim, err) == 0 &&
	    export_csv(r->daemon->db, p, delim, &csv, &len, err) == 0) {
		send_csv(r, p, csv, len);
		csv = NULL;
		rc = 0;
	}
	free(csv);
	give_back(len);
	return rc;
}
