/* SPDX-License-Identifier: MIT */
/* A zone's UTC offsets read from its TZif file (RFC 8536), for tz.c's fast path. */
#ifndef QWEEK_TZFILE_H
#define QWEEK_TZFILE_H

#include <stddef.h>
#include <stdint.h>

/*
 * The offsets of one zone over [from, until): offset[k] is in force from at[k] until at[k + 1]
 * (the last until UNTIL). Outside that range the table knows nothing and the caller asks glibc.
 * Transitions that change only the DST flag or the abbreviation are merged: only offsets count.
 */
struct tzfile {
	int64_t *at;
	int32_t *offset;
	size_t n;
	int64_t from, until;
	size_t hint; /* the interval of the last lookup: runs of conversions stay in one */
};

/* Reads the TZif file at PATH into Z. Returns 0, or -1 (no file, not TZif v2+, leap seconds). */
int tzfile_load(const char *path, struct tzfile *z);

/* The UTC offset at T into *OFF: 0, or -1 if T is outside the table's range. */
int tzfile_offset(struct tzfile *z, int64_t t, long *off);

void tzfile_free(struct tzfile *z);

#endif
