/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jscan.h"
#include "mem.h"
#include "utf8.h"

/* jscan: checks a JSON text in one pass into an array of tokens; strings decoded on demand. */

enum { JSCAN_MAX_DEPTH = 128 };

#define JSCAN_ESCAPED 0x1 /* a string holding backslash escapes */
#define JSCAN_DECODED 0x2 /* its text is in the string arena */

struct jscan_tok {
	uint32_t start; /* a string's content (past the quote), else the value's first byte */
	uint32_t len;	/* bytes from start: a string's content, a container's whole text */
	uint32_t next;	/* the token after this value and everything inside it */
	uint8_t type;
	uint8_t flags;
};

struct jscan {
	char *src;
	size_t len, pos;
	struct jscan_tok *toks;
	size_t ntoks, cap;
	char *str; /* with keep: decoded texts, each at its token's offset */
	int keep;  /* keep src as received: decode into str, not in place */
	char *err;
	int hint_obj;  /* the object jscan_get found a member in last, */
	uint32_t hint; /* and the member after that one */
};

static int jscan_value(struct jscan *j, int depth);

static int jscan_fail(struct jscan *j, const char *what)
{
	if (j->err == NULL && asprintf(&j->err, "%s at byte %zu", what, j->pos) == -1)
		j->err = NULL;
	return -1;
}

static int jscan_peek(const struct jscan *j)
{
	return j->pos < j->len ? (unsigned char)j->src[j->pos] : -1;
}

static void jscan_ws(struct jscan *j)
{
	while (j->pos < j->len) {
		char c = j->src[j->pos];
		if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
			break;
		j->pos++;
	}
}

static int jscan_tok(struct jscan *j, enum jscan_type type, size_t start)
{
	struct jscan_tok *t;

	if (j->ntoks == j->cap) {
		size_t n = j->cap != 0 ? j->cap * 2 : j->len / 16 + 64;
		if ((t = mem_realloc(j->toks, n * sizeof *t)) == NULL)
			return jscan_fail(j, "out of memory");
		j->toks = t;
		j->cap = n;
	}
	t = &j->toks[j->ntoks];
	t->start = (uint32_t)start;
	t->len = 0;
	t->next = (uint32_t)j->ntoks + 1;
	t->type = (uint8_t)type;
	t->flags = 0;
	return (int)j->ntoks++;
}

static int jscan_hex(const char *s, uint32_t *out)
{
	uint32_t v = 0;

	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* Checks one escape after the backslash at P; returns its length past the backslash, or -1. */
static int jscan_escape(const struct jscan *j, size_t p)
{
	uint32_t cp, lo;

	if (p + 1 >= j->len)
		return -1;
	switch (j->src[p + 1]) {
	case '"':
	case '\\':
	case '/':
	case 'b':
	case 'f':
	case 'n':
	case 'r':
	case 't':
		return 1;
	case 'u':
		if (p + 5 >= j->len || jscan_hex(j->src + p + 2, &cp) == -1 || cp == 0)
			return -1;
		if (cp < 0xd800 || cp > 0xdfff)
			return 5;
		/* UTF-16 surrogates only in pairs, high then low, as jansson insists too. */
		if (cp > 0xdbff || p + 11 >= j->len || j->src[p + 6] != '\\' ||
		    j->src[p + 7] != 'u' || jscan_hex(j->src + p + 8, &lo) == -1 || lo < 0xdc00 ||
		    lo > 0xdfff)
			return -1;
		return 11;
	}
	return -1;
}

/* Classes of the bytes in a string: one look-up for the common case of plain text. */
enum { JS_PLAIN, JS_QUOTE, JS_ESCAPE, JS_CTRL, JS_LEAD2, JS_LEAD3, JS_LEAD4, JS_BAD };

static const unsigned char jscan_class[256] = {
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* 0x00 */
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 1, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, /* 0x20: '"' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0,				/* 0x40 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, /* 0x50: '\\' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, /* 0x80: continuations */
	7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
	7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* 0xc0: C0, C1 overlong */
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5,
	5, 5, 5, 5, 5, 5, 5,				/* 0xe0 */
	6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, /* 0xf0: F5-FF invalid */
};

static int jscan_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* Bytes in the well-formed UTF-8 sequence at S (no overlongs, surrogates), or 0. */
static int jscan_utf8(const unsigned char *s)
{
	unsigned char lo = 0x80, hi = 0xbf;

	switch (jscan_class[s[0]]) {
	case JS_LEAD2:
		return jscan_cont(s[1]) ? 2 : 0;
	case JS_LEAD3:
		lo = s[0] == 0xe0 ? 0xa0 : 0x80;
		hi = s[0] == 0xed ? 0x9f : 0xbf;
		return s[1] >= lo && s[1] <= hi && jscan_cont(s[2]) ? 3 : 0;
	case JS_LEAD4:
		lo = s[0] == 0xf0 ? 0x90 : 0x80;
		hi = s[0] == 0xf4 ? 0x8f : 0xbf;
		return s[1] >= lo && s[1] <= hi && jscan_cont(s[2]) && jscan_cont(s[3]) ? 4 : 0;
	}
	return 0;
}

#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/*
 * The high bit set in the first byte of the 8 at S that is not plain ASCII in a string (a
 * quote, a backslash, a control character or a byte above 0x7f), 0 if all 8 are plain. Keys and
 * dates are most of a reply: checking them a word at a time saves most of the work.
 */
static uint64_t jscan_special8(const unsigned char *s)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t v, quote, slash, borrow;

	memcpy(&v, s, sizeof v);
	quote = v ^ (ones * '"');
	slash = v ^ (ones * '\\');
	/*
	 * A byte below 0x20, or one that the XORs made zero, borrows into its high bit. Bytes
	 * after the first such one may be wrong, but the first one is always right.
	 */
	borrow = (v - ones * 0x20) | (quote - ones) | (slash - ones);
	return ((borrow & ~v) | v) & highs;
}

