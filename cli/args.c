/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "utf8.h"
#include "util.h"
#include "nls.h"

/* getopt_long over a list of option descriptors, with messages meant for people. */

enum { ARGS_VAL_BASE = 0x100 };

struct args_given {
	int opt; /* index into opts */
	const char *value;
};

struct args {
	const struct args_option **opts; /* the options of both lists */
	int nopts;
	struct args_given *given;
	int ngiven;
	const char **pos;
	int npos;
};

void args_free(struct args *a)
{
	if (a == NULL)
		return;
	free(a->opts);
	free(a->given);
	free(a->pos);
	free(a);
}

static int args_find(const struct args *a, const char *name)
{
	for (int i = 0; i < a->nopts; i++) {
		if (strcmp(a->opts[i]->name, name) == 0)
			return i;
	}
	return -1;
}

/* Collects both option lists and the matching struct option array for getopt_long. */
static struct option *args_options(struct args *a, const struct args_option *opts,
				   const struct args_option *extra)
{
	const struct args_option *lists[2] = { opts, extra };
	struct option *lo;
	int n = 0;

	for (int l = 0; l < 2; l++)
		for (const struct args_option *o = lists[l]; o != NULL && o->name != NULL; o++)
			n++;
	a->opts = calloc((size_t)n + 1, sizeof *a->opts);
	lo = calloc((size_t)n + 1, sizeof *lo);
	if (a->opts == NULL || lo == NULL) {
		free(lo);
		return NULL;
	}
	for (int l = 0; l < 2; l++) {
		for (const struct args_option *o = lists[l]; o != NULL && o->name != NULL; o++) {
			lo[a->nopts].name = o->name;
			lo[a->nopts].has_arg =
				(o->flags & ARGS_VALUE) ? required_argument : no_argument;
			lo[a->nopts].val = ARGS_VAL_BASE + a->nopts;
			a->opts[a->nopts++] = o;
		}
	}
	return lo;
}

/* Names the option at ARG ("--w=x") that getopt refused, as a sentence in *CAUSE. */
static void args_refuse(const struct args *a, const char *arg, char **cause)
{
	const char *name = arg + strspn(arg, "-");
	size_t len = strcspn(name, "="), n = 0;
	char list[256] = "";
	size_t used = 0;

	for (int i = 0; i < a->nopts; i++) {
		if (strncmp(a->opts[i]->name, name, len) != 0)
			continue;
		if (used < sizeof list)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s--%s",
						 n != 0 ? ", " : "", a->opts[i]->name);
		n++;
	}
	if (len != 0 && n > 1 && strncmp(arg, "--", 2) == 0)
		util_cause(cause, _("ambiguous option --%.*s (could be %s)"), (int)len, name, list);
	else
		util_cause(cause, _("unknown option %.*s"), (int)(name - arg + len), arg);
}

static int args_add(struct args *a, int opt, const char *value)
{
	a->given[a->ngiven].opt = opt;
	a->given[a->ngiven++].value = value;
	return 0;
}

/* Handles one getopt_long result C: 0, or -1 with *CAUSE. */
static int args_one(struct args *a, int c, int argc, char **argv, char **cause)
{
	int help = args_find(a, "help"),
	    known = optopt >= ARGS_VAL_BASE && optopt < ARGS_VAL_BASE + a->nopts;

	if (c == 1) {
		a->pos[a->npos++] = optarg;
		return 0;
	}
	if (c == 'h' && help != -1)
		return args_add(a, help, NULL);
	if (c >= ARGS_VAL_BASE && c < ARGS_VAL_BASE + a->nopts)
		return args_add(a, c - ARGS_VAL_BASE, optarg);
	if (c == ':')
		return util_cause(cause, _("option --%s needs a value"),
				  known ? a->opts[optopt - ARGS_VAL_BASE]->name : "?");
	if (known)
		return util_cause(cause, _("option --%s takes no value"),
				  a->opts[optopt - ARGS_VAL_BASE]->name);
	if (c == 'h' || optopt != 0)
		return util_cause(cause, _("unknown option -%c"), c == 'h' ? 'h' : optopt);
	args_refuse(a, optind > 0 && optind <= argc ? argv[optind - 1] : "?", cause);
	return -1;
}

