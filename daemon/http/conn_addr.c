/* SPDX-License-Identifier: MIT */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/queue.h>

#include <event2/keyvalq_struct.h>

#include "core/log.h"
#include "http/conn_addr.h"

/* Client addresses: counted per address in a small hash table, named by X-Forwarded-For. */

#define CONN_ADDR_BUCKETS 256
#define CONN_ADDR_HOPS	  32 /* X-Forwarded-For entries looked at, from the right */

struct conn_addrs {
	LIST_HEAD(, conn_addr) buckets[CONN_ADDR_BUCKETS];
};

struct conn_addrs *conn_addr_table_new(void)
{
	struct conn_addrs *t = calloc(1, sizeof *t);

	if (t == NULL)
		fatal("out of memory");
	for (size_t i = 0; i < CONN_ADDR_BUCKETS; i++)
		LIST_INIT(&t->buckets[i]);
	return t;
}

void conn_addr_table_free(struct conn_addrs *t)
{
	struct conn_addr *a;

	if (t == NULL)
		return;
	for (size_t i = 0; i < CONN_ADDR_BUCKETS; i++)
		while ((a = LIST_FIRST(&t->buckets[i])) != NULL) {
			LIST_REMOVE(a, link);
			free(a);
		}
	free(t);
}

/* FNV-1a: addresses are short, and an attacker choosing many gains nothing but a longer list. */
static size_t conn_addr_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % CONN_ADDR_BUCKETS;
}

struct conn_addr *conn_addr_get(struct conn_addrs *t, const char *name)
{
	size_t b = conn_addr_hash(name);
	struct conn_addr *a;

	LIST_FOREACH (a, &t->buckets[b], link)
		if (strcmp(a->name, name) == 0)
			return a;
	if ((a = calloc(1, sizeof *a)) == NULL)
		fatal("out of memory");
	snprintf(a->name, sizeof a->name, "%s", name);
	LIST_INSERT_HEAD(&t->buckets[b], a, link);
	return a;
}

void conn_addr_put(struct conn_addrs *t, struct conn_addr *a)
{
	(void)t;
	if (a == NULL || a->conns > 0)
		return;
	LIST_REMOVE(a, link);
	free(a);
}

int conn_addr_norm(const char *in, size_t len, char *out)
{
	unsigned char bin[16];
	char tmp[CONN_ADDR_LEN];

	while (len > 0 && (*in == ' ' || *in == '\t'))
		in++, len--;
	while (len > 0 && (in[len - 1] == ' ' || in[len - 1] == '\t'))
		len--;
	if (len > 2 && in[0] == '[' && in[len - 1] == ']')
		in++, len -= 2; /* "[::1]" as some proxies write it */
	if (len == 0 || len >= sizeof tmp)
		return -1;
	memcpy(tmp, in, len);
	tmp[len] = '\0';
	if (inet_pton(AF_INET, tmp, bin) == 1)
		return inet_ntop(AF_INET, bin, out, CONN_ADDR_LEN) != NULL ? 0 : -1;
	if (inet_pton(AF_INET6, tmp, bin) != 1)
		return -1;
	if (IN6_IS_ADDR_V4MAPPED((struct in6_addr *)bin))
		return inet_ntop(AF_INET, bin + 12, out, CONN_ADDR_LEN) != NULL ? 0 : -1;
	return inet_ntop(AF_INET6, bin, out, CONN_ADDR_LEN) != NULL ? 0 : -1;
}

int conn_addr_listed(const char *list, const char *addr)
{
	char item[CONN_ADDR_LEN];

	while (list != NULL && *list != '\0') {
		size_t n = strcspn(list, ",");
		if (conn_addr_norm(list, n, item) == 0 && strcmp(item, addr) == 0)
			return 1;
		list += n + (list[n] == ',');
	}
	return 0;
}

/* Appends the comma-separated entries of VALUE to HOPS (the oldest dropped when full). */
static void conn_addr_hops(const char *value, const char **hops, size_t *lens, size_t *n)
{
	while (*value != '\0') {
		size_t len = strcspn(value, ",");
		if (*n == CONN_ADDR_HOPS) {
			memmove(hops, hops + 1, (CONN_ADDR_HOPS - 1) * sizeof *hops);
			memmove(lens, lens + 1, (CONN_ADDR_HOPS - 1) * sizeof *lens);
			(*n)--;
		}
		hops[*n] = value;
		lens[(*n)++] = len;
		value += len + (value[len] == ',');
	}
}

int conn_addr_forwarded(const struct evkeyvalq *headers, const char *trusted, char *out)
{
	const char *hops[CONN_ADDR_HOPS];
	size_t lens[CONN_ADDR_HOPS], n = 0;
	struct evkeyval *kv;

	/* Several X-Forwarded-For headers are one list, in order. */
	TAILQ_FOREACH (kv, headers, next)
		if (strcasecmp(kv->key, "X-Forwarded-For") == 0)
			conn_addr_hops(kv->value, hops, lens, &n);
	if (n == 0 || conn_addr_norm(hops[n - 1], lens[n - 1], out) == -1)
		return -1;
	/* Each trusted hop vouches for the one on its left; the first untrusted one is the client. */
	while (n > 1 && conn_addr_listed(trusted, out) &&
	       conn_addr_norm(hops[n - 2], lens[n - 2], out) == 0)
		n--;
	return 0;
}
