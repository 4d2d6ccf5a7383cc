/* SPDX-License-Identifier: MIT */
/* What the qweek survey commands share: reading a file to send, fetching a page. */
#ifndef QWEEK_CLI_SURVEY_H
#define QWEEK_CLI_SURVEY_H

#include <stddef.h>

#include "ctx.h"

#define SURVEY_FILE_MAX (256 * 1024)

/* The bytes of FILE ("-": stdin) in *DATA (malloc'd, NUL-ended) and *LEN; CMD_OK or refused. */
enum cmd_retval survey_file_read(const char *file, char **data, size_t *len);

/* The survey's printable page WHAT ("poster", "print": HTML, not JSON) to stdout; CMD_OK or
 * refused with qweekd's message. */
enum cmd_retval survey_page_print(struct cmd_ctx *ctx, const char *what);

#endif
