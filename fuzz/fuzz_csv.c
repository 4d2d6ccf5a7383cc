/* SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"

/*
 * libFuzzer target for reading a CSV file into rows: any bytes in (as the daemon gets them),
 * rows or a refusal out, every row numbered, nothing leaked. The first byte picks a forced
 * encoding, so that iconv's paths are fuzzed too.
 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encodings[] = { NULL,	  NULL,	    NULL,    "cp1251",
						 "utf-8", "koi8-r", "utf-16" };
	struct import_opts o = { .format = IMPORT_CSV,
				 .tz = "Asia/Krasnoyarsk",
				 .when = { 2017, 11, 8, 2017, 11, 15 } };
	struct error err = ERROR_INIT;
	struct import_file f;

	if (size < 1 || size > IMPORT_MAX_BYTES + 2) /* the encoding's byte, one over */
		return 0;
	o.encoding = encodings[data[0] % (sizeof encodings / sizeof encodings[0])];
	import_file_init(&f, IMPORT_CSV);
	if (import_read((const char *)data + 1, size - 1, &o, &f, &err) == 0) {
		if (err.kind != ERR_NONE)
			abort(); /* success leaves no error */
		for (size_t i = 0; i < f.nrows; i++) {
			const struct import_row *r = &f.rows[i];
			if (r->row <= 0 || (i > 0 && r->row <= f.rows[i - 1].row))
				abort(); /* rows are numbered, in order */
			for (size_t k = 0; k < r->nwho; k++)
				if (r->who[k][0] == '\0')
					abort(); /* no empty names */
		}
	} else if (err.message == NULL) {
		abort(); /* a refusal always says why */
	}
	error_clear(&err);
	import_file_free(&f);
	return 0;
}
