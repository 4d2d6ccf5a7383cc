/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "grow.h"
#include "output.h"
#include "table.h"
#include "nls.h"

/* Human output: how dates read, item rows, key-value lines, and what the terminal allows. */

enum output_prec { OUTPUT_RAW, OUTPUT_MONTH, OUTPUT_DATE, OUTPUT_TIME };

struct output_point {
	enum output_prec prec;
	int year, month, day, hour, minute;
	const char *raw;
};

/* Reads exactly N digits at S into *V; 0 or -1. */
static int output_digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* "2017-12", "2017-11-14", "2017-11-14T16:00:00+07:00": the wall-clock fields as written. */
static void output_point(const char *s, struct output_point *p)
{
	memset(p, 0, sizeof *p);
	p->raw = s;
	p->prec = OUTPUT_RAW;
	if (output_digits(s, 4, &p->year) == -1 || s[4] != '-' ||
	    output_digits(s + 5, 2, &p->month) == -1)
		return;
	if (s[7] == '\0') {
		p->prec = OUTPUT_MONTH;
		return;
	}
	if (s[7] != '-' || output_digits(s + 8, 2, &p->day) == -1)
		return;
	if (s[10] == '\0') {
		p->prec = OUTPUT_DATE;
		return;
	}
	if ((s[10] != 'T' && s[10] != ' ') || output_digits(s + 11, 2, &p->hour) == -1 ||
	    s[13] != ':' || output_digits(s + 14, 2, &p->minute) == -1)
		return;
	p->prec = OUTPUT_TIME;
}

/*
 * Appends text to BUF (LEN bytes, *N used), never past LEN, cut like snprintf would cut it.
 * Dates are written digit by digit: a list formats thousands of them.
 */
static void output_put(char *buf, size_t len, size_t *n, const char *s, size_t k)
{
	if (*n + 1 >= len)
		return;
	if (k > len - 1 - *n)
		k = len - 1 - *n;
	memcpy(buf + *n, s, k);
	*n += k;
	buf[*n] = '\0';
}

static void output_puts(char *buf, size_t len, size_t *n, const char *s)
{
	output_put(buf, len, n, s, strlen(s));
}

/* V (0 to 9999, as read from DIGITS digits) zero-padded to DIGITS, then SEP if not NUL. */
static void output_num(char *buf, size_t len, size_t *n, int v, int digits, char sep)
{
	char d[5];
	int k = 0;

	for (int i = digits - 1; i >= 0; i--, v /= 10)
		d[i] = (char)('0' + v % 10);
	k = digits;
	if (sep != '\0')
		d[k++] = sep;
	output_put(buf, len, n, d, (size_t)k);
}

/* The plan's language for month names (output_set_lang); NULL: months as "12.2017". */
static char output_lang[4];

void output_set_lang(const char *lang)
{
	snprintf(output_lang, sizeof output_lang, "%s", lang != NULL ? lang : "");
}

/* Month M (1-12) named in the plan's language, nominative ("ноябрь"), or NULL. */
static const char *output_month_name(int m)
{
	static const char *const names[][12] = {
		{ "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
		  "сентябрь", "октябрь", "ноябрь", "декабрь" },
		{ "січень", "лютий", "березень", "квітень", "травень", "червень", "липень",
		  "серпень", "вересень", "жовтень", "листопад", "грудень" },
		{ "January", "February", "March", "April", "May", "June", "July", "August",
		  "September", "October", "November", "December" },
	};
	static const char *const langs[] = { "ru", "uk", "en" };

	if (m < 1 || m > 12)
		return NULL;
	for (size_t i = 0; i < 3; i++)
		if (strcmp(output_lang, langs[i]) == 0)
			return names[i][m - 1];
	return NULL;
}

/* A point in full: "12.2017" (or "декабрь 2017"), "14.11.2017", "14.11.2017 16:00". */
static void output_full(const struct output_point *p, char *buf, size_t len, size_t *n)
{
	switch (p->prec) {
	case OUTPUT_MONTH:
		if (output_month_name(p->month) != NULL) {
			output_puts(buf, len, n, output_month_name(p->month));
			output_puts(buf, len, n, " ");
			output_num(buf, len, n, p->year, 4, '\0');
			break;
		}
		output_num(buf, len, n, p->month, 2, '.');
		output_num(buf, len, n, p->year, 4, '\0');
		break;
	case OUTPUT_DATE:
	case OUTPUT_TIME:
		output_num(buf, len, n, p->day, 2, '.');
		output_num(buf, len, n, p->month, 2, '.');
		output_num(buf, len, n, p->year, 4, p->prec == OUTPUT_TIME ? ' ' : '\0');
		if (p->prec == OUTPUT_TIME) {
			output_num(buf, len, n, p->hour, 2, ':');
			output_num(buf, len, n, p->minute, 2, '\0');
		}
		break;
	case OUTPUT_RAW:
		output_puts(buf, len, n, p->raw);
		break;
	}
}

static int output_same_day(const struct output_point *a, const struct output_point *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day;
}

static void output_range(const struct output_point *a, const struct output_point *b, char *buf,
			 size_t len, size_t *n)
{
	if (a->prec == OUTPUT_TIME && b->prec == OUTPUT_TIME && output_same_day(a, b)) {
		output_full(a, buf, len, n);
		output_puts(buf, len, n, "–");
		output_num(buf, len, n, b->hour, 2, ':');
		output_num(buf, len, n, b->minute, 2, '\0');
	} else if (a->prec == OUTPUT_DATE && b->prec == OUTPUT_DATE && output_same_day(a, b))
		output_full(a, buf, len, n);
	else if (a->prec == OUTPUT_DATE && b->prec == OUTPUT_DATE && a->year == b->year) {
		output_num(buf, len, n, a->day, 2, '.');
		output_num(buf, len, n, a->month, 2, '\0');
		output_puts(buf, len, n, "–");
		output_full(b, buf, len, n);
	} else if (a->prec == OUTPUT_DATE && b->prec == OUTPUT_DATE) {
		output_full(a, buf, len, n);
		output_puts(buf, len, n, "–");
		output_full(b, buf, len, n);
	} else {
		output_full(a, buf, len, n);
		output_puts(buf, len, n, " – ");
		output_full(b, buf, len, n);
	}
}

