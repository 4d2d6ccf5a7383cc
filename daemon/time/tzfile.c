/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/tzfile.h"

/*
 * A TZif reader (RFC 8536) that answers exactly what glibc's localtime_r answers, and nothing
 * more: glibc (tzfile.c) reads the version 2+ 64-bit block, and for transitions at[0] <= T <
 * at[last] it uses the type of the last transition at or before T. Outside that range glibc
 * does other things (the first non-DST type before at[0], the footer's POSIX rule from at[last]
 * on), so the table ends at at[last], except when the footer is a fixed offset ("<+07>-7") equal
 * to the last transition's: then no rule can change it and the table runs on. Everything else
 * (before the first transition, rules with daylight saving past the last one: 2037 and later in
 * Debian's "fat" files, leap seconds, a file this reader does not trust) is left to glibc.
 */

#define MAX_FILE (1 << 20)
#define LIMIT	 ((int64_t)1 << 40) /* about ±34,800 years: glibc's int tm_year never overflows */

struct header {
	uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* The header at P (LEN bytes left); 0, or -1 if it is not one. */
static int read_header(const unsigned char *p, size_t len, struct header *h)
{
	if (len < 44 || memcmp(p, "TZif", 4) != 0)
		return -1;
	h->isutcnt = be32(p + 20), h->isstdcnt = be32(p + 24), h->leapcnt = be32(p + 28);
	h->timecnt = be32(p + 32), h->typecnt = be32(p + 36), h->charcnt = be32(p + 40);
	if (h->typecnt == 0 || h->typecnt > 256 || h->timecnt > MAX_FILE || h->charcnt > MAX_FILE ||
	    h->leapcnt > MAX_FILE || h->isutcnt > 256 || h->isstdcnt > 256)
		return -1;
	return 0;
}

static size_t block_size(const struct header *h, size_t time_size)
{
	return (size_t)h->timecnt * (time_size + 1) + (size_t)h->typecnt * 6 + h->charcnt +
	       (size_t)h->leapcnt * (time_size + 4) + h->isstdcnt + h->isutcnt;
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads up to 3 (hours) or 2 digits at *S, within MAX. */
static int number(const char **s, const char *end, int digits, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (*s < end && is_digit(**s) && n < digits)
		*v = *v * 10 + (*(*s)++ - '0'), n++;
	return n > 0 && *v <= max ? 0 : -1;
}

/*
 * A footer that is a standard time alone ("<+07>-7", "MSK-3", "UTC0"): its UTC offset into *OFF,
 * and 0. -1 for anything else (a daylight-saving rule, or a form not recognised here).
 */
static int footer_fixed(const char *s, const char *end, long *off)
{
	const char *name = s;
	int sign = 1, h, m = 0, sec = 0;

	if (s < end && *s == '<') {
		while (++s < end && *s != '>')
			if (!is_alpha(*s) && !is_digit(*s) && *s != '+' && *s != '-')
				return -1;
		if (s == end || s - name - 1 < 3)
			return -1;
		s++;
	} else {
		while (s < end && is_alpha(*s))
			s++;
		if (s - name < 3)
			return -1;
	}
	if (s < end && (*s == '+' || *s == '-'))
		sign = *s++ == '-' ? -1 : 1;
	if (number(&s, end, 3, 24, &h) < 0)
		return -1;
	if (s < end && *s == ':' && (s++, number(&s, end, 2, 59, &m) < 0))
		return -1;
	if (s < end && *s == ':' && (s++, number(&s, end, 2, 59, &sec) < 0))
		return -1;
	if (s != end)
		return -1;
	*off = -sign * (h * 3600L + m * 60L + sec); /* POSIX counts west of Greenwich */
	return 0;
}

static int64_t clip(int64_t t)
{
	return t < -LIMIT ? -LIMIT : t > LIMIT ? LIMIT : t;
}

/* Builds Z from the 64-bit block at P (header H) and the footer [FOOT, END). */
static int build(const unsigned char *p, const struct header *h, const char *foot, const char *end,
		 struct tzfile *z)
{
	const unsigned char *idx = p + (size_t)h->timecnt * 8, *types = idx + h->timecnt;
	size_t k, n = 0;
	long fixed;
	int32_t last;

	memset(z, 0, sizeof *z);
	for (k = 0; k < h->timecnt; k++)
		if (idx[k] >= h->typecnt || (k > 0 && be64(p + 8 * k) <= be64(p + 8 * (k - 1))))
			return -1;
	if (h->timecnt == 0 && h->typecnt != 1)
		return -1;
	z->at = malloc(sizeof *z->at * (h->timecnt + 1));
	z->offset = malloc(sizeof *z->offset * (h->timecnt + 1));
	if (z->at == NULL || z->offset == NULL)
		return -1;
	for (k = 0; k < h->timecnt; k++) {
		int32_t off = (int32_t)be32(types + 6 * idx[k]);

		if (n == 0 || off != z->offset[n - 1])
			z->at[n] = be64(p + 8 * k), z->offset[n++] = off;
	}
	if (h->timecnt == 0) /* one type, in force everywhere if the footer agrees */
		z->at[n] = -LIMIT, z->offset[n++] = (int32_t)be32(types);
	last = z->offset[n - 1];
	z->n = n;
	z->from = clip(z->at[0]);
	z->until = clip(h->timecnt > 0 ? be64(p + 8 * (h->timecnt - 1)) : -LIMIT);
	if (footer_fixed(foot, end, &fixed) == 0 && fixed == last)
		z->until = LIMIT;
	return 0;
}

/* The footer between the newlines after the 64-bit block: [*FOOT, *END); empty if none. */
static void footer(const unsigned char *p, size_t len, const char **foot, const char **end)
{
	const char *s = (const char *)p, *nl;

	*foot = *end = s;
	if (len < 2 || s[0] != '\n' || (nl = memchr(s + 1, '\n', len - 1)) == NULL)
		return;
	*foot = s + 1, *end = nl;
}

/* The whole file at PATH, malloc'd, and its length into *LEN; NULL if unreadable or too big. */
static unsigned char *read_all(const char *path, size_t *len)
{
	unsigned char *buf = NULL;
	FILE *f = fopen(path, "rb");
	long size;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && size < MAX_FILE &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size)) != NULL &&
	    fread(buf, 1, (size_t)size, f) != (size_t)size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = buf != NULL ? (size_t)size : 0;
	return buf;
}

