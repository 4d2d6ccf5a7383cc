/* SPDX-License-Identifier: MIT */
/* Failed logins per client address, to slow down guessing, never to lock anyone out. */
#ifndef QWEEK_LOGIN_DELAY_H
#define QWEEK_LOGIN_DELAY_H

#include <stdint.h>

struct login_delay;

struct login_delay *login_delay_new(void);
void login_delay_free(struct login_delay *t);

/*
 * Counts a failed login of CLIENT at NOW_US (the monotonic clock) and returns how many
 * milliseconds its reply is held back: 250 after the first, doubling up to 8000. The count is
 * forgotten after LOGIN_DELAY_FORGET_US without a failure. The table has a fixed size: when
 * it is full the quietest client is forgotten first.
 */
int login_delay_fail(struct login_delay *t, const char *client, int64_t now_us);

/* CLIENT logged in: its failures are forgotten. */
void login_delay_ok(struct login_delay *t, const char *client);

#define LOGIN_DELAY_FORGET_US (15LL * 60 * 1000000)

#endif