char *output_when(const char *start, const char *end, const char *due, char *buf, size_t len)
{
	struct output_point a, b;
	size_t n = 0;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	if (due != NULL && *due != '\0') {
		output_point(due, &a);
		if (a.prec != OUTPUT_MONTH)
			output_puts(buf, len, &n, "до ");
		output_full(&a, buf, len, &n);
	} else if (start != NULL && *start != '\0') {
		output_point(start, &a);
		if (end != NULL && *end != '\0') {
			output_point(end, &b);
			output_range(&a, &b, buf, len, &n);
		} else
			output_full(&a, buf, len, &n);
	}
	return buf;
}

char *output_date(const char *date, char *buf, size_t len)
{
	struct output_point p;
	size_t n = 0;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	if (date != NULL) {
		output_point(date, &p);
		output_full(&p, buf, len, &n);
	}
	return buf;
}

void output_item(struct jscan *j, int item, struct output_item *out)
{
	const char *label, *start, *end, *due;

	/* Members in the order qweekd writes them, which jscan_get finds fastest. */
	out->id = jscan_get_int(j, item, "id", 0);
	label = jscan_get_string(j, item, "label");
	out->label = label != NULL && *label != '\0' ? label : NULL;
	if (out->label != NULL) {
		size_t n = 0;
		output_puts(out->ref, sizeof out->ref, &n, label);
	} else
		snprintf(out->ref, sizeof out->ref, "@%lld", out->id);
	out->title = jscan_get_string(j, item, "title");
	if (out->title == NULL)
		out->title = "";
	start = jscan_get_string(j, item, "start");
	end = jscan_get_string(j, item, "end");
	due = jscan_get_string(j, item, "due");
	out->state = jscan_get_string(j, item, "state");
	if (out->state == NULL)
		out->state = "";
	out->overdue = jscan_get_bool(j, item, "overdue");
	output_when(start, end, due, out->when, sizeof out->when);
}

const char *output_state(const struct output_item *it)
{
	/* N_: the states are message ids, said in the user's language where shown. */
	if (strcmp(it->state, N_("open")) == 0 && it->overdue)
		return N_("OVERDUE");
	return it->state;
}

const char *output_join(struct jscan *j, int arr, char **buf, size_t *cap)
{
	size_t n = 0, k;
	const char *s;

	for (int t = jscan_first(j, arr); t != -1; t = jscan_next(j, arr, t)) {
		if ((s = jscan_string(j, t)) == NULL)
			continue;
		k = strlen(s);
		if (grow(buf, cap, n + k + 3, 1) == -1)
			break;
		if (n != 0) {
			memcpy(*buf + n, ", ", 2);
			n += 2;
		}
		memcpy(*buf + n, s, k + 1);
		n += k;
	}
	return n != 0 ? *buf : "";
}

void output_kv(FILE *f, const char *key, const char *value, size_t width)
{
	size_t n = strlen(key) + 1;

	fprintf(f, "%s:", key);
	if (value == NULL || *value == '\0') {
		fputc('\n', f);
		return;
	}
	fprintf(f, "%*s", (int)(width > n ? width - n : 1), "");
	for (const char *p = value; *p != '\0'; p++) {
		fputc(*p, f);
		if (*p == '\n' && p[1] != '\0')
			fprintf(f, "%*s", (int)(width > n ? width : n + 1), "");
	}
	fputc('\n', f);
}

int output_color(void)
{
	const char *v = getenv("NO_COLOR"), *term = getenv("TERM");

	if (v != NULL && *v != '\0')
		return 0;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(STDOUT_FILENO);
}

size_t output_width(void)
{
	struct winsize ws;
	const char *v;
	long n;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if ((v = getenv("COLUMNS")) != NULL && (n = strtol(v, NULL, 10)) > 0)
		return (size_t)n;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

struct table *output_item_table(void)
{
	static const char *const header[] = { N_("REF"), N_("WHEN"), N_("TITLE"), N_("WHO"),
					      N_("STATE") };
	struct table *t = table_new(5);

	if (t == NULL)
		return NULL;
	if (table_add_row(t, header) == -1) {
		table_free(t);
		return NULL;
	}
	table_keep(t, 0);
	table_keep(t, 1);
	table_keep(t, 4);
	return t;
}

int output_item_row(struct table *t, struct jscan *j, int item, char **who, size_t *cap)
{
	struct output_item it;
	const char *cells[5];
	const char *state;

	output_item(j, item, &it);
	state = output_state(&it);
	cells[0] = it.ref;
	cells[1] = it.when;
	cells[2] = it.title;
	cells[3] = output_join(j, jscan_get(j, item, "who"), who, cap);
	cells[4] = *state != '\0' ? _(state) : state;
	if (table_add_row(t, cells) == -1)
		return -1;
	if (strcmp(state, "OVERDUE") == 0)
		table_set_color(t, 4, TABLE_RED);
	else if (strcmp(state, "done") == 0)
		table_set_color(t, 4, TABLE_GREEN);
	else if (strcmp(state, "cancelled") == 0)
		table_set_color(t, 4, TABLE_DIM);
	return 0;
}
