/* SPDX-License-Identifier: MIT */
/* The analytical report's survey section (report_html.c, report_md.c). */
#ifndef QWEEK_SURVEY_REPORT_H
#define QWEEK_SURVEY_REPORT_H

#include "core/buf.h"
#include "survey/survey_results.h"

void survey_report_html(struct buf *b, const struct survey_results *r);
void survey_report_md(struct buf *b, const struct survey_results *r);

#endif
