/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report_buf.h"
#include "remind/remind_html.h"

/* Colours with a contrast of 7:1 and more on white: text read by older staff on old phones. */
#define INK   "#1a1a1a"
#define GREY  "#4d4d4d"
#define BLUE  "#174ea6"
#define FONTS "Arial,Helvetica,sans-serif"

/* TEXT escaped, its new lines as <br>. */
static void lines(struct buf *b, const char *text)
{
	const char *s = text, *nl;
	char *part;

	while ((nl = strchr(s, '\n')) != NULL) {
		if ((part = strndup(s, (size_t)(nl - s))) != NULL)
			rbuf_html(b, part);
		free(part);
		s = nl + 1;
		if (*s != '\0')
			buf_add_str(b, "<br>");
	}
	rbuf_html(b, s);
}

void remind_html_open(struct buf *b, const char *lang, const char *title)
{
	buf_printf(b,
		   "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		   "<title>",
		   lang);
	rbuf_html(b, title);
	buf_add_str(b, "</title>\n</head>\n<body style=\"margin:0;padding:12px;background:#f2f2f2;"
		       "font-family:" FONTS ";font-size:17px;line-height:1.5;color:" INK "\">\n"
		       "<div style=\"max-width:560px;margin:0 auto;background:#ffffff;"
		       "padding:16px 20px;border-radius:8px\">\n");
}

void remind_html_p(struct buf *b, const char *text, int small)
{
	buf_add_str(b, small ? "<p style=\"margin:12px 0;font-size:15px;color:" GREY "\">" :
			       "<p style=\"margin:12px 0\">");
	lines(b, text);
	buf_add_str(b, "</p>\n");
}

void remind_html_pf(struct buf *b, const char *fmt, const char *arg)
{
	char *s;

	if (asprintf(&s, fmt, arg) == -1) {
		b->failed = 1;
		return;
	}
	remind_html_p(b, s, 0);
	free(s);
}

void remind_html_h(struct buf *b, const char *text)
{
	buf_add_str(b, "<h2 style=\"margin:22px 0 8px;font-size:19px\">");
	rbuf_html(b, text);
	buf_add_str(b, "</h2>\n");
}

void remind_html_box(struct buf *b, const char *head, const char *text)
{
	buf_add_str(b, "<div style=\"border-left:5px solid " BLUE ";background:#f3f6fb;"
		       "padding:10px 14px;margin:14px 0\">\n"
		       "<p style=\"margin:0 0 6px;font-weight:bold;font-size:18px\">");
	rbuf_html(b, head);
	buf_add_str(b, "</p>\n<p style=\"margin:0\">");
	lines(b, text);
	buf_add_str(b, "</p>\n</div>\n");
}

void remind_html_button(struct buf *b, const char *url, const char *label)
{
	buf_add_str(b, "<p style=\"margin:22px 0 8px\"><a href=\"");
	rbuf_html(b, url);
	buf_add_str(b, "\" style=\"display:inline-block;background:" BLUE ";color:#ffffff;"
		       "text-decoration:none;font-weight:bold;font-size:18px;padding:14px 26px;"
		       "border-radius:6px\">");
	rbuf_html(b, label);
	buf_add_str(b, "</a></p>\n");
}

void remind_html_link(struct buf *b, const char *text, const char *url)
{
	buf_add_str(b, "<p style=\"margin:8px 0 16px;font-size:15px;color:" GREY "\">");
	rbuf_html(b, text);
	buf_add_str(b, "<br><a href=\"");
	rbuf_html(b, url);
	buf_add_str(b, "\" style=\"color:" BLUE ";word-break:break-all\">");
	rbuf_html(b, url);
	buf_add_str(b, "</a></p>\n");
}

void remind_html_list(struct buf *b, const char *lines, int small)
{
	const char *s = lines, *nl;
	char *line;

	buf_add_str(b,
		    small ? "<ul style=\"margin:8px 0;padding-left:22px;font-size:15px;color:" GREY
			    "\">\n" :
			    "<ul style=\"margin:8px 0;padding-left:22px\">\n");
	for (; *s != '\0'; s = *nl != '\0' ? nl + 1 : nl) {
		nl = s + strcspn(s, "\n");
		if (nl == s)
			continue;
		if ((line = strndup(s, (size_t)(nl - s))) == NULL)
			break;
		buf_add_str(b, "<li style=\"margin:4px 0\">");
		rbuf_html(b, line);
		buf_add_str(b, "</li>\n");
		free(line);
	}
	buf_add_str(b, "</ul>\n");
}

char *remind_html_close(struct buf *b, const char *footer)
{
	size_t len;

	buf_add_str(b, "<p style=\"margin:20px 0 0;padding-top:10px;border-top:1px solid #cccccc;"
		       "font-size:14px;color:" GREY "\">");
	rbuf_html(b, footer);
	buf_add_str(b, "</p>\n</div>\n</body>\n</html>\n");
	return buf_take(b, &len);
}
