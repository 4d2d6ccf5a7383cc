/* SPDX-License-Identifier: MIT */
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "core/config.h"
#include "core/config_lint.h"
#include "core/log.h"

/* Configuration parsed once into a struct; `qweekd -n` runs the same code and reports. */

enum key_type {
	KEY_STRING,
	KEY_BOOL,
	KEY_LOG_LEVEL,
	KEY_HOSTPORT,
	KEY_SMTP_URL,
	KEY_COUNT,
	KEY_ADDRESSES
};

static const struct config_key {
	const char *section;
	const char *name;
	enum key_type type;
	size_t offset;
} config_keys[] = {
	{ "daemon", "db", KEY_STRING, offsetof(struct config, db) },
	{ "daemon", "socket", KEY_STRING, offsetof(struct config, socket) },
	{ "daemon", "listen", KEY_HOSTPORT, offsetof(struct config, listen) },
	{ "daemon", "url", KEY_STRING, offsetof(struct config, url) },
	{ "daemon", "key", KEY_STRING, offsetof(struct config, key) },
	{ "daemon", "admin_name", KEY_STRING, offsetof(struct config, admin_name) },
	{ "daemon", "log_level", KEY_LOG_LEVEL, offsetof(struct config, log_level) },
	{ "daemon", "admin_group", KEY_STRING, offsetof(struct config, admin_group) },
	{ "daemon", "hosts", KEY_STRING, offsetof(struct config, hosts) },
	{ "daemon", "max_connections", KEY_COUNT, offsetof(struct config, max_connections) },
	{ "daemon", "max_connections_per_address", KEY_COUNT,
	  offsetof(struct config, max_connections_per_address) },
	{ "daemon", "trusted_proxy", KEY_ADDRESSES, offsetof(struct config, trusted_proxy) },
	{ "smtp", "url", KEY_SMTP_URL, offsetof(struct config, smtp_url) },
	{ "smtp", "from", KEY_STRING, offsetof(struct config, smtp_from) },
	{ "smtp", "user", KEY_STRING, offsetof(struct config, smtp_user) },
	{ "smtp", "password", KEY_STRING, offsetof(struct config, smtp_password) },
	{ "smtp", "starttls", KEY_BOOL, offsetof(struct config, smtp_starttls) },
	{ "notify", "command", KEY_STRING, offsetof(struct config, notify_command) },
};

static int is_string(enum key_type t)
{
	return t == KEY_STRING || t == KEY_HOSTPORT || t == KEY_SMTP_URL || t == KEY_ADDRESSES;
}

void config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->log_level = LOG_LEVEL_INFO;
	c->smtp_starttls = 1;
	c->max_connections = CONFIG_MAX_CONNECTIONS;
	c->max_connections_per_address = CONFIG_MAX_CONNECTIONS_PER_ADDRESS;
}

void config_free(struct config *c)
{
	for (size_t i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++)
		if (is_string(config_keys[i].type))
			free(*(char **)((char *)c + config_keys[i].offset));
	config_init(c);
}

static int parse_bool(const char *v)
{
	if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
		return 1;
	if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
		return 0;
	return -1;
}

/* A count from 1 to 100000, or -1. */
static int parse_count(const char *v)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < 1 || n > 100000)
		return -1;
	return (int)n;
}

/* Is V a comma-separated list of IPv4 or IPv6 addresses ("[::1]" too)? */
static int addresses_ok(const char *v)
{
	unsigned char bin[16];
	char item[64];

	do {
		size_t n = strcspn(v, ",");
		const char *next = v + n + (v[n] == ',');
		while (n > 0 && (*v == ' ' || *v == '\t'))
			v++, n--;
		while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
			n--;
		if (n > 2 && v[0] == '[' && v[n - 1] == ']')
			v++, n -= 2;
		if (n == 0 || n >= sizeof item)
			return 0;
		memcpy(item, v, n);
		item[n] = '\0';
		if (inet_pton(AF_INET, item, bin) != 1 && inet_pton(AF_INET6, item, bin) != 1)
			return 0;
		v = next;
	} while (*v != '\0');
	return 1;
}

/* Checks VALUE for key K; NULL if fine, else what was expected. */
static const char *bad_value(const struct config_key *k, const char *value, int *parsed)
{
	char host[256];
	unsigned short port;

	switch (k->type) {
	case KEY_STRING:
		return NULL;
	case KEY_BOOL:
		return (*parsed = parse_bool(value)) == -1 ? "yes or no" : NULL;
	case KEY_LOG_LEVEL:
		return (*parsed = log_level_parse(value)) == -1 ? "error, warn, info or debug" :
								  NULL;
	case KEY_HOSTPORT:
		return config_parse_listen(value, host, sizeof host, &port) == -1 ?
			       "HOST:PORT, such as 127.0.0.1:8080" :
			       NULL;
	case KEY_SMTP_URL:
		return strncmp(value, "smtp://", 7) != 0 && strncmp(value, "smtps://", 8) != 0 ?
			       "smtp://HOST:PORT or smtps://HOST:PORT" :
			       NULL;
	case KEY_COUNT:
		return (*parsed = parse_count(value)) == -1 ? "a number from 1 to 100000" : NULL;
	case KEY_ADDRESSES:
		return !addresses_ok(value) ? "IP addresses separated by commas, such as "
					      "127.0.0.1,::1" :
					      NULL;
	}
	return NULL;
}

