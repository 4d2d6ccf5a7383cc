/* SPDX-License-Identifier: MIT */
/* Plan slugs: short Latin names for URLs, made from titles in any script we meet. */
#ifndef QWEEK_SLUG_H
#define QWEEK_SLUG_H

#include <stddef.h>

/* "Неделя качества 2017" → "nedelya-kachestva-2017" into BUF (at most LEN-1 bytes, ≤ 48). */
void slug_from_title(const char *title, char *buf, size_t len);

/* True if S is a usable slug: 1-64 of [a-z0-9-], not starting or ending with '-'. */
int slug_valid(const char *s);

#endif
