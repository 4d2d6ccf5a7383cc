/* SPDX-License-Identifier: MIT */
/* What a plan's settings must be, the same whether it is made (plan new), changed or copied. */
#ifndef QWEEK_API_PLAN_H
#define QWEEK_API_PLAN_H

#include "core/error.h"
#include "http/http.h"
#include "store/store.h"

/*
 * Sets P's first and last day from FROM and TO as typed (NULL: P's stays), and checks that the
 * plan does not end before it starts. 0, or -1 with ERR naming what was typed.
 */
int api_plan_check_days(struct plan *p, const char *from, const char *to, struct error *err);

/* TZ is an IANA zone; LANG is ru, uk or en; SLUG is free and well formed; TITLE is not empty. */
int api_plan_check_tz(const char *tz, struct error *err);
int api_plan_check_lang(const char *lang, struct error *err);
int api_plan_check_slug(struct db *db, const char *slug, struct error *err);
int api_plan_check_title(const char *title, struct error *err);

/* Replaces *FIELD (malloc'd) with a copy of VALUE; -1 with ERR when out of memory. */
int api_plan_set(char **field, const char *value, struct error *err);

#endif

/* A PATCH of a plan's settings (api_plan_edit.c): checked first, then written in its change. */
struct plan_edit {
	struct plan *plan; /* the plan as it will be */
	int has_director;
	int64_t director; /* 0: nobody named, the roles decide */
	int tz_changed, moved;
};

/* Whether BODY asks to change any setting besides the reminders. */
int api_plan_edit_wants(json_t *body);

/* Checks what R's body asks of plan P, into E (api_plan_edit_free it). 0, or -1 with ERR. */
int api_plan_edit_check(struct request *r, const struct plan *p, struct plan_edit *e,
			struct error *err);

/* Writes E over plan P, inside the caller's change: a new zone re-reads every item's time. */
int api_plan_edit_apply(struct db *db, const struct plan *p, struct plan_edit *e, int64_t now,
			struct error *err);

void api_plan_edit_free(struct plan_edit *e);
