/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "survey/survey.h"

/* The built-in questionnaires, the files of data/survey compiled in (cmake/embed_survey.cmake). */

extern const struct survey_template survey_template_list[];

const struct survey_template *survey_templates(void)
{
	return survey_template_list;
}

const struct survey_template *survey_template(const char *name)
{
	for (const struct survey_template *t = survey_template_list; t->name != NULL; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}
