/* SPDX-License-Identifier: MIT */
/*
 * The invitation (`qweek invite`): a person's welcome to the week, in the plan's language: what
 * the week is, their items, their page link and how to subscribe their calendar.
 */
#ifndef QWEEK_REMIND_INVITE_H
#define QWEEK_REMIND_INVITE_H

#include <stdint.h>

#include "core/error.h"
#include "remind/remind_text.h"
#include "store/db.h"
#include "store/store.h"

#define REMIND_INVITE_RULE "invite"

struct remind_invite_in {
	const struct plan *plan;
	int64_t person_id;
	const char *person;   /* their name */
	const char *page_url; /* /me/<secret> */
	const char *feed_url; /* https://.../feeds/<secret>.ics; NULL: none to give */
};

/* The invitation for IN into OUT (subject, plain text and HTML); 0 or -1 with ERR. */
int remind_invite_text(struct db *db, const struct remind_invite_in *in, struct remind_msg *out,
		       struct error *err);

#endif
