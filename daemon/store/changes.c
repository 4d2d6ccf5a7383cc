/* SPDX-License-Identifier: MIT */
#include <stddef.h>

#include "store/changes.h"
#include "core/log.h"

/* A fixed list of observers: the daemon has a handful of modules, never more. */

#define CHANGES_MAX 8

static struct {
	changes_fn fn;
	void *ctx;
} subscribers[CHANGES_MAX];
static size_t nsubscribers;

void changes_subscribe(changes_fn fn, void *ctx)
{
	if (nsubscribers == CHANGES_MAX)
		fatal("too many change subscribers");
	subscribers[nsubscribers].fn = fn;
	subscribers[nsubscribers++].ctx = ctx;
}

void changes_notify(int64_t plan_id)
{
	for (size_t i = 0; i < nsubscribers; i++)
		subscribers[i].fn(plan_id, subscribers[i].ctx);
}