/* Past the plain ASCII bytes from P on. */
static size_t jscan_plain_run(const unsigned char *s, size_t p, size_t len)
{
	uint64_t m;

	for (; p + 8 <= len; p += 8) {
		if ((m = jscan_special8(s + p)) != 0)
			return p + (size_t)(__builtin_ctzll(m) >> 3);
	}
	while (jscan_class[s[p]] == JS_PLAIN)
		p++;
	return p;
}
#else
static size_t jscan_plain_run(const unsigned char *s, size_t p, size_t len)
{
	while (jscan_class[s[p]] == JS_PLAIN)
		p++;
	return p;
}
#endif

/* A string, the pos on its quote; checks its escapes and its UTF-8 on the way. */
static int jscan_str(struct jscan *j)
{
	const unsigned char *s = (const unsigned char *)j->src;
	size_t p = j->pos + 1;
	int tok, esc = 0, n;

	for (;;) {
		p = jscan_plain_run(s, p, j->len);
		switch (jscan_class[s[p]]) {
		case JS_LEAD2:
			/* Most text that is not ASCII is Cyrillic: two bytes a letter, one word at once. */
			do {
				if (!jscan_cont(s[p + 1]))
					goto bad_utf8;
				p += 2;
			} while (jscan_class[s[p]] == JS_LEAD2);
			continue;
		case JS_QUOTE:
			break;
		case JS_ESCAPE:
			if ((n = jscan_escape(j, p)) == -1) {
				j->pos = p;
				return jscan_fail(j, "bad escape in a string");
			}
			esc = 1;
			p += (size_t)n + 1;
			continue;
		case JS_CTRL:
			j->pos = p;
			return jscan_fail(j, p >= j->len ? "unterminated string" :
							   "control character in a string");
		default:
			if ((n = jscan_utf8(s + p)) == 0)
				goto bad_utf8;
			p += (size_t)n;
			continue;
		}
		break;
	}
	if ((tok = jscan_tok(j, JSCAN_STRING, j->pos + 1)) == -1)
		return -1;
	j->toks[tok].len = (uint32_t)(p - j->pos - 1);
	j->toks[tok].flags = esc ? JSCAN_ESCAPED : 0;
	j->pos = p + 1;
	return tok;
bad_utf8:
	j->pos = p;
	return jscan_fail(j, "not valid UTF-8");
}

static size_t jscan_digits(const struct jscan *j, size_t p)
{
	while (p < j->len && j->src[p] >= '0' && j->src[p] <= '9')
		p++;
	return p;
}

static int jscan_number(struct jscan *j)
{
	size_t p = j->pos, q;
	int tok;

	if (j->src[p] == '-')
		p++;
	if (p < j->len && j->src[p] == '0')
		p++;
	else if ((q = jscan_digits(j, p)) != p)
		p = q;
	else
		return jscan_fail(j, "bad number");
	if (p < j->len && j->src[p] == '.') {
		if ((q = jscan_digits(j, p + 1)) == p + 1)
			return jscan_fail(j, "bad number");
		p = q;
	}
	if (p < j->len && (j->src[p] == 'e' || j->src[p] == 'E')) {
		p++;
		if (p < j->len && (j->src[p] == '+' || j->src[p] == '-'))
			p++;
		if ((q = jscan_digits(j, p)) == p)
			return jscan_fail(j, "bad number");
		p = q;
	}
	if ((tok = jscan_tok(j, JSCAN_NUMBER, j->pos)) == -1)
		return -1;
	j->toks[tok].len = (uint32_t)(p - j->pos);
	j->pos = p;
	return tok;
}

