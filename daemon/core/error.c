/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/tr.h"

/* Errors meant for people: what went wrong, in their words, and which HTTP status says so. */

static const struct {
	int status;
	const char *code;
} kinds[] = {
	[ERR_NONE] = { 200, "ok" },
	[ERR_BAD_JSON] = { 400, "bad_json" },
	[ERR_UNKNOWN_FIELD] = { 400, "unknown_field" },
	[ERR_BAD_FIELD] = { 400, "bad_field" },
	[ERR_UNAUTHORIZED] = { 401, "unauthorized" },
	[ERR_FORBIDDEN] = { 403, "forbidden" },
	[ERR_NOT_FOUND] = { 404, "not_found" },
	[ERR_METHOD] = { 405, "method_not_allowed" },
	[ERR_AMBIGUOUS] = { 409, "ambiguous" },
	[ERR_CONFLICT] = { 409, "conflict" },
	[ERR_CHOOSE_PLAN] = { 409, "choose_plan" },
	[ERR_TOO_LARGE] = { 413, "too_large" },
	[ERR_MISDIRECTED] = { 421, "misdirected_request" },
	[ERR_MEDIA_TYPE] = { 415, "unsupported_media_type" },
	[ERR_INVALID] = { 422, "invalid" },
	[ERR_INTERNAL] = { 500, "internal" },
	[ERR_UNAVAILABLE] = { 503, "unavailable" },
};

int error_set(struct error *e, enum err_kind kind, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL || e->kind != ERR_NONE)
		return -1;
	e->kind = kind;
	va_start(ap, fmt);
	if (vasprintf(&e->message, fmt, ap) == -1)
		e->message = NULL;
	va_end(ap);
	for (int i = 0; i < I18N_NLANG; i++) {
		const char *t = tr((enum i18n_lang)i, fmt);
		if (t == fmt)
			continue;
		va_start(ap, fmt);
		if (vasprintf(&e->translated[i], t, ap) == -1)
			e->translated[i] = NULL;
		va_end(ap);
	}
	return -1;
}

void error_list_vadd(json_t **list, const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) == -1)
		return;
	if (*list == NULL)
		*list = json_array();
	json_array_append_new(*list, json_string(s));
	free(s);
}

void error_candidate(struct error *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_list_vadd(&e->candidates, fmt, ap);
	va_end(ap);
}

void error_clear(struct error *e)
{
	free(e->message);
	json_decref(e->candidates);
	for (int i = 0; i < I18N_NLANG; i++) {
		free(e->translated[i]);
		e->translated[i] = NULL;
	}
	e->kind = ERR_NONE;
	e->message = NULL;
	e->candidates = NULL;
}

int error_http_status(enum err_kind kind)
{
	return kinds[kind].status;
}

const char *error_code(enum err_kind kind)
{
	return kinds[kind].code;
}

/* The message names the candidates too: the client prints one line and that is enough. */
json_t *error_to_json(const struct error *e)
{
	return error_to_json_in(e, I18N_EN);
}

json_t *error_to_json_in(const struct error *e, enum i18n_lang lang)
{
	const char *msg = (unsigned)lang < I18N_NLANG && e->translated[lang] != NULL ?
				  e->translated[lang] :
			  e->message != NULL ? e->message :
					       "out of memory";
	size_t n = e->candidates != NULL ? json_array_size(e->candidates) : 0;
	json_t *inner;
	char *full = NULL;

	if (n > 0) {
		const char *sep = tr(lang, "; candidates: ");
		size_t len = strlen(msg) + strlen(sep) + 1;
		for (size_t i = 0; i < n; i++)
			len += strlen(json_string_value(json_array_get(e->candidates, i))) + 2;
		if ((full = malloc(len)) != NULL) {
			strcpy(full, msg);
			strcat(full, sep);
			for (size_t i = 0; i < n; i++) {
				if (i > 0)
					strcat(full, "; ");
				strcat(full, json_string_value(json_array_get(e->candidates, i)));
			}
			msg = full;
		}
	}
	inner = json_pack("{s:s, s:s}", "code", error_code(e->kind), "message", msg);
	free(full);
	if (n > 0)
		json_object_set(inner, "candidates", e->candidates);
	return json_pack("{s:o}", "error", inner);
}
