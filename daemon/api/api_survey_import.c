/* SPDX-License-Identifier: MIT */
#include "api/api.h"
#include "api/api_survey.h"

int api_survey_import(struct request *r, struct error *err)
{
	(void)r;
	return error_set(err, ERR_UNAVAILABLE, "survey import is not built yet");
}
