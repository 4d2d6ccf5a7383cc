/* SPDX-License-Identifier: MIT */
/* A plan's zone for its feeds: the VTIMEZONE text, and the same offsets for local times. */
#ifndef QWEEK_FEED_VTIMEZONE_H
#define QWEEK_FEED_VTIMEZONE_H

#include <stddef.h>
#include <stdint.h>

#include "time/civil.h"

struct feed_zone;

/*
 * The zone NAME (an IANA name the daemon knows) over the local years FIRST..LAST: its offsets,
 * and a VTIMEZONE (TZID = NAME) with only the observances a client needs for those years.
 * Zones are built once and kept until feed_zone_cache_free; the caller does not free them.
 * NULL for an unknown zone.
 */
const struct feed_zone *feed_zone_get(const char *name, int first, int last);
void feed_zone_cache_free(void);

/* "BEGIN:VTIMEZONE\r\n...END:VTIMEZONE\r\n", and its length. */
const char *feed_zone_text(const struct feed_zone *z, size_t *len);

/* Local wall time of instant T in the zone. */
void feed_zone_wall(const struct feed_zone *z, int64_t t, struct civil_time *w);

/* True if the local wall time of instant T occurs twice (the hour repeated when DST ends). */
int feed_zone_ambiguous(const struct feed_zone *z, int64_t t);

/* The instant of a local wall time (one that occurs twice: the first; a skipped one: read with
 * the offset before the change, as RFC 5545 says). */
int64_t feed_zone_instant(const struct feed_zone *z, int y, int mo, int d, int h, int mi, int s);

#endif