int tzfile_load(const char *path, struct tzfile *z)
{
	struct header h;
	const char *foot, *end;
	size_t len, v1, v2;
	unsigned char *buf = read_all(path, &len);
	int r = -1;

	memset(z, 0, sizeof *z);
	if (buf == NULL)
		return -1;
	if (read_header(buf, len, &h) == 0 && buf[4] >= '2' &&
	    (v1 = 44 + block_size(&h, 4)) < len && read_header(buf + v1, len - v1, &h) == 0 &&
	    h.leapcnt == 0 && (v2 = v1 + 44 + block_size(&h, 8)) <= len) {
		footer(buf + v2, len - v2, &foot, &end);
		r = build(buf + v1 + 44, &h, foot, end, z);
	}
	free(buf);
	if (r < 0)
		tzfile_free(z);
	return r;
}

int tzfile_offset(struct tzfile *z, int64_t t, long *off)
{
	size_t k = z->hint, lo, hi;

	if (t < z->from || t >= z->until)
		return -1;
	if (t < z->at[k] || (k + 1 < z->n && t >= z->at[k + 1])) {
		lo = 0, hi = z->n; /* the last transition at or before T: at[0] <= from <= T */
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;

			if (z->at[mid] <= t)
				lo = mid;
			else
				hi = mid;
		}
		z->hint = k = lo;
	}
	*off = z->offset[k];
	return 0;
}

void tzfile_free(struct tzfile *z)
{
	free(z->at);
	free(z->offset);
	memset(z, 0, sizeof *z);
}
