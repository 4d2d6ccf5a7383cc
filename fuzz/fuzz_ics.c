/* SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"

/*
 * libFuzzer target for reading an iCalendar file into rows (libical's parser, then times
 * converted into the plan's zone and written as WHEN texts): rows or a refusal out, every row
 * either refused with a reason or with a WHEN, nothing leaked.
 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts o = { .format = IMPORT_ICS,
				 .tz = "Europe/Kyiv",
				 .when = { 2017, 11, 8, 2017, 11, 15 } };
	struct error err = ERROR_INIT;
	struct import_file f;

	if (size > IMPORT_MAX_BYTES + 1) /* one byte over: the refusal */
		return 0;
	import_file_init(&f, IMPORT_ICS);
	if (import_read((const char *)data, size, &o, &f, &err) == 0) {
		for (size_t i = 0; i < f.nrows; i++) {
			const struct import_row *r = &f.rows[i];
			if (r->skipped == NULL && r->refused == NULL && r->when == NULL)
				abort(); /* an item always has a WHEN, or a reason */
		}
	} else if (err.message == NULL) {
		abort();
	}
	error_clear(&err);
	import_file_free(&f);
	return 0;
}
