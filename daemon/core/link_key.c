/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/link_key.h"
#include "core/log.h"
#include "core/secret.h"

/*
 * A capability URL must be shown again (a planner gives twenty people their links, or sends
 * one again) and must not be readable from a copy of the database. So the database keeps, per
 * link, only a generation number and the SHA-256 of the secret; the secret itself is an HMAC of
 * the link under a key that lives in its own file (0600), next to the database but not in it.
 * Whoever has the database alone finds no URL; whoever has both could anyway read every page.
 * Rotating a link takes a new generation: a new secret, and the old hash is gone for good.
 *
 * The file holds the key as 64 hex digits and a newline, so that it can be backed up and put
 * back by hand.
 */

static unsigned char key[LINK_KEY_LEN];
static int loaded;

char *link_key_path_for(const char *db, char *buf, size_t len)
{
	size_t n = strlen(db);
	const char *slash = strrchr(db, '/');
	size_t base = slash != NULL ? (size_t)(slash + 1 - db) : 0;
	int r;

	/* "/var/lib/qweek/qweek.db" -> ".../qweek.key"; "q.sqlite" -> "q.sqlite.key" */
	if (n - base > 3 && strcmp(db + n - 3, ".db") == 0)
		r = snprintf(buf, len, "%.*s.key", (int)(n - 3), db);
	else
		r = snprintf(buf, len, "%s.key", db);
	return r > 0 && (size_t)r < len ? buf : NULL;
}

static char *cause_of(const char *what, const char *path, int err)
{
	char *s;

	if (asprintf(&s, "%s %s: %s", what, path, err ? strerror(err) : "it is damaged") == -1)
		return NULL;
	return s;
}

static int hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* 64 hex digits, then nothing but a line end. */
static int parse_key(const char *text, size_t len, unsigned char out[LINK_KEY_LEN])
{
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		len--;
	if (len != 2 * LINK_KEY_LEN)
		return -1;
	for (size_t i = 0; i < LINK_KEY_LEN; i++) {
		int hi = hex_digit(text[2 * i]), lo = hex_digit(text[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

static int read_key(int fd, const char *path, char **cause)
{
	char text[2 * LINK_KEY_LEN + 8];
	struct stat st;
	ssize_t n;

	if (fstat(fd, &st) == 0 && (st.st_mode & 077) != 0)
		log_warn("the link key %s may be read by others (mode %03o): chmod 600 it", path,
			 (unsigned)(st.st_mode & 0777));
	n = read(fd, text, sizeof text);
	if (n < 0 || parse_key(text, (size_t)n, key) == -1) {
		*cause = cause_of("cannot read the link key", path, n < 0 ? errno : 0);
		explicit_bzero(text, sizeof text);
		return -1;
	}
	explicit_bzero(text, sizeof text);
	loaded = 1;
	return 0;
}

/* Writes the key into a temporary file and renames it into place (never half a key). */
static int write_key(const char *path, char **cause)
{
	static const char hex[] = "0123456789abcdef";
	char tmp[4096], text[2 * LINK_KEY_LEN + 1], dir[4096];
	int fd, ok;

	if (snprintf(tmp, sizeof tmp, "%s.new", path) >= (int)sizeof tmp) {
		*cause = cause_of("cannot write the link key", path, ENAMETOOLONG);
		return -1;
	}
	for (size_t i = 0; i < LINK_KEY_LEN; i++) {
		text[2 * i] = hex[key[i] >> 4];
		text[2 * i + 1] = hex[key[i] & 15];
	}
	text[2 * LINK_KEY_LEN] = '\n';
	unlink(tmp); /* a leftover of a start that died half-way */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	ok = fd != -1 && write(fd, text, sizeof text) == (ssize_t)sizeof text && fsync(fd) == 0;
	explicit_bzero(text, sizeof text);
	if (fd != -1 && close(fd) != 0)
		ok = 0;
	if (!ok || rename(tmp, path) == -1) {
		*cause = cause_of("cannot write the link key", path, errno);
		unlink(tmp);
		return -1;
	}
	snprintf(dir, sizeof dir, "%s", path);
	if ((fd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
	return 0;
}

static int make_key(const char *path, char **cause)
{
	if (secret_random(key, LINK_KEY_LEN) == -1) {
		*cause = cause_of("cannot make the link key", path, EINVAL);
		return -1;
	}
	if (write_key(path, cause) == -1) {
		explicit_bzero(key, sizeof key);
		return -1;
	}
	loaded = 1;
	log_info("made the link key %s (back it up, but not in the same place as the database)",
		 path);
	return 0;
}

int link_key_save(const char *path, char **cause)
{
	*cause = NULL;
	if (!loaded) {
		*cause = strdup("no link key is loaded");
		return -1;
	}
	return write_key(path, cause);
}

int link_key_hex(char out[2 * LINK_KEY_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";

	if (!loaded)
		return -1;
	for (size_t i = 0; i < LINK_KEY_LEN; i++) {
		out[2 * i] = hex[key[i] >> 4];
		out[2 * i + 1] = hex[key[i] & 15];
	}
	out[2 * LINK_KEY_LEN] = '\0';
	return 0;
}

int link_key_load(const char *path, int create, char **cause)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), rc;

	*cause = NULL;
	loaded = 0;
	if (fd == -1 && errno == ENOENT && create)
		return make_key(path, cause);
	if (fd == -1) {
		*cause = cause_of("cannot open the link key", path, errno);
		return -1;
	}
	rc = read_key(fd, path, cause);
	close(fd);
	return rc;
}

int link_key_ready(void)
{
	return loaded;
}

int link_secret(const unsigned char salt[LINK_SALT_LEN], enum link_kind kind, int64_t plan_id,
		int64_t person_id, int64_t gen, char out[FEED_SECRET_LEN + 1])
{
	static const char *const kinds[] = { "feed", "status", "page", "survey", "survey-token" };
	unsigned char msg[LINK_SALT_LEN + 96], md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	int n;

	if (!loaded)
		return -1;
	memcpy(msg, salt, LINK_SALT_LEN);
	n = snprintf((char *)msg + LINK_SALT_LEN, sizeof msg - LINK_SALT_LEN,
		     "qweek-link %s %lld %lld %lld", kinds[kind], (long long)plan_id,
		     (long long)person_id, (long long)gen);
	if (n < 0 || (size_t)n >= sizeof msg - LINK_SALT_LEN ||
	    HMAC(EVP_sha256(), key, LINK_KEY_LEN, msg, LINK_SALT_LEN + (size_t)n, md, &mdlen) ==
		    NULL ||
	    mdlen < 16)
		return -1;
	secret_base32(md, 16, out);
	explicit_bzero(md, sizeof md);
	return 0;
}

void link_key_forget(void)
{
	explicit_bzero(key, sizeof key);
	loaded = 0;
}
