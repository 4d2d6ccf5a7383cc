/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "run.h"

/*
 * Writes what the manual page and the shell completion say about qweek's commands, from the
 * very table qweek runs (cli/cmd.c): a new command there is in both at the next build.
 *   qweek_docgen scd man/qweek.1.scd OUT     the page, its line @COMMANDS@ made the section
 *   qweek_docgen bash contrib/completion/qweek.bash OUT   the completion, the tables first
 * Built with LC_ALL=C, so the page says what qweek help says in English.
 */

/* TEXT with scdoc's markup characters escaped. */
static void scd_text(FILE *f, const char *text, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '*' || text[i] == '_' || text[i] == '\\')
			fputc('\\', f);
		fputc(text[i], f);
	}
}

/* A line of a literal block: scdoc takes a backslash there as an escape too. */
static void scd_literal(FILE *f, const char *text, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\\')
			fputc('\\', f);
		fputc(text[i], f);
	}
	fputc('\n', f);
}

/* The help of E: its prose as paragraphs, its indented lines (examples) as a literal block. */
static void scd_help(FILE *f, const char *help)
{
	int in_block = 0;

	while (*help != '\0') {
		size_t n = strcspn(help, "\n");
		int indented = help[0] == ' ';

		if (indented && !in_block)
			fputs("```\n", f), in_block = 1;
		else if (!indented && in_block)
			fputs("```\n\n", f), in_block = 0;
		if (in_block)
			scd_literal(f, help, n);
		else if (n == 0)
			fputs("\n", f);
		else {
			if (help[0] == '-')
				fputc('\\', f); /* not a list: "--no sets the item's number" */
			scd_text(f, help, n);
			fputc('\n', f);
		}
		help += n + (help[n] == '\n');
	}
	if (in_block)
		fputs("```\n", f);
}

static void scd_commands(FILE *f)
{
	for (const struct cmd_entry *const *e = cmd_all(); *e != NULL; e++) {
		fputs("## qweek ", f);
		scd_text(f, (*e)->name, strlen((*e)->name));
		fputs("\n\n*qweek ", f);
		scd_text(f, (*e)->name, strlen((*e)->name));
		fputs("*", f);
		if (*(*e)->usage != '\0') {
			fputc(' ', f);
			scd_text(f, (*e)->usage, strlen((*e)->usage));
		}
		fputs("\n\n", f);
		scd_text(f, (*e)->summary, strlen((*e)->summary));
		fputs(".\n\n", f);
		scd_help(f, (*e)->help);
		fputs("\n", f);
	}
}

static void bash_options(FILE *f, const struct args_option *o)
{
	for (; o != NULL && o->name != NULL; o++)
		fprintf(f, " --%s%s", o->name, (o->flags & ARGS_VALUE) ? "=" : "");
}

static void bash_tables(FILE *f)
{
	fputs("# Made by qweek_docgen from cli/cmd.c: the commands, and each one's options\n"
	      "# (a trailing = marks one that takes a value).\n_qweek_commands=(",
	      f);
	for (const struct cmd_entry *const *e = cmd_all(); *e != NULL; e++)
		fprintf(f, " '%s'", (*e)->name);
	fputs(" )\ndeclare -gA _qweek_command_options=(\n", f);
	for (const struct cmd_entry *const *e = cmd_all(); *e != NULL; e++) {
		fprintf(f, "\t['%s']='", (*e)->name);
		bash_options(f, (*e)->options);
		fputs("'\n", f);
	}
	fputs(")\n_qweek_global_options='", f);
	bash_options(f, run_global_options);
	fputs("'\n", f);
}

/* Copies TEMPLATE to OUT, with the line "@COMMANDS@" (scd) replaced, or the tables first (bash). */
static int docgen(const char *mode, const char *template, const char *out)
{
	FILE *in = fopen(template, "r"), *f = fopen(out, "w");
	char line[4096];
	int scd = strcmp(mode, "scd") == 0, rc;

	if (in == NULL || f == NULL) {
		perror(in == NULL ? template : out);
		return 1;
	}
	if (!scd)
		bash_tables(f);
	while (fgets(line, sizeof line, in) != NULL) {
		if (scd && strcmp(line, "@COMMANDS@\n") == 0)
			scd_commands(f);
		else
			fputs(line, f);
	}
	fclose(in);
	rc = ferror(f) != 0;
	return fclose(f) != 0 || rc;
}

int main(int argc, char **argv)
{
	if (argc != 4 || (strcmp(argv[1], "scd") != 0 && strcmp(argv[1], "bash") != 0)) {
		fputs("usage: qweek_docgen scd|bash TEMPLATE OUT\n", stderr);
		return 2;
	}
	return docgen(argv[1], argv[2], argv[3]);
}