static int set_value(struct config *c, const struct config_key *k, const char *value, char **cause)
{
	void *field = (char *)c + k->offset;
	const char *expected;
	int parsed = 0;

	if ((expected = bad_value(k, value, &parsed)) != NULL) {
		if (asprintf(cause, "%s = %s: expected %s", k->name, value, expected) == -1)
			*cause = NULL;
		return -1;
	}
	if (is_string(k->type)) {
		free(*(char **)field);
		*(char **)field = strdup(value);
	} else {
		*(int *)field = parsed;
	}
	return 0;
}

/* The known name nearest to NAME (of sections if SECTION is NULL, else of its keys), or NULL. */
static const char *config_nearest(const char *section, const char *name)
{
	const char *best = NULL, *cand;
	size_t n = strlen(name), bestd = n > 8 ? 3 : n > 4 ? 2 : 1, d;

	for (size_t i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++) {
		const struct config_key *k = &config_keys[i];
		if (section != NULL && strcmp(k->section, section) != 0)
			continue;
		cand = section != NULL ? k->name : k->section;
		if ((d = config_lint_distance(name, cand, bestd)) <= bestd &&
		    (best == NULL || d < bestd))
			best = cand, bestd = d;
	}
	return best;
}

static int config_section_known(const char *section)
{
	for (size_t i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++)
		if (strcmp(config_keys[i].section, section) == 0)
			return 1;
	return 0;
}

/* Why SECTION.KEY = VALUE is refused, with the nearest name when there is one. */
static int config_unknown(const char *section, const char *key, const char *value, char **cause)
{
	const char *near;
	int rc;

	if (strpbrk(key, " \t") != NULL) { /* "listen 127.0.0.1:8080": inih split it at ':' */
		rc = asprintf(cause, "«%s:%s» is not a 'key = value' line (it has no '=')", key,
			      value);
	} else if (!config_section_known(section)) {
		near = config_nearest(NULL, section);
		rc = near != NULL ? asprintf(cause, "unknown section [%s]: did you mean [%s]?",
					     section, near) :
				    asprintf(cause,
					     "unknown section [%s]: the sections are [daemon], "
					     "[smtp] and [notify]",
					     section);
	} else if ((near = config_nearest(section, key)) != NULL) {
		rc = asprintf(cause, "unknown key '%s' in section [%s]: did you mean '%s'?", key,
			      section, near);
	} else {
		rc = asprintf(cause, "unknown key '%s' in section [%s]", key, section);
	}
	if (rc == -1)
		*cause = NULL;
	return -1;
}

int config_set(struct config *c, const char *section, const char *key, const char *value,
	       char **cause)
{
	for (size_t i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++) {
		const struct config_key *k = &config_keys[i];
		if (strcmp(k->section, section) == 0 && strcmp(k->name, key) == 0)
			return set_value(c, k, value, cause);
	}
	return config_unknown(section, key, value, cause);
}

struct load_ctx {
	struct config *config;
	char *cause;
};

static int on_ini_entry(void *user, const char *section, const char *key, const char *value)
{
	struct load_ctx *ctx = user;

	if (ctx->cause != NULL)
		return 0;
	return config_set(ctx->config, section, key, value, &ctx->cause) == 0;
}

int config_load(struct config *c, const char *file, char **cause)
{
	struct load_ctx ctx = { c, NULL };
	FILE *f = fopen(file, "r");
	char *lint = NULL;
	int line, bad;

	if (f == NULL) {
		if (asprintf(cause, "%s: %s", file, strerror(errno)) == -1)
			*cause = NULL;
		return -1;
	}
	line = ini_parse_file(f, on_ini_entry, &ctx);
	fclose(f);
	if (line == 0)
		return 0;
	/* A line inih did not take, if it is the first wrong one: quoted, with what is wrong. */
	if ((bad = config_lint_lines(file, &lint)) > 0 && (ctx.cause == NULL || bad <= line)) {
		free(ctx.cause);
		*cause = lint;
		return -1;
	}
	free(lint);
	if (asprintf(cause, "%s:%d: %s", file, line,
		     ctx.cause != NULL ? ctx.cause : "not a 'key = value' line or a [section]") ==
	    -1)
		*cause = NULL;
	free(ctx.cause);
	return -1;
}

int config_parse_listen(const char *s, char *host, unsigned hostlen, unsigned short *port)
{
	const char *colon, *h = s;
	size_t n;
	char *end;
	long p;

	if (*s == '[') {
		const char *close = strchr(s, ']');
		if (close == NULL || close[1] != ':')
			return -1;
		h = s + 1;
		n = (size_t)(close - h);
		colon = close + 1;
	} else {
		if ((colon = strrchr(s, ':')) == NULL)
			return -1;
		n = (size_t)(colon - s);
	}
	if (n == 0 || n >= hostlen)
		return -1;
	errno = 0;
	p = strtol(colon + 1, &end, 10);
	if (errno != 0 || *end != '\0' || end == colon + 1 || p < 1 || p > 65535)
		return -1;
	memcpy(host, h, n);
	host[n] = '\0';
	*port = (unsigned short)p;
	return 0;
}

int config_check(const struct config *c, char **cause)
{
	char host[256];
	unsigned short port;

	if (c->listen != NULL && config_parse_listen(c->listen, host, sizeof host, &port) == -1) {
		if (asprintf(cause, "listen = %s: expected HOST:PORT, such as 127.0.0.1:8080",
			     c->listen) == -1)
			*cause = NULL;
		return -1;
	}
	if (c->smtp_url != NULL && strncmp(c->smtp_url, "smtp://", 7) != 0 &&
	    strncmp(c->smtp_url, "smtps://", 8) != 0) {
		if (asprintf(cause, "url = %s: expected smtp://HOST:PORT or smtps://HOST:PORT",
			     c->smtp_url) == -1)
			*cause = NULL;
		return -1;
	}
	return 0;
}