static int jscan_literal(struct jscan *j, const char *word, enum jscan_type type)
{
	size_t n = strlen(word);
	int tok;

	if (j->len - j->pos < n || memcmp(j->src + j->pos, word, n) != 0)
		return jscan_fail(j, "unexpected character");
	if ((tok = jscan_tok(j, type, j->pos)) == -1)
		return -1;
	j->toks[tok].len = (uint32_t)n;
	j->pos += n;
	return tok;
}

/* An object or array, the pos on its opening bracket. */
static int jscan_container(struct jscan *j, int depth)
{
	int object = j->src[j->pos] == '{', close = object ? '}' : ']', tok, c;
	size_t start = j->pos;

	if (depth >= JSCAN_MAX_DEPTH)
		return jscan_fail(j, "nested too deep");
	if ((tok = jscan_tok(j, object ? JSCAN_OBJECT : JSCAN_ARRAY, start)) == -1)
		return -1;
	j->pos++;
	jscan_ws(j);
	if (jscan_peek(j) == close)
		j->pos++;
	else {
		for (;;) {
			jscan_ws(j);
			if (object) {
				if (jscan_peek(j) != '"')
					return jscan_fail(j, "expected a member name");
				if (jscan_str(j) == -1)
					return -1;
				jscan_ws(j);
				if (jscan_peek(j) != ':')
					return jscan_fail(j, "expected ':'");
				j->pos++;
			}
			if (jscan_value(j, depth + 1) == -1)
				return -1;
			jscan_ws(j);
			if ((c = jscan_peek(j)) == ',') {
				j->pos++;
				continue;
			}
			if (c != close)
				return jscan_fail(j, object ? "expected ',' or '}'" :
							      "expected ',' or ']'");
			j->pos++;
			break;
		}
	}
	j->toks[tok].len = (uint32_t)(j->pos - start);
	j->toks[tok].next = (uint32_t)j->ntoks;
	return tok;
}

