/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nls.h"
#include "report_extra.h"

/* "Выводы": the heading of the conclusions in LANG. */
static const char *report_extra_heading(const char *lang)
{
	if (lang != NULL && strcmp(lang, "uk") == 0)
		return "Висновки";
	if (lang != NULL && strcmp(lang, "en") == 0)
		return "Conclusions";
	return "Выводы";
}

static void report_extra_html_text(FILE *out, const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
		n--;
	fputs("<p>", out);
	for (const char *end = s + n; s < end; s++) {
		if (*s == '\n' && s + 1 < end && s[1] == '\n') {
			fputs("</p>\n<p>", out);
			while (s + 1 < end && s[1] == '\n')
				s++;
		} else if (*s == '\n')
			fputs("<br>\n", out);
		else if (*s == '<')
			fputs("&lt;", out);
		else if (*s == '>')
			fputs("&gt;", out);
		else if (*s == '&')
			fputs("&amp;", out);
		else if (*s == '"')
			fputs("&quot;", out);
		else if (*s != '\r')
			fputc(*s, out);
	}
	fputs("</p>\n", out);
}

void report_extra_write(FILE *out, const char *report, const char *format, const char *lang,
			const char *conclusions)
{
	const char *end = strcmp(format, "html") == 0 ? strstr(report, "</body>") : NULL;

	if (conclusions == NULL || strcmp(format, "csv") == 0) {
		fputs(report, out);
		return;
	}
	if (end == NULL) { /* Markdown: a section at the end */
		fputs(report, out);
		fprintf(out, "\n## %s\n\n%s%s", report_extra_heading(lang), conclusions,
			conclusions[0] != '\0' && conclusions[strlen(conclusions) - 1] != '\n' ?
				"\n" :
				"");
		return;
	}
	fwrite(report, 1, (size_t)(end - report), out);
	fprintf(out, "<section class=\"conclusions\">\n<h2>%s</h2>\n", report_extra_heading(lang));
	report_extra_html_text(out, conclusions);
	fputs("</section>\n", out);
	fputs(end, out);
}

enum cmd_retval report_extra_pandoc(const char *md, const char *to, const char *lang,
				    const char *conclusions)
{
	char cmd[128];
	FILE *p;
	int rc;

	if (system("command -v pandoc >/dev/null 2>&1") != 0)
		return ctx_fail(
			_("--format %s needs pandoc, which is not installed (Debian: apt-get "
			  "install pandoc); or take --format html and open it in the word "
			  "processor"),
			to);
	snprintf(cmd, sizeof cmd, "pandoc --quiet -f markdown -t %s -o -", to);
	fflush(stdout);
	if ((p = popen(cmd, "w")) == NULL)
		return ctx_fail(_("cannot run pandoc: %s"), strerror(errno));
	report_extra_write(p, md, "md", lang, conclusions);
	rc = pclose(p);
	if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
		return ctx_fail(_("pandoc could not make the %s file (exit status %d)"), to,
				rc == -1 || !WIFEXITED(rc) ? -1 : WEXITSTATUS(rc));
	return CMD_OK;
}
