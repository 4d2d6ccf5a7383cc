/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api/api_plan.h"
#include "core/slug.h"
#include "time/moment.h"
#include "time/tz.h"

/* A plan's settings, checked the same way for plan new, plan edit and plan copy. */

int api_plan_check_days(struct plan *p, const char *from, const char *to, struct error *err)
{
	char a[16], b[16];

	if (from != NULL && moment_day_from_text(from, p->first_day, err) == -1)
		return -1;
	if (to != NULL && moment_day_from_text(to, p->last_day, err) == -1)
		return -1;
	if (strcmp(p->last_day, p->first_day) >= 0)
		return 0;
	moment_human_day(p->last_day, b, sizeof b);
	moment_human_day(p->first_day, a, sizeof a);
	return error_set(err, ERR_INVALID, "the plan ends (%s) before it starts (%s)",
			 to != NULL ? to : b, from != NULL ? from : a);
}

int api_plan_check_tz(const char *tz, struct error *err)
{
	if (tz_valid(tz))
		return 0;
	return error_set(err, ERR_INVALID,
			 "«%s» is not a time zone; use an IANA name such "
			 "as Asia/Krasnoyarsk or Europe/Kyiv",
			 tz);
}

int api_plan_check_lang(const char *lang, struct error *err)
{
	if (strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0 || strcmp(lang, "en") == 0)
		return 0;
	return error_set(err, ERR_INVALID, "language «%s»: use ru, uk or en", lang);
}

int api_plan_check_slug(struct db *db, const char *slug, struct error *err)
{
	if (!slug_valid(slug) || strcmp(slug, "_") == 0)
		return error_set(err, ERR_INVALID,
				 "slug «%s»: use lower-case Latin letters, "
				 "digits and '-'",
				 slug);
	if (store_plan_slug_taken(db, slug))
		return error_set(err, ERR_CONFLICT, "there is already a plan «%s»", slug);
	return 0;
}

int api_plan_check_title(const char *title, struct error *err)
{
	if (title == NULL || *title == '\0')
		return error_set(err, ERR_INVALID, "a plan needs a title");
	return 0;
}

int api_plan_set(char **field, const char *value, struct error *err)
{
	char *copy = strdup(value);

	if (copy == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	free(*field);
	*field = copy;
	return 0;
}
