/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jscan.h"
#include "mem.h"

/*
 * libFuzzer target for the client's reply scanner: it must never crash, and it must accept
 * exactly what jansson accepts (the grammar it claims to check), walking every token it made.
 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void walk(struct jscan *j, int tok, int depth)
{
	if (depth > 64)
		return;
	switch (jscan_type(j, tok)) {
	case JSCAN_ARRAY:
	case JSCAN_OBJECT:
		for (int t = jscan_first(j, tok); t != -1; t = jscan_next(j, tok, t))
			walk(j, t, depth + 1);
		break;
	default:
		(void)jscan_string(j, tok);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = mem_alloc(size + 1), *cause = NULL;
	json_error_t jerr;
	json_t *ref = json_loadb((const char *)data, size, JSON_DECODE_ANY, &jerr);
	struct jscan *j;
	int accepted;

	memcpy(buf, data, size);
	j = jscan_parse(buf, size, &cause);
	accepted = j != NULL;
	if (j != NULL) {
		walk(j, 0, 0);
		jscan_free(j);
	}
	free(cause);
	/*
	 * jansson is the reference: what it refuses (bad UTF-8, \u0000, lone surrogates) jscan
	 * must refuse, except numbers beyond jansson's own range, which JSON allows.
	 */
	if (accepted && ref == NULL && strstr(jerr.text, "too big") == NULL &&
	    strstr(jerr.text, "overflow") == NULL)
		abort();
	json_decref(ref);
	return 0;
}