/* TEXT with each byte that is not part of a UTF-8 character written as \xNN, into BUF. */
static const char *args_escape(const char *text, char *buf, size_t len)
{
	size_t n = 0;

	for (const char *p = text; *p != '\0' && n + 5 < len;) {
		unsigned char c = (unsigned char)*p;
		size_t k = c < 0x80		  ? 1 :
			   c >= 0xc2 && c <= 0xdf ? 2 :
			   c >= 0xe0 && c <= 0xef ? 3 :
			   c >= 0xf0 && c <= 0xf4 ? 4 :
						    0;
		if (k > 0 && strnlen(p, k) == k && utf8_valid(p, k) && n + k < len) {
			memcpy(buf + n, p, k);
			n += k, p += k;
		} else
			n += (size_t)snprintf(buf + n, len - n, "\\x%02X", c), p++;
	}
	buf[n] = '\0';
	return buf;
}

/* Refuses text that is not UTF-8: jansson, qweekd and the tables all need it. Names which. */
static int args_check_utf8(const struct args *a, char **cause)
{
	char shown[96];

	for (int i = 0; i < a->npos; i++) {
		if (!utf8_valid(a->pos[i], strlen(a->pos[i])))
			return util_cause(cause,
					  _("argument %d «%s» is not valid UTF-8 (is the terminal "
					    "set to UTF-8?)"),
					  i + 1, args_escape(a->pos[i], shown, sizeof shown));
	}
	for (int i = 0; i < a->ngiven; i++) {
		const char *v = a->given[i].value;
		if (v != NULL && !utf8_valid(v, strlen(v)))
			return util_cause(cause,
					  _("the value of --%s «%s» is not valid UTF-8 (is the "
					    "terminal set to UTF-8?)"),
					  a->opts[a->given[i].opt]->name,
					  args_escape(v, shown, sizeof shown));
	}
	return 0;
}

struct args *args_parse(const struct args_option *opts, const struct args_option *extra, int argc,
			char **argv, enum args_mode mode, int *used, char **cause)
{
	struct args *a = calloc(1, sizeof *a);
	struct option *lo = NULL;
	int c;

	*cause = NULL;
	if (a == NULL || (lo = args_options(a, opts, extra)) == NULL ||
	    (a->given = calloc((size_t)argc + 1, sizeof *a->given)) == NULL ||
	    (a->pos = calloc((size_t)argc + 1, sizeof *a->pos)) == NULL) {
		*cause = strdup("out of memory");
		goto fail;
	}
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, mode == ARGS_STOP ? "+:h" : "-:h", lo, NULL)) != -1) {
		if (args_one(a, c, argc, argv, cause) == -1)
			goto fail;
	}
	if (mode == ARGS_STOP && used != NULL)
		*used = optind;
	else
		while (optind < argc)
			a->pos[a->npos++] = argv[optind++];
	if (args_check_utf8(a, cause) == -1)
		goto fail;
	free(lo);
	return a;
fail:
	if (*cause == NULL)
		*cause = strdup("bad arguments");
	free(lo);
	args_free(a);
	return NULL;
}

size_t args_has(const struct args *a, const char *name)
{
	int opt = args_find(a, name);
	size_t n = 0;

	for (int i = 0; i < a->ngiven; i++)
		n += a->given[i].opt == opt;
	return opt == -1 ? 0 : n;
}

const char *args_get(const struct args *a, const char *name)
{
	int opt = args_find(a, name);
	const char *v = NULL;

	for (int i = 0; i < a->ngiven && opt != -1; i++) {
		if (a->given[i].opt == opt)
			v = a->given[i].value;
	}
	return v;
}

const char *args_value(const struct args *a, const char *name, size_t n)
{
	int opt = args_find(a, name);

	for (int i = 0; i < a->ngiven && opt != -1; i++) {
		if (a->given[i].opt == opt && n-- == 0)
			return a->given[i].value;
	}
	return NULL;
}

int args_count(const struct args *a)
{
	return a->npos;
}

const char *args_string(const struct args *a, int i)
{
	return i >= 0 && i < a->npos ? a->pos[i] : NULL;
}
