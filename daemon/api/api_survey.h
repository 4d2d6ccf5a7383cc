/* SPDX-License-Identifier: MIT */
/* The survey's routes (api_survey*.c) and what they share. */
#ifndef QWEEK_API_SURVEY_H
#define QWEEK_API_SURVEY_H

#include <stddef.h>

#define SURVEY_RATE_SEC	  5  /* one response per address every 5 seconds on average, */
#define SURVEY_RATE_BURST 20 /* with bursts of 20 */
#define SURVEY_MAX_BODY	  (64 * 1024)

/* api_survey_rate.c: may ADDR send a response now? Counts it when it may. */
int api_survey_rate_ok(const char *addr);

struct request;
struct error;

/* api_survey_form.c: GET and POST /survey/<secret>, the public form. */
int survey_form_get(struct request *r, struct error *err);
int survey_form_post(struct request *r, struct error *err);

/* api_survey.c: the questionnaire of a plan, the templates, the results, the link. */
int api_survey_put(struct request *r, struct error *err);
int api_survey_show(struct request *r, struct error *err);
int api_survey_templates(struct request *r, struct error *err);
int api_survey_results(struct request *r, struct error *err);
int api_survey_link(struct request *r, struct error *err);
int api_survey_import(struct request *r, struct error *err);
int api_survey_page(struct request *r, struct error *err);

/* api_survey_link.c: the form's URL into URL (made, or ROTATE'd: *MADE); 0 or -1 with ERR. */
int api_survey_link_url(struct request *r, char *url, size_t len, int rotate, int *made,
			struct error *err);

#endif
