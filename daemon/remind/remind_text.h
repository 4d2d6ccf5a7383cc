/* SPDX-License-Identifier: MIT */
/* What a reminder says, in the plan's language (ru, uk, en): a subject, a plain-text body and,
 * when there is a page to act on, an HTML part with a button to it. */
#ifndef QWEEK_REMIND_TEXT_H
#define QWEEK_REMIND_TEXT_H

#include <stddef.h>

#include "remind/remind_int.h"

enum remind_msg_kind {
	REMIND_MSG_EVENT,    /* an event or span is coming */
	REMIND_MSG_DEADLINE, /* a deadline is coming */
	REMIND_MSG_OVERDUE,  /* to the people of an overdue item */
	REMIND_MSG_COPY,     /* the director's copy of that */
	REMIND_MSG_TEST,     /* qweek remind test */
	REMIND_MSG_DIGEST,   /* the morning digest (remind_digest.h writes it) */
};

struct remind_msg_in {
	enum remind_msg_kind kind;
	const struct plan *plan;
	const struct remind_item *item; /* NULL for a test */
	const char *ref;		/* how to name the item in a command: "7.2", "@12" */
	const char *person;		/* the recipient's name */
	const char *done_command;	/* "qweek done 7.2" */
	const char *feed_url;		/* NULL: not said */
	const char *page_url;		/* the person's page (/me/<secret>); NULL: not given */
};

/* A message; strings malloc'd, lines of the body end in "\n". HTML: the same message as an
 * HTML part (remind_html.h), or NULL. */
struct remind_msg {
	char *subject, *body, *html;
};

/* Writes the message for IN into OUT; 0, or -1 if out of memory. */
int remind_text_build(const struct remind_msg_in *in, struct remind_msg *out);
void remind_msg_free(struct remind_msg *m);

/* The kind of message a reminder by RULE of IT is (COPY: the director's copy). */
enum remind_msg_kind remind_text_kind(const struct remind_item *it, const char *rule, int copy);

/* When IT is, in zone TZ, as people there write it: "14.11.2017 15:00", "08.11.2017 –
 * 15.11.2017", "24.11.2017" (for a deadline: its due moment). */
void remind_text_when(const struct remind_item *it, const char *tz, char *buf, size_t len);

/* "qweek done REF" (with "--plan SLUG" when the daemon has several plans) into BUF. */
void remind_text_done_command(const char *ref, const char *slug, int several_plans, char *buf,
			      size_t len);

#endif
