/* SPDX-License-Identifier: MIT */
/* Rendering a plan's calendar (or a person's part of it) as iCalendar text (RFC 5545). */
#ifndef QWEEK_FEED_RENDER_H
#define QWEEK_FEED_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "core/error.h"
#include "feed/export_when.h"
#include "core/feed_fold.h"
#include "feed/feed_rules.h"
#include "feed/feed_vtimezone.h"
#include "store/store.h"

/*
 * How deadlines appear: as a VTODO and an all-day VEVENT (most clients show no VTODO); EVERY:
 * every item as a VTODO alone (the CalDAV tasks, feed_dav.h).
 */
enum feed_todo { FEED_TODO_BOTH, FEED_TODO_ONLY, FEED_TODO_NONE, FEED_TODO_EVERY };

/* Which calendar: a plan, or (PERSON_ID != 0) the items of a person or group and its groups. */
struct feed_spec {
	int64_t plan_id, person_id;
	enum feed_todo todo;
	int alarms;
};

#define FEED_CANCELLED_KEEP (30 * 86400) /* a cancelled item stays this long after */

/* A rendered calendar; ICS (LEN bytes and a NUL) is malloc'd and owned by the caller. */
struct feed_text {
	char *ics;
	size_t len;
	int64_t modified; /* the latest change that it shows (for Last-Modified) */
	int64_t expires;  /* when it must be rendered again though nothing changed (or 0) */
	int nevents, ntodos;
};

/*
 * Renders S from the database at time NOW, with UIDs "qweek-item-ID@HOST" and (S->alarms)
 * VALARMs after the plan's reminder rules and the items' own (feed_rules.h); SIZE_HINT is the
 * length it had before (0 if unknown). Returns 0, or -1 with ERR (an unknown plan or person is
 * ERR_NOT_FOUND).
 */
int feed_render(struct db *db, const struct feed_spec *s, const char *host, int64_t now,
		size_t size_hint, struct feed_text *out, struct error *err);

/*
 * The local years plan P's calendar needs its zone for (its days, and every instant its items
 * name, a day either side), and the latest `updated` of its items. 0, or -1 with ERR.
 */
int feed_render_years(struct db *db, const struct plan *p, int *first, int *last, int64_t *updated,
		      struct error *err);

/* Words of the plan's language that the feed shows. */
struct feed_words {
	const char *due;       /* "Срок: " */
	const char *who;       /* "Ответственные: " */
	const char *label;     /* "Пункт плана: " */
	const char *done;      /* "Выполнено: " */
	const char *cancelled; /* "Отменено: " */
	const char *note;      /* "Примечание: " */
	const char *reminder;  /* "Напоминание": an alarm's text */
};

const struct feed_words *feed_words_for(const char *lang);

/* What writing the items needs, and what it finds out. */
struct feed_ctx {
	struct feed_buf *b;
	const struct plan *plan;
	const struct feed_zone *zone;
	const struct feed_words *words;
	const struct feed_rules *rules; /* the VALARMs' rules (NULL: no VALARMs) */
	const struct export_when *when; /* how the plan's WHENs read back (X-QWEEK-WHEN) */
	const char *host;
	enum feed_todo todo;
	int alarms;
	int64_t now;
	int64_t expires;     /* out: the earliest future moment a cancelled item leaves */
	int64_t modified;    /* out: the latest moment an item left the feed */
	int nevents, ntodos; /* out */
};

/* Writes the VEVENT(s) and VTODO of item IT (nothing for an item gone from the feed). */
void feed_item_write(struct feed_ctx *c, const struct item *it);

#endif
