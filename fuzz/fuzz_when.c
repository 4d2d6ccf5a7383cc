/* SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "time/when.h"

/* libFuzzer target for the WHEN parser: valid UTF-8 in, a result or a cause out, nothing leaked. */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct when_ctx ctx = { 2017, 12, 28, 2018, 1, 5 };
	struct when w, w2;
	char *text, *cause = NULL;
	int r;

	if (size > 8192 || !utf8_valid((const char *)data, size))
		return 0;
	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (int as_deadline = 0; as_deadline < 2; as_deadline++) {
		r = when_parse(text, &ctx, as_deadline, &w, &cause);
		if (r != 0 && cause == NULL)
			abort(); /* a refusal always says why (short of memory) */
		if (r == 0 && cause != NULL)
			abort();
		free(cause);
		cause = NULL;
		if (r == 0 && w.kind != WHEN_DEADLINE && when_point_cmp(&w.start, &w.start) != 0)
			abort();
		if (r == 0 && w.end.prec != WHEN_PREC_NONE && when_point_cmp(&w.end, &w.start) < 0)
			abort(); /* a range never ends before it starts */
	}
	r = when_parse(text, NULL, 0, &w2, NULL); /* no plan, no cause wanted */
	(void)r;
	free(text);
	return 0;
}
