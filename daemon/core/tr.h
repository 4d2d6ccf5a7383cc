/* SPDX-License-Identifier: MIT */
/*
 * The daemon's messages in the language a request asks for (GNU gettext). The process keeps the
 * C locale: each lookup takes the C.UTF-8 locale for itself alone (uselocale), so that one reply
 * in Russian changes nothing for the next request or thread, and looks the message up in the
 * language's own domain ("qweek-ru", "qweek-uk": po/ru.po, po/uk.po under another name). So the
 * server needs no locale generated for Russian or Ukrainian: C.UTF-8 is part of libc.
 */
#ifndef QWEEK_TR_H
#define QWEEK_TR_H

#include "core/i18n.h"

/*
 * Binds the catalogues ($QWEEK_LOCALEDIR, else share/qweek/locale) and makes the locale the
 * lookups use. Without C.UTF-8 every reply is in English, and a warning says so.
 */
void tr_init(void);

/* MSGID in LANG, or MSGID itself (English; no catalogue or no translation). A static string. */
const char *tr(enum i18n_lang lang, const char *msgid);

/*
 * The language of the request being answered (the loop answers one at a time): http/ sets it,
 * and back to English when the reply is sent. tr_req translates into it the messages built
 * before a struct error is (the WHEN parser's causes, import refusals, warnings).
 */
void tr_use(enum i18n_lang lang);

/* The language of the plan of the request being answered (Russian when it has none). */
void tr_use_plan(const char *lang);
enum i18n_lang tr_plan_lang(void);
enum i18n_lang tr_current(void);
const char *tr_req(const char *msgid);

/*
 * The language an Accept-Language header ("uk-UA,uk;q=0.9,en;q=0.8") prefers among ours, or
 * -1 when it names none of them (or is NULL): then the plan's language applies.
 */
int tr_accept(const char *header);

#endif
