/* SPDX-License-Identifier: MIT */
#include <string.h>
#include <strings.h>

#include "import/import.h"
#include "import/import_csv.h"
#include "import/import_ics.h"
#include "import/import_text.h"

/* Which reader reads a file: the text decoded, then CSV or iCalendar. */

/* "BEGIN:VCALENDAR" first, after white space? */
static int looks_ical(const char *text)
{
	text += strspn(text, " \t\r\n");
	return strncasecmp(text, "BEGIN:VCALENDAR", 15) == 0 ||
	       strncasecmp(text, "BEGIN:VEVENT", 12) == 0;
}

int import_decode(const char *data, size_t len, const struct import_opts *o, struct import_file *f,
		  struct import_text *t, struct error *err)
{
	if (len == 0)
		return error_set(err, ERR_INVALID, "the file is empty");
	if (len > IMPORT_MAX_BYTES)
		return error_set(err, ERR_TOO_LARGE, "the file is larger than %d bytes",
				 IMPORT_MAX_BYTES);
	if (import_text_decode(data, len, o->encoding, t, err) == -1)
		return -1;
	json_object_set_new(f->info, "encoding", json_string(t->encoding));
	if (t->forced_differs)
		import_file_warn(f, 0,
				 "the file was read as %s, as asked, but it looks like "
				 "UTF-8: if the text reads as «Р—Р°…», import it without "
				 "--encoding",
				 t->encoding);
	return 0;
}

int import_parse(const struct import_text *t, const struct import_opts *o, struct import_file *f,
		 struct error *err)
{
	if (t->text[strspn(t->text, " \t\r\n")] == '\0')
		return error_set(err, ERR_INVALID, "the file has nothing in it but white space");
	if (o->format == IMPORT_CSV && looks_ical(t->text))
		return error_set(err, ERR_INVALID,
				 "this is an iCalendar file, not CSV: import it "
				 "as .ics (format=ics)");
	if (o->format == IMPORT_ICS && !looks_ical(t->text))
		return error_set(err, ERR_INVALID,
				 "this is not an iCalendar file: it does not "
				 "start with BEGIN:VCALENDAR");
	if (o->format == IMPORT_ICS)
		return import_ics_read(t->text, t->len, o, f, err);
	return import_csv_read(t->text, t->len, o, f, err);
}

int import_read(const char *data, size_t len, const struct import_opts *o, struct import_file *f,
		struct error *err)
{
	struct import_text t;
	int rc;

	if (import_decode(data, len, o, f, &t, err) == -1)
		return -1;
	rc = import_parse(&t, o, f, err);
	import_text_free(&t);
	return rc;
}