static int jscan_value(struct jscan *j, int depth)
{
	int c;

	jscan_ws(j);
	switch ((c = jscan_peek(j))) {
	case '{':
	case '[':
		return jscan_container(j, depth);
	case '"':
		return jscan_str(j);
	case 't':
		return jscan_literal(j, "true", JSCAN_TRUE);
	case 'f':
		return jscan_literal(j, "false", JSCAN_FALSE);
	case 'n':
		return jscan_literal(j, "null", JSCAN_NULL);
	case -1:
		return jscan_fail(j, "unexpected end");
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return jscan_number(j);
	return jscan_fail(j, "unexpected character");
}

struct jscan *jscan_parse(char *buf, size_t len, char **cause)
{
	struct jscan *j;

	if ((j = calloc(1, sizeof *j)) == NULL) {
		mem_free(buf);
		*cause = strdup("out of memory");
		return NULL;
	}
	j->src = buf;
	j->len = len;
	j->hint_obj = -1;
	buf[len] = '\0'; /* stops every scan at the end */
	if (len >= UINT32_MAX)
		jscan_fail(j, "too long");
	else if (jscan_value(j, 0) != -1) {
		jscan_ws(j);
		if (j->pos == j->len)
			return j;
		jscan_fail(j, "trailing data");
	}
	*cause = j->err != NULL ? j->err : strdup("out of memory");
	j->err = NULL;
	jscan_free(j);
	return NULL;
}

void jscan_free(struct jscan *j)
{
	if (j == NULL)
		return;
	mem_free(j->src);
	mem_free(j->toks);
	free(j->str);
	free(j->err);
	free(j);
}

const char *jscan_raw(const struct jscan *j, size_t *len)
{
	*len = j->len;
	return j->src;
}

static const struct jscan_tok *jscan_at(const struct jscan *j, int tok)
{
	return tok >= 0 && (size_t)tok < j->ntoks ? &j->toks[tok] : NULL;
}

enum jscan_type jscan_type(const struct jscan *j, int tok)
{
	const struct jscan_tok *t = jscan_at(j, tok);

	return t != NULL ? (enum jscan_type)t->type : JSCAN_NULL;
}

/* Decodes the escapes of the LEN bytes at S into D; returns the end of the text written. */
static char *jscan_unescape(const char *s, size_t len, char *d)
{
	const char *end = s + len;
	uint32_t cp = 0, lo = 0;

	while (s < end) {
		if (*s != '\\') {
			*d++ = *s++;
			continue;
		}
		switch (s[1]) {
		case 'b':
			*d++ = '\b';
			break;
		case 'f':
			*d++ = '\f';
			break;
		case 'n':
			*d++ = '\n';
			break;
		case 'r':
			*d++ = '\r';
			break;
		case 't':
			*d++ = '\t';
			break;
		case 'u':
			jscan_hex(s + 2, &cp);
			if (cp >= 0xd800 && cp <= 0xdbff && end - s >= 12 && s[6] == '\\' &&
			    s[7] == 'u' && jscan_hex(s + 8, &lo) == 0 && lo >= 0xdc00 &&
			    lo <= 0xdfff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				s += 6;
			} else if (cp >= 0xd800 && cp <= 0xdfff)
				cp = 0xfffd;
			d += utf8_put(d, cp);
			s += 4;
			break;
		default:
			*d++ = s[1];
			break;
		}
		s += 2;
	}
	return d;
}

void jscan_keep_raw(struct jscan *j)
{
	j->keep = 1;
}

const char *jscan_string(struct jscan *j, int tok)
{
	const struct jscan_tok *c = jscan_at(j, tok);
	struct jscan_tok *t;
	char *dst;

	if (c == NULL || c->type == JSCAN_NULL || c->type >= JSCAN_ARRAY)
		return NULL;
	t = &j->toks[tok];
	if (j->keep && j->str == NULL && (j->str = malloc(j->len + 1)) == NULL)
		return NULL;
	dst = (j->keep ? j->str : j->src) + t->start;
	if (t->flags & JSCAN_DECODED)
		return dst;
	/* In place, the text ends where its closing quote or the delimiter after it was. */
	if (t->flags & JSCAN_ESCAPED)
		*jscan_unescape(j->src + t->start, t->len, dst) = '\0';
	else {
		if (j->keep)
			memcpy(dst, j->src + t->start, t->len);
		dst[t->len] = '\0';
	}
	t->flags |= JSCAN_DECODED;
	return dst;
}

/* Whether member name K (a token number) is KEY, of KLEN bytes. */
static int jscan_name_is(struct jscan *j, uint32_t k, const char *key, size_t klen)
{
	const struct jscan_tok *t = &j->toks[k];
	const char *name;

	if (!(t->flags & JSCAN_ESCAPED))
		return t->len == klen && memcmp(j->src + t->start, key, klen) == 0;
	return (name = jscan_string(j, (int)k)) != NULL && strcmp(name, key) == 0;
}

int jscan_get(struct jscan *j, int obj, const char *key)
{
	const struct jscan_tok *o = jscan_at(j, obj);
	size_t klen = strlen(key);
	uint32_t first = (uint32_t)obj + 1, end, start, k;

	if (o == NULL || o->type != JSCAN_OBJECT || o->next == first)
		return -1;
	/*
	 * Callers read several members of one object, mostly in the order they were written: the
	 * search starts after the member found last in the same object and wraps around.
	 */
	end = o->next;
	start = j->hint_obj == obj && j->hint < end ? j->hint : first;
	k = start;
	do {
		if (jscan_name_is(j, k, key, klen)) {
			j->hint_obj = obj;
			j->hint = j->toks[k + 1].next;
			return (int)k + 1;
		}
		if ((k = j->toks[k + 1].next) >= end)
			k = first;
	} while (k != start);
	return -1;
}

int jscan_first(const struct jscan *j, int arr)
{
	const struct jscan_tok *a = jscan_at(j, arr);

	if (a == NULL || a->type != JSCAN_ARRAY || a->next == (uint32_t)arr + 1)
		return -1;
	return arr + 1;
}

int jscan_next(const struct jscan *j, int arr, int tok)
{
	const struct jscan_tok *a = jscan_at(j, arr), *t = jscan_at(j, tok);

	if (a == NULL || t == NULL || t->next >= a->next)
		return -1;
	return (int)t->next;
}

size_t jscan_size(const struct jscan *j, int tok)
{
	const struct jscan_tok *t = jscan_at(j, tok);
	size_t n = 0;

	if (t == NULL || t->type < JSCAN_ARRAY)
		return 0;
	for (uint32_t k = (uint32_t)tok + 1; k < t->next; n++) {
		if (t->type == JSCAN_OBJECT)
			k++;
		k = j->toks[k].next;
	}
	return n;
}

const char *jscan_get_string(struct jscan *j, int obj, const char *key)
{
	return jscan_string(j, jscan_get(j, obj, key));
}

long long jscan_get_int(struct jscan *j, int obj, const char *key, long long dflt)
{
	int tok = jscan_get(j, obj, key);

	if (jscan_type(j, tok) != JSCAN_NUMBER)
		return dflt;
	return strtoll(jscan_string(j, tok), NULL, 10);
}

int jscan_get_bool(struct jscan *j, int obj, const char *key)
{
	return jscan_type(j, jscan_get(j, obj, key)) == JSCAN_TRUE;
}
