/* SPDX-License-Identifier: MIT */
/* The one error convention of the daemon: a kind (which becomes the HTTP status) and a sentence. */
#ifndef QWEEK_ERROR_H
#define QWEEK_ERROR_H

#include <stdarg.h>

#include <jansson.h>

#include "core/i18n.h"

enum err_kind {
	ERR_NONE = 0,
	ERR_BAD_JSON,	   /* 400 */
	ERR_UNKNOWN_FIELD, /* 400 */
	ERR_BAD_FIELD,	   /* 400 */
	ERR_UNAUTHORIZED,  /* 401: who asks is not known (no token, or a bad one) */
	ERR_FORBIDDEN,	   /* 403 */
	ERR_NOT_FOUND,	   /* 404 */
	ERR_METHOD,	   /* 405 */
	ERR_AMBIGUOUS,	   /* 409 */
	ERR_CONFLICT,	   /* 409 */
	ERR_CHOOSE_PLAN,   /* 409 */
	ERR_TOO_LARGE,	   /* 413 */
	ERR_MISDIRECTED,   /* 421: a Host this server does not answer to */
	ERR_MEDIA_TYPE,	   /* 415 */
	ERR_INVALID,	   /* 422 */
	ERR_INTERNAL,	   /* 500 */
	ERR_UNAVAILABLE,   /* 503 */
};

/* A refusal for the person who asked. Owned by whoever declared it; release with error_clear. */
struct error {
	enum err_kind kind;
	char *message;
	json_t *candidates; /* array of strings, or NULL */
	/* The message in each language of the catalogues (core/tr.h), or NULL: said in English. */
	char *translated[I18N_NLANG];
};

#define ERROR_INIT                                                    \
	{                                                             \
		.kind = ERR_NONE, .message = NULL, .candidates = NULL \
	}

/*
 * Sets E (if not yet set: the first cause wins) and returns -1, so that `return error_set(...)`.
 * FMT is a message id of po/ (xgettext's keyword error_set:3): E keeps it in every language, and
 * the reply takes the one its request asks for (error_to_json_in).
 */
int error_set(struct error *e, enum err_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Adds a candidate line to E's list (for ambiguous or unknown names). */
void error_candidate(struct error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends the formatted text to the JSON array *LIST, made when NULL (candidates, warnings). */
void error_list_vadd(json_t **list, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

void error_clear(struct error *e);

int error_http_status(enum err_kind kind);
const char *error_code(enum err_kind kind);

/* {"error": {"code", "message", "candidates"?}}; a new reference. */
json_t *error_to_json(const struct error *e);

/* The same, with the message in LANG where E has it. */
json_t *error_to_json_in(const struct error *e, enum i18n_lang lang);

#endif
