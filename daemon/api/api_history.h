/* SPDX-License-Identifier: MIT */
/* The history of a plan's changes and undo, as the API shows them (api_history*.c). */
#ifndef QWEEK_API_HISTORY_H
#define QWEEK_API_HISTORY_H

#include "store/history_store.h"

/* What api_history_what needs: the database (names of rows), the plan's language. */
struct api_what {
	struct db *db;
	const char *lang;
	char ref[64]; /* set: the label of the first item the change touched, else "" */
};

/* Change C in a sentence in X's language (malloc'd); sets X->ref. */
char *api_history_what(struct api_what *x, const struct change *c);

#endif
