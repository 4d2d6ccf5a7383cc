/* SPDX-License-Identifier: MIT */
/* Importing a plan from a file (CSV as spreadsheets save it, or iCalendar): rows and the run. */
#ifndef QWEEK_IMPORT_H
#define QWEEK_IMPORT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "import/import_text.h"
#include "store/store.h"
#include "time/when.h"

/*
 * An import runs on qweekd's only thread, from the first byte to the reply, and nothing else is
 * answered meanwhile: these limits keep it within about 100 ms (bench/import.sh measures it).
 * On a Release build, reading costs about 250 ns a byte (libical's parser), and a row ~190 µs
 * (its WHEN, its people, the item written); at the former 4 MiB and 100,000 rows a plain file
 * of short events held the loop 4-8 s. A plan saved as CSV is rarely over 100 KB and a week's
 * plan has tens of rows, not hundreds.
 */
#define IMPORT_MAX_BYTES   (256 * 1024)
#define IMPORT_MAX_ROWS	   500
#define IMPORT_MAX_CELL	   (64 * 1024) /* a larger cell is not a plan's: a lost quote */
#define IMPORT_MAX_COLUMNS 256
#define IMPORT_MAX_NAMES   50 /* responsible people of one item */

enum import_format { IMPORT_CSV, IMPORT_ICS };

/* One row of the file as the reader found it, before it is checked. Strings malloc'd or NULL. */
struct import_row {
	int row; /* the spreadsheet's row (CSV), or the component's number (ics) */
	char *label, *title, *when, *place, *description;
	char **who;	  /* responsible names, split, trimmed, without repeats */
	char **emails;	  /* iCalendar: an e-mail for each name (NULL entries), or NULL */
	char **keys;	  /* each name folded (utf8_fold_str), to find repeats */
	size_t nwho;	  /* at most IMPORT_MAX_NAMES + 1: more would not change the refusal */
	char *state;	  /* "done" or "cancelled" for a new item, or NULL (open) */
	int64_t state_at; /* iCalendar: when it was done or cancelled (Unix time), or 0 */
	char *done_by;	  /* iCalendar: who did it (X-QWEEK-DONE-BY), or NULL */
	char *note;	  /* iCalendar: the item's note (X-QWEEK-NOTE), or NULL */
	char *when_exact; /* iCalendar: the WHEN as qweek wrote it (X-QWEEK-WHEN), or NULL */
	char *uid, *parent_uid; /* iCalendar: its UID, its parent's (RELATED-TO), or NULL */
	char *refused;		/* the reader's reason to refuse the row, or NULL */
	char *skipped;		/* why the row is not an item (above the header, ...), or NULL */
	json_t *warnings;	/* the reader's warnings about this row (array), or NULL */
};

/* A file read into rows; owned by the caller, freed with import_file_free. */
struct import_file {
	enum import_format format;
	struct import_row *rows;
	size_t nrows, cap;
	int blank;			/* empty rows, not listed */
	int has_place, has_description; /* columns that exist: an update sets those fields */
	int has_state;
	json_t *info;	  /* what the reply says of the file: encoding, columns */
	json_t *warnings; /* about the file as a whole (array of strings) */
};

/* What the request asks for. */
struct import_opts {
	enum import_format format;
	int dry_run, skip_bad;
	const char *encoding; /* forced source encoding, or NULL to detect */
	struct when_ctx when; /* the plan's days, for WHEN texts and guessing columns */
	const char *tz;	      /* the plan's zone, for times of iCalendar files */
};

void import_file_init(struct import_file *f, enum import_format format);
void import_file_free(struct import_file *f);

/* Room for N rows in F, when the reader knows how many there will be; 0 or -1. */
int import_file_reserve(struct import_file *f, size_t n);

/* A new zeroed row numbered ROW at the end of F; NULL if out of memory. */
struct import_row *import_file_add(struct import_file *f, int row);

/* Adds a warning ("row N: ..." when ROW > 0) to F. */
void import_file_warn(struct import_file *f, int row, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Sets R's warning or reasons (the first reason wins). */
void import_row_warn(struct import_row *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void import_row_refuse(struct import_row *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void import_row_skip(struct import_row *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Adds NAME (and EMAIL, may be NULL) to R's responsible people unless it is there; 0 or -1.
 * Once R has more than IMPORT_MAX_NAMES (it will be refused for that), names are not added:
 * a row of 40,000 ATTENDEEs costs as much as one of 51.
 */
int import_row_add_name(struct import_row *r, const char *name, const char *email);

/*
 * A malloc'd copy of the LEN bytes at S as one line: white space (new lines, tabs, no-break
 * spaces) runs become one space, ends trimmed. NULL when nothing is left or out of memory.
 */
char *import_clean_line(const char *s, size_t len);

/* The same, but new lines are kept (trimmed around, at most one empty line in a row). */
char *import_clean_text(const char *s, size_t len);

/*
 * Reads the LEN bytes at DATA into F as O says: decodes the text (import_text.h), then CSV
 * (import_csv.h) or iCalendar (import_ics.h). Returns 0, or -1 with ERR when the file as a
 * whole cannot be read (binary, broken quotes, no table, not iCalendar, ...).
 */
int import_read(const char *data, size_t len, const struct import_opts *o, struct import_file *f,
		struct error *err);

/*
 * import_read in two halves, so that the caller can let the file's bytes go in between:
 * import_decode checks and decodes them into T (import_text_free) and notes the encoding in
 * F; import_parse reads T into F's rows. Each returns 0, or -1 with ERR.
 */
int import_decode(const char *data, size_t len, const struct import_opts *o, struct import_file *f,
		  struct import_text *t, struct error *err);
int import_parse(const struct import_text *t, const struct import_opts *o, struct import_file *f,
		 struct error *err);

/* What an import did, for its caller. */
struct import_outcome {
	char *reply; /* the reply, JSON text (malloc'd, the caller frees it), and its length */
	size_t len;
	int refused; /* rows were refused without skip_bad: nothing was done, the reply says why */
};

/*
 * Applies F to plan P in one transaction: every row becomes an item (created, updated, or
 * unchanged) or is refused with its reason. Commits unless O asks for a dry run or rows were
 * refused without O->skip_bad; the commit is announced (plan_write.h). Fills OUT with the reply
 * that accounts for every row. Returns 0, or -1 with ERR (a database failure: nothing changed;
 * or the import was committed, and announced, but there was no memory for its reply).
 */
int import_apply(struct db *db, const struct plan *p, struct import_file *f,
		 const struct import_opts *o, struct import_outcome *out, struct error *err);

#endif
