/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "core/report_buf.h"

/* The text of a page or a report is written straight into one buffer: no templates. */

void rbuf_html(struct buf *b, const char *s)
{
	const char *run = s;

	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		const char *rep;
		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		buf_add(b, run, (size_t)(s - run));
		buf_add_str(b, rep);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(s - run));
}

void rbuf_csv(struct buf *b, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",;\"\r\n") == NULL && *s != '=' && *s != '+' && *s != '-' && *s != '@') {
		buf_add_str(b, s);
		return;
	}
	/* Quoted; a leading formula character gets a ' so spreadsheets show it as text. */
	buf_add(b, "\"", 1);
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		buf_add(b, "'", 1);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_add(b, "\"\"", 2);
		else
			buf_add(b, s, 1);
	}
	buf_add(b, "\"", 1);
}

void rbuf_md(struct buf *b, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		if (*s == '|' || *s == '\\' || *s == '<' || *s == '>' || *s == '*' || *s == '_' ||
		    *s == '`' || *s == '[' || *s == ']')
			buf_add(b, "\\", 1);
		if (*s == '\n' || *s == '\r' || *s == '\t')
			buf_add(b, " ", 1);
		else
			buf_add(b, s, 1);
	}
}
