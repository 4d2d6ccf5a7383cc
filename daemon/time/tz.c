/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libical/ical.h>

#include "time/civil.h"
#include "time/tz.h"
#include "time/tzfile.h"

/*
 * Time zones. A name is good if libical knows it (the feeds' VTIMEZONEs come from libical; on
 * Debian it reads /usr/share/zoneinfo) and glibc has its tzfile. The arithmetic is glibc's, not
 * libical's: compared hour by hour with glibc over 2000-2070, libical 3.0.16's own expansion of
 * the zone rules is wrong for 19 of the zones in zone1970.tab (America/Sao_Paulo from 2014,
 * Asia/Jerusalem from 2013, Asia/Tehran, Pacific/Fiji, ...), and icaltime_as_timet_with_zone
 * takes an ambiguous wall time at its second occurrence and a skipped one with the offset after
 * the change. glibc reads the tzfile and its POSIX rule exactly, but only for the zone in TZ, so
 * a conversion sets TZ (when it names another zone), calls tzset and localtime_r: fine in
 * qweekd, which has one thread and reads no other local time.
 *
 * Wall time to UTC: a wall time that occurs twice (the hour after 04:00 EEST on 25.10.2026 in
 * Kyiv) is taken at its first occurrence (03:30 -> 00:30Z, still EEST). One that a change skips
 * (03:00-04:00 on 29.03.2026 in Kyiv) is read with the offset in force before the change, as
 * RFC 5545 does: 03:30 -> 01:30Z, which is 04:30 EEST, as far past the change as it was past
 * the start of the gap.
 *
 * Speed: a localtime_r costs about a thousand instructions, and listing a plan asks five per
 * item. So each zone's offsets are also read from its TZif file (tzfile.c) and kept: an instant
 * inside the range that file pins down exactly (in Debian's files, from the zone's first
 * transition to its last one in 2037, or for ever when the zone no longer changes) takes its
 * offset from there, and glibc is asked only outside that range. The answers are glibc's own
 * (tests/unit/test_tz.c compares them around every transition of every zone); only a tzdata
 * upgrade while qweekd runs is not seen until it restarts (glibc would see it at its next
 * switch of zone).
 */

#define NAME_MAX_LEN 64
#define ZONEINFO     "/usr/share/zoneinfo"

/* Zones renamed in tzdata: either spelling works, whichever this machine's files know. */
static const char *const aliases[][2] = {
	{ "Europe/Kyiv", "Europe/Kiev" },      { "Asia/Kolkata", "Asia/Calcutta" },
	{ "Asia/Ho_Chi_Minh", "Asia/Saigon" }, { "Asia/Yangon", "Asia/Rangoon" },
	{ "America/Nuuk", "America/Godthab" }, { "Pacific/Kanton", "Pacific/Enderbury" },
};

/* The TZ the daemon started with (before zone_enter changed it), for tz_system_default. */
static char started_tz[4096];
static int started_tz_saved;

static char last_good[NAME_MAX_LEN + 1]; /* the last name found good, and its file */
static char last_file[NAME_MAX_LEN + 1];

/* The offset tables of the zones used lately, the oldest replaced first. */
#define TABLES 16
static struct table {
	char file[NAME_MAX_LEN + 1];
	int ok; /* 0 if the file could not be read: glibc answers every time */
	struct tzfile z;
} tables[TABLES];
static size_t tables_next;
static struct table *current;

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* An IANA name: "Area/Place_Name", "Etc/GMT+3", "UTC"; no paths, dots, or lower-case files. */
static int name_ok(const char *name)
{
	size_t len = strlen(name), i;

	if (len == 0 || len > NAME_MAX_LEN || name[0] < 'A' || name[0] > 'Z')
		return 0;
	for (i = 0; i < len; i++) {
		char c = name[i];

		if (c == '/' && !is_alpha(name[i + 1]))
			return 0;
		if (!is_alpha(c) && !(c >= '0' && c <= '9') && !strchr("/_-+", c))
			return 0;
	}
	return 1;
}

/* The path of NAME's tzfile, under TZDIR as glibc looks; 0 or -1. */
static int tzfile_path(const char *name, char *path, size_t size)
{
	const char *dir = getenv("TZDIR");

	if (dir == NULL || *dir == '\0')
		dir = ZONEINFO;
	return (size_t)snprintf(path, size, "%s/%s", dir, name) < size ? 0 : -1;
}

