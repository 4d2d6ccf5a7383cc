/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "api/api_survey.h"
#include "core/clock.h"

/*
 * How often one address may send the form: one response every SURVEY_RATE_SEC on average,
 * with bursts of SURVEY_RATE_BURST (a lobby tablet, a class filling it in together), counted
 * as a generic cell rate (one instant per address: when its bucket is empty again). Nothing
 * is written to disk, and an address is forgotten once its bucket is full again: after the
 * rate window no address is kept. Loopback is no exception; the administrator's Unix socket
 * is (it carries no address and is the administrator's own).
 */

#define SURVEY_RATE_SLOTS 4096
#define SURVEY_RATE_PROBE 16

struct survey_rate_slot {
	char addr[48];
	int64_t tat; /* microseconds: when this address's bucket is empty again */
};

static struct survey_rate_slot slots[SURVEY_RATE_SLOTS];

static uint32_t survey_rate_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

int api_survey_rate_ok(const char *addr)
{
	const int64_t step = (int64_t)SURVEY_RATE_SEC * 1000000;
	const int64_t now = clock_mono_us(), slack = (SURVEY_RATE_BURST - 1) * step;
	uint32_t h = survey_rate_hash(addr);
	struct survey_rate_slot *s, *free_slot = NULL;

	for (int i = 0; i < SURVEY_RATE_PROBE; i++) {
		s = &slots[(h + (uint32_t)i) % SURVEY_RATE_SLOTS];
		if (s->addr[0] != '\0' && s->tat <= now)
			s->addr[0] = '\0'; /* its window is over: forgotten */
		if (s->addr[0] == '\0') {
			if (free_slot == NULL)
				free_slot = s;
			continue;
		}
		if (strcmp(s->addr, addr) != 0)
			continue;
		if (s->tat - now > slack)
			return 0;
		s->tat += step;
		return 1;
	}
	if (free_slot == NULL)
		return 0; /* a flood of addresses: refused until their windows pass */
	snprintf(free_slot->addr, sizeof free_slot->addr, "%s", addr);
	free_slot->tat = now + step;
	return 1;
}
