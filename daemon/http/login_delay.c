/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/conn_addr.h"
#include "http/login_delay.h"

/*
 * A small open table: a guesser from many addresses fills it, and then the quietest entry
 * makes room, so memory stays bounded whatever comes. Found by a linear look over LOGIN_SLOTS
 * entries, which is nothing next to a failed login's delay.
 */
#define LOGIN_SLOTS 512
#define FIRST_MS    250
#define MOST_MS	    8000

struct slot {
	char client[CONN_ADDR_LEN];
	int fails;
	int64_t last_us;
};

struct login_delay {
	struct slot s[LOGIN_SLOTS];
};

struct login_delay *login_delay_new(void)
{
	return calloc(1, sizeof(struct login_delay));
}

void login_delay_free(struct login_delay *t)
{
	free(t);
}

static struct slot *find(struct login_delay *t, const char *client)
{
	for (int i = 0; t != NULL && i < LOGIN_SLOTS; i++)
		if (t->s[i].fails > 0 && strcmp(t->s[i].client, client) == 0)
			return &t->s[i];
	return NULL;
}

/* An empty slot, else the one that failed longest ago. */
static struct slot *room(struct login_delay *t)
{
	struct slot *best = &t->s[0];

	for (int i = 0; i < LOGIN_SLOTS; i++) {
		if (t->s[i].fails == 0)
			return &t->s[i];
		if (t->s[i].last_us < best->last_us)
			best = &t->s[i];
	}
	return best;
}

int login_delay_fail(struct login_delay *t, const char *client, int64_t now_us)
{
	struct slot *s = find(t, client);
	int ms = FIRST_MS;

	if (t == NULL)
		return MOST_MS;
	if (s != NULL && now_us - s->last_us > LOGIN_DELAY_FORGET_US)
		s->fails = 0;
	if (s == NULL) {
		s = room(t);
		snprintf(s->client, sizeof s->client, "%s", client);
		s->fails = 0;
	}
	s->fails++;
	s->last_us = now_us;
	for (int i = 1; i < s->fails && ms < MOST_MS; i++)
		ms *= 2;
	return ms < MOST_MS ? ms : MOST_MS;
}

void login_delay_ok(struct login_delay *t, const char *client)
{
	struct slot *s = find(t, client);

	if (s != NULL)
		s->fails = 0;
}
