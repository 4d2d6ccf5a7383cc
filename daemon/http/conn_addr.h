/* SPDX-License-Identifier: MIT */
/* Client addresses for the connection guard: one spelling, a count each, X-Forwarded-For. */
#ifndef QWEEK_CONN_ADDR_H
#define QWEEK_CONN_ADDR_H

#include <stddef.h>
#include <sys/queue.h>

struct evkeyvalq;

#define CONN_ADDR_LEN 46 /* INET6_ADDRSTRLEN */

/* One client address and what it holds. */
struct conn_addr {
	LIST_ENTRY(conn_addr) link;
	int conns; /* connections counted as this address's */
	char name[CONN_ADDR_LEN];
};

struct conn_addrs;

struct conn_addrs *conn_addr_table_new(void);
void conn_addr_table_free(struct conn_addrs *t);

/* NAME's entry, made on first use; conn_addr_put gives it back (freed once it holds nothing). */
struct conn_addr *conn_addr_get(struct conn_addrs *t, const char *name);
void conn_addr_put(struct conn_addrs *t, struct conn_addr *a);

/*
 * The numeric address of the LEN bytes at IN in one spelling ("::ffff:127.0.0.2" is
 * 127.0.0.2, IPv6 in its shortest form) into OUT (CONN_ADDR_LEN bytes): 0, or -1 if it is none.
 */
int conn_addr_norm(const char *in, size_t len, char *out);

/* Is ADDR (normalised) one of the comma-separated addresses of LIST? */
int conn_addr_listed(const char *list, const char *addr);

/*
 * The client that X-Forwarded-For in HEADERS names, read from the right: the first address
 * that is not one of the TRUSTED proxies (their own hops), into OUT. 0, or -1 when there is no
 * such header or its last hop is not an address (then the peer itself is the client).
 */
int conn_addr_forwarded(const struct evkeyvalq *headers, const char *trusted, char *out);

#endif
