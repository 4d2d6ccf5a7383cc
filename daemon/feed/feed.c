/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "store/changes.h"
#include "core/daemon.h"
#include "feed/feed.h"
#include "feed/feed_cache.h"
#include "core/feed_secret.h"
#include "feed/feed_vtimezone.h"
#include "core/log.h"
#include "grow.h"

/*
 * The feeds' shared state: the index of secret hashes (loaded once, kept in step by the API, so
 * that serving a feed never asks SQLite who it belongs to), and the links to other modules.
 */

struct known {
	unsigned char hash[FEED_HASH_LEN];
	int64_t id, plan_id, person_id;
};

static struct known *known; /* sorted by hash */
static size_t nknown, cknown;

static int by_hash(const void *a, const void *b)
{
	return memcmp(((const struct known *)a)->hash, ((const struct known *)b)->hash,
		      FEED_HASH_LEN);
}

int feed_index_find(const unsigned char hash[FEED_HASH_LEN], int64_t *plan_id, int64_t *person_id)
{
	struct known key, *k;

	memcpy(key.hash, hash, FEED_HASH_LEN);
	k = nknown ? bsearch(&key, known, nknown, sizeof *known, by_hash) : NULL;
	if (k == NULL || CRYPTO_memcmp(k->hash, hash, FEED_HASH_LEN) != 0)
		return 0;
	*plan_id = k->plan_id;
	*person_id = k->person_id;
	return 1;
}

void feed_index_remove(int64_t id)
{
	for (size_t i = 0; i < nknown; i++)
		if (known[i].id == id) {
			memmove(&known[i], &known[i + 1], (nknown - i - 1) * sizeof *known);
			nknown--;
			return;
		}
}

int feed_index_put(const struct feed_row *row)
{
	struct known *k;

	feed_index_remove(row->id);
	if (grow(&known, &cknown, nknown + 1, sizeof *known) == -1)
		return -1;
	k = &known[nknown++];
	memcpy(k->hash, row->hash, FEED_HASH_LEN);
	k->id = row->id;
	k->plan_id = row->plan_id;
	k->person_id = row->person_id;
	qsort(known, nknown, sizeof *known, by_hash);
	return 0;
}

static int load_one(const struct feed_row *row, void *ctx)
{
	(void)ctx;
	return feed_index_put(row);
}

static void on_change(int64_t plan_id, void *ctx)
{
	(void)ctx;
	feed_cache_changed(plan_id);
}

void feed_init(struct daemon *d)
{
	struct error err = ERROR_INIT;

	if (store_feed_each(d->db, load_one, NULL, &err) == -1)
		fatal("feeds: cannot read the feeds: %s", err.message ? err.message : "?");
	changes_subscribe(on_change, NULL);
	log_debug("feeds: %zu feed(s) known", nknown);
}

void feed_shutdown(void)
{
	feed_cache_free();
	feed_zone_cache_free();
	feed_secret_shutdown();
	free(known);
	known = NULL;
	nknown = cknown = 0;
}

/* "0.0.0.0:8080" and "[::]:8080" listen everywhere: people reach them by the machine's name. */
static void url_from_listen(const char *listen, char *buf, size_t len)
{
	char host[256];
	unsigned short port;

	if (config_parse_listen(listen, host, sizeof host, &port) == -1) {
		snprintf(buf, len, "http://%s", listen);
		return;
	}
	if (strcmp(host, "0.0.0.0") == 0 || strcmp(host, "::") == 0 || host[0] == '\0') {
		if (gethostname(host, sizeof host) == -1 || host[0] == '\0')
			strcpy(host, "localhost");
		host[sizeof host - 1] = '\0';
	}
	if (strchr(host, ':') != NULL)
		snprintf(buf, len, "http://[%s]:%u", host, (unsigned)port);
	else
		snprintf(buf, len, "http://%s:%u", host, (unsigned)port);
}

void feed_base_url(const struct config *c, char *buf, size_t len)
{
	size_t n;

	if (c->url != NULL && *c->url != '\0')
		snprintf(buf, len, "%s", c->url);
	else if (c->listen != NULL && *c->listen != '\0')
		url_from_listen(c->listen, buf, len);
	else
		snprintf(buf, len, "http://localhost");
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '/')
		buf[--n] = '\0';
}

void feed_uid_host(const struct config *c, char *buf, size_t len)
{
	char url[512];
	const char *s, *at;
	size_t authority, n;

	feed_base_url(c, url, sizeof url);
	s = strstr(url, "://");
	s = s != NULL ? s + 3 : url;
	authority = strcspn(s, "/?#");
	if ((at = memchr(s, '@', authority)) != NULL) { /* user:password@host */
		authority -= (size_t)(at + 1 - s);
		s = at + 1;
	}
	n = *s == '[' ? strcspn(s, "]") + 1 : strcspn(s, ":/?#");
	if (n > authority)
		n = authority;
	if (n == 0 || n >= len)
		snprintf(buf, len, "localhost");
	else
		snprintf(buf, len, "%.*s", (int)n, s);
}