/* Does glibc have a tzfile for NAME? */
static int has_tzfile(const char *name)
{
	char path[4096], magic[4];
	FILE *f;
	int ok;

	if (tzfile_path(name, path, sizeof path) < 0 || (f = fopen(path, "rb")) == NULL)
		return 0;
	ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

static const char *alias_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (strcmp(name, aliases[i][0]) == 0)
			return aliases[i][1];
		if (strcmp(name, aliases[i][1]) == 0)
			return aliases[i][0];
	}
	return NULL;
}

static int ical_knows(const char *name)
{
	return icaltimezone_get_builtin_timezone(name) != NULL;
}

/* The spelling of NAME (or of its alias) that glibc can read; NULL if NAME is no good zone. */
static const char *zone_file(const char *name)
{
	const char *alias, *file = NULL;

	if (name != NULL && strcmp(name, last_good) == 0)
		return last_file;
	if (name == NULL || !name_ok(name))
		return NULL;
	alias = alias_of(name);
	if (strcmp(name, "UTC") == 0 || has_tzfile(name))
		file = name;
	else if (alias != NULL && has_tzfile(alias))
		file = alias;
	if (file == NULL || !(ical_knows(name) || (alias != NULL && ical_knows(alias))))
		return NULL;
	strcpy(last_good, name);
	strcpy(last_file, file);
	return last_file;
}

int tz_valid(const char *name)
{
	return zone_file(name) != NULL;
}

/*
 * Makes FILE glibc's zone. TZ is left set until another zone is needed: tzset() re-reads a
 * tzfile only when TZ changes, so a run of conversions in one plan's zone costs one read, not
 * one per call. Nothing else in qweekd reads local time; the TZ it started with is kept first.
 */
static int zone_enter(const char *file)
{
	static char entered[NAME_MAX_LEN + 2] = "";
	char spec[NAME_MAX_LEN + 2];

	if (entered[0] == ':' && strcmp(entered + 1, file) == 0)
		return 0;
	snprintf(spec, sizeof spec, ":%s", file);
	if (!started_tz_saved) {
		const char *tz = getenv("TZ");
		snprintf(started_tz, sizeof started_tz, "%s", tz != NULL ? tz : "");
		started_tz_saved = 1;
	}
	if (setenv("TZ", spec, 1) != 0)
		return -1;
	tzset();
	strcpy(entered, spec);
	return 0;
}

/* FILE's offset table, read at its first use. */
static struct table *table_of(const char *file)
{
	char path[4096];
	struct table *tb;
	size_t i;

	if (current != NULL && strcmp(current->file, file) == 0)
		return current;
	for (i = 0; i < TABLES; i++)
		if (strcmp(tables[i].file, file) == 0)
			return current = &tables[i];
	tb = &tables[tables_next++ % TABLES];
	tzfile_free(&tb->z);
	strcpy(tb->file, file);
	tb->ok = tzfile_path(file, path, sizeof path) == 0 && tzfile_load(path, &tb->z) == 0;
	return current = tb;
}

/* The UTC offset in force at T in the zone of table TB: from the table, else from glibc. */
static int offset_at(struct table *tb, int64_t t, long *off)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (tb->ok && tzfile_offset(&tb->z, t, off) == 0)
		return 0;
	if (zone_enter(tb->file) < 0 || localtime_r(&tt, &tm) == NULL)
		return -1;
	*off = tm.tm_gmtoff;
	return 0;
}

/*
 * The instants of WALL (a wall time counted like UTC seconds) in the zone of table TB: *FIRST and
 * *SECOND, equal unless the wall time occurs twice. Returns 1 if twice, 0 if once, -1 on error.
 */
static int wall_to_utc(struct table *tb, int64_t wall, int64_t *first_t, int64_t *second_t)
{
	long before, after, o;
	int first, second;

	/* Real zones change offset at most once in two days: these are the two offsets near. */
	if (offset_at(tb, wall - 86400, &before) < 0 || offset_at(tb, wall + 86400, &after) < 0)
		return -1;
	first = offset_at(tb, wall - before, &o) == 0 && o == before;
	second = offset_at(tb, wall - after, &o) == 0 && o == after;
	if (first && second && before != after) {
		*first_t = wall - (before > after ? before : after);
		*second_t = wall - (before > after ? after : before);
		return 1;
	}
	if (second && !first)
		*first_t = *second_t = wall - after;
	else
		*first_t = *second_t = wall - before; /* in a gap: the offset before the change */
	return 0;
}

