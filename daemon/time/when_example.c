/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <time.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/tr.h"
#include "time/when.h"

/* Examples of dates for a refusal, written as the plan's people write them, in its year. */

static const char *const when_months[I18N_NLANG][12] = {
	{ "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
	  "октябрь", "ноябрь", "декабрь" },
	{ "січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
	  "вересень", "жовтень", "листопад", "грудень" },
	{ "January", "February", "March", "April", "May", "June", "July", "August", "September",
	  "October", "November", "December" },
};

void when_examples(const struct when_ctx *ctx, char ex[4][48])
{
	enum i18n_lang lang = tr_plan_lang();
	int y, m, d, ty, tm, td;

	if (ctx != NULL && ctx->from_year > 0 && ctx->from_month >= 1 && ctx->from_month <= 12) {
		y = ctx->from_year, m = ctx->from_month, d = ctx->from_day;
		ty = ctx->to_year > 0 ? ctx->to_year : y;
		tm = ctx->to_year > 0 ? ctx->to_month : m;
		td = ctx->to_year > 0 ? ctx->to_day : d;
	} else {
		time_t now = (time_t)clock_now();
		struct tm t;
		gmtime_r(&now, &t);
		y = ty = t.tm_year + 1900, m = tm = 11, d = 8, td = 15;
	}
	snprintf(ex[0], 48, "%02d.%02d.%d 15:00", d, m, y);
	if (ty == y)
		snprintf(ex[1], 48, "%02d.%02d-%02d.%02d.%d", d, m, td, tm, y);
	else
		snprintf(ex[1], 48, "%02d.%02d.%d-%02d.%02d.%d", d, m, y, td, tm, ty);
	snprintf(ex[2], 48, "%s %02d.%02d.%d", lang == I18N_EN ? "by" : "до", td, tm, ty);
	snprintf(ex[3], 48, "%s %d", when_months[lang][m - 1], y);
}