int tz_twice(const char *name, int year, int month, int day, int hour, int minute, int second,
	     int64_t *summer, int64_t *winter)
{
	const char *file = zone_file(name);

	if (file == NULL || year < -1000000 || year > 1000000)
		return -1;
	/* A month may be outside 1-12. */
	return wall_to_utc(table_of(file), civil_secs(year, month, day, hour, minute, second),
			   summer, winter);
}

int tz_to_utc_fold(const char *name, int year, int month, int day, int hour, int minute, int second,
		   int winter, int64_t *out)
{
	int64_t a, b;

	if (tz_twice(name, year, month, day, hour, minute, second, &a, &b) < 0)
		return -1;
	*out = winter ? b : a;
	return 0;
}

int tz_to_utc(const char *name, int year, int month, int day, int hour, int minute, int second,
	      int64_t *out)
{
	return tz_to_utc_fold(name, year, month, day, hour, minute, second, 0, out);
}

int tz_from_utc(const char *name, int64_t t, struct tz_local *out)
{
	const char *file = zone_file(name);
	struct table *tb;
	time_t tt = (time_t)t;
	struct civil_time c;
	struct tm tm;
	long off;

	if (file == NULL)
		return -1;
	tb = table_of(file);
	if (tb->ok && tzfile_offset(&tb->z, t, &off) == 0) {
		civil_from_secs(t + off, &c); /* the local time, counted like UTC seconds */
		*out = (struct tz_local){ c.year,   c.month,  c.day,  c.hour,
					  c.minute, c.second, c.wday, (int)off };
		return 0;
	}
	if (zone_enter(file) < 0 || localtime_r(&tt, &tm) == NULL)
		return -1;
	out->year = tm.tm_year + 1900, out->month = tm.tm_mon + 1, out->day = tm.tm_mday;
	out->hour = tm.tm_hour, out->minute = tm.tm_min, out->second = tm.tm_sec;
	out->wday = tm.tm_wday;
	out->offset_sec = (int)tm.tm_gmtoff;
	return 0;
}

/* The zone name in a path to a tzfile ("/usr/share/zoneinfo/Europe/Kyiv"), into BUF. */
static const char *name_in_path(const char *path, char *buf, size_t size)
{
	const char *s = strstr(path, "zoneinfo/");

	if (s == NULL)
		return NULL;
	s += strlen("zoneinfo/");
	if (strncmp(s, "posix/", 6) == 0 || strncmp(s, "right/", 6) == 0)
		s += 6;
	if (!tz_valid(s) || strlen(s) >= size)
		return NULL;
	return strcpy(buf, s);
}

/* A name from TZ: "Asia/Krasnoyarsk", ":Asia/Krasnoyarsk" or a path to a tzfile. */
static const char *from_tz_env(char *buf, size_t size)
{
	const char *tz = started_tz_saved ? started_tz : getenv("TZ");

	if (tz == NULL || *tz == '\0')
		return NULL;
	if (*tz == ':')
		tz++;
	if (*tz == '/')
		return name_in_path(tz, buf, size);
	if (!tz_valid(tz) || strlen(tz) >= size)
		return NULL;
	return strcpy(buf, tz);
}

static const char *from_etc(char *buf, size_t size)
{
	char link[4096];
	ssize_t n;
	FILE *f;

	if ((n = readlink("/etc/localtime", link, sizeof link - 1)) > 0) {
		link[n] = '\0';
		if (name_in_path(link, buf, size) != NULL)
			return buf;
	}
	if ((f = fopen("/etc/timezone", "r")) == NULL) /* Debian's own record */
		return NULL;
	if (fgets(link, sizeof link, f) == NULL)
		link[0] = '\0';
	fclose(f);
	link[strcspn(link, " \t\r\n")] = '\0';
	if (!tz_valid(link) || strlen(link) >= size)
		return NULL;
	return strcpy(buf, link);
}

const char *tz_system_default(void)
{
	static char name[NAME_MAX_LEN + 1];

	if (from_tz_env(name, sizeof name) != NULL || from_etc(name, sizeof name) != NULL)
		return name;
	return "UTC";
}

void tz_shutdown(void)
{
	size_t i;

	icaltimezone_free_builtin_timezones();
	last_good[0] = last_file[0] = '\0';
	for (i = 0; i < TABLES; i++) {
		tzfile_free(&tables[i].z);
		tables[i].file[0] = '\0';
	}
	current = NULL;
}
