/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>
#include <systemd/sd-daemon.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/config_notify.h"
#include "core/daemon.h"
#include "feed/feed.h"
#include "http/http.h"
#include "http/listen.h"
#include "core/link_key.h"
#include "core/log.h"
#include "core/tr.h"
#include "paths.h"
#include "remind/remind.h"
#include "report/me_page.h"
#include "report/status_page.h"
#include "store/db_backup.h"
#include "store/link_store.h"
#include "time/tz.h"

/* qweekd: holds Quality Week plans and serves them; one process, one libevent loop. */

struct options {
	const char *config;
	int foreground;
	int check_only;
	const char *restore; /* --restore FILE */
	struct config cli;   /* what the command line set, applied over the file */
	int cli_set[6];	     /* which of db, socket, listen, log_level, url, trusted_proxy it set */
};

/* The command line, kept for SIGHUP: a reload lays it over the file again. */
static struct options opts;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: qweekd [OPTION...]\n"
		"Holds Quality Week plans and serves them to qweek, calendar apps and browsers.\n"
		"\n"
		"  -c, --config FILE        read the configuration FILE (qweekd.conf(5))\n"
		"  -d, --db PATH            the database ([daemon] db; default: "
		"$STATE_DIRECTORY/qweek.db,\n"
		"                           else ~/.local/share/qweek/qweek.db)\n"
		"  -s, --socket PATH        the Unix socket of qweek ([daemon] socket; default:\n"
		"                           $RUNTIME_DIRECTORY/qweekd.sock, else "
		"$XDG_RUNTIME_DIR/qweek/)\n"
		"  -l, --listen HOST:PORT   also serve HTTP on TCP: feeds, pages, the API with a "
		"token\n"
		"  -u, --url URL            how people reach it, for the links it prints ([daemon] "
		"url)\n"
		"  -L, --log-level LEVEL    error, warn, info (the default) or debug\n"
		"      --trusted-proxy ADDRS  reverse proxies whose X-Forwarded-For is believed\n"
		"  -f, --foreground         stay in the foreground, log to stderr (systemd: "
		"always)\n"
		"  -n, --check              check the configuration: say \"configuration OK\" or "
		"what is\n"
		"                           wrong (exit 1), and exit\n"
		"      --restore FILE       put the copy FILE (and FILE.key) made by qweek backup in "
		"place\n"
		"                           of the database and link key; qweekd must be stopped\n"
		"  -h, --help               this help\n"
		"  -V, --version            the version\n"
		"\n"
		"Signals: SIGTERM and SIGINT stop it; SIGHUP reloads the configuration.\n"
		"Exit status: 0 stopped; 1 could not start or restore (the reason on stderr);\n"
		"2 a wrong command line. See qweekd(8) and qweekd.conf(5).\n");
}

static void parse_args(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "socket", required_argument, NULL, 's' },
		{ "listen", required_argument, NULL, 'l' },
		{ "url", required_argument, NULL, 'u' },
		{ "log-level", required_argument, NULL, 'L' },
		{ "trusted-proxy", required_argument, NULL, 'P' },
		{ "foreground", no_argument, NULL, 'f' },
		{ "check", no_argument, NULL, 'n' },
		{ "restore", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "c:d:s:l:u:L:fnhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			o->config = optarg;
			break;
		case 'd':
			free(o->cli.db);
			o->cli.db = strdup(optarg);
			o->cli_set[0] = 1;
			break;
		case 's':
			free(o->cli.socket);
			o->cli.socket = strdup(optarg);
			o->cli_set[1] = 1;
			break;
		case 'l':
			free(o->cli.listen);
			o->cli.listen = strdup(optarg);
			o->cli_set[2] = 1;
			break;
		case 'u':
			free(o->cli.url);
			o->cli.url = strdup(optarg);
			o->cli_set[4] = 1;
			break;
		case 'P':
			free(o->cli.trusted_proxy);
			o->cli.trusted_proxy = strdup(optarg);
			o->cli_set[5] = 1;
			break;
		case 'L':
			if ((o->cli.log_level = log_level_parse(optarg)) == -1) {
				fprintf(stderr,
					"qweekd: --log-level %s: use error, warn, info or "
					"debug\n",
					optarg);
				exit(2);
			}
			o->cli_set[3] = 1;
			break;
		case 'f':
			o->foreground = 1;
			break;
		case 'n':
			o->check_only = 1;
			break;
		case 'R':
			o->restore = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			printf("qweekd %s\n", QWEEK_VERSION);
			exit(0);
		default:
			usage(stderr);
			exit(2);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "qweekd: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		exit(2);
	}
}

static void replace(char **dst, const char *src)
{
	free(*dst);
	*dst = src != NULL ? strdup(src) : NULL;
}

/* Reads the file (if any), lays the command line over it, fills in defaults. */
static int load_config(const struct options *o, struct config *c, char **cause)
{
	char buf[4096];

	config_init(c);
	if (o->config != NULL && config_load(c, o->config, cause) == -1)
		return -1;
	if (o->cli_set[0])
		replace(&c->db, o->cli.db);
	if (o->cli_set[1])
		replace(&c->socket, o->cli.socket);
	if (o->cli_set[2])
		replace(&c->listen, o->cli.listen);
	if (o->cli_set[3])
		c->log_level = o->cli.log_level;
	if (o->cli_set[4])
		replace(&c->url, o->cli.url);
	if (o->cli_set[5] &&
	    config_set(c, "daemon", "trusted_proxy", o->cli.trusted_proxy, cause) == -1)
		return -1;
	if (c->db == NULL && paths_default_db(buf, sizeof buf) != NULL)
		c->db = strdup(buf);
	if (c->socket == NULL && paths_default_socket(buf, sizeof buf) != NULL)
		c->socket = strdup(buf);
	if (c->db == NULL || c->socket == NULL) {
		*cause = strdup("cannot work out the default database or socket path");
		return -1;
	}
	return config_check(c, cause);
}

static void on_stop(evutil_socket_t sig, short what, void *arg)
{
	struct daemon *d = arg;

	log_info("signal %d: stopping", (int)sig);
	sd_notify(0, "STOPPING=1");
	event_base_loopexit(d->base, NULL);
}

/* SIGHUP: re-read the file; what can change while running does, the rest wants a restart. */
static void on_reload(evutil_socket_t sig, short what, void *arg)
{
	struct daemon *d = arg;
	struct config fresh;
	char *cause = NULL;

	sd_notify(0, "RELOADING=1");
	if (load_config(&opts, &fresh, &cause) == -1) {
		log_error("reload: %s; keeping the running configuration", cause ? cause : "?");
		free(cause);
	} else {
		if (strcmp(fresh.db, d->config.db) || strcmp(fresh.socket, d->config.socket))
			log_warn("reload: a new db or socket takes effect at the next start");
		log_set_level(fresh.log_level);
		config_free(&d->config);
		d->config = fresh;
		log_info("configuration reloaded");
	}
	sd_notify(0, "READY=1");
}

/* The sockets: those systemd passed, or our own Unix socket and optional TCP listener. */
static int open_listeners(struct daemon *d, char **cause)
{
	int n = sd_listen_fds(1), fd;

	for (int i = 0; i < n; i++) {
		fd = SD_LISTEN_FDS_START + i;
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
		if (http_serve_fd(d->http, fd, listen_is_unix(fd)) == -1)
			return -1;
	}
	if (n > 0) {
		log_info("serving %d socket(s) from systemd", n);
		return 0;
	}
	if ((fd = listen_unix(d->config.socket, cause)) == -1)
		return -1;
	d->own_socket = 1;
	if (http_serve_fd(d->http, fd, 1) == -1)
		return -1;
	log_info("listening on %s", d->config.socket);
	if (d->config.listen == NULL)
		return 0;
	if ((fd = listen_tcp(d->config.listen, cause)) == -1 || http_serve_fd(d->http, fd, 0))
		return -1;
	log_info("listening on http://%s (API with a token)", d->config.listen);
	return 0;
}

/*
 * The key links are derived from, next to the database unless [daemon] key says where; made at
 * the first start. Without it (a read-only database whose key is missing) served links still
 * work, but none can be made or shown.
 */
static int load_link_key(struct daemon *d, char **cause)
{
	char buf[4096];
	const char *path = d->config.key;

	if (path == NULL && (path = link_key_path_for(d->config.db, buf, sizeof buf)) == NULL) {
		*cause = strdup("the database's path is too long for its link key's");
		return -1;
	}
	struct error err = ERROR_INIT;
	int had = access(path, F_OK) == 0;

	if (link_key_load(path, !db_read_only(d->db), cause) == 0) {
		if (!had && store_link_count(d->db, &err) > 0)
			log_warn("the link key %s was not there: a new one was made; links given "
				 "out still work, but cannot be shown again until rotated",
				 path);
		error_clear(&err);
		return 0;
	}
	if (!db_read_only(d->db))
		return -1;
	log_warn("%s: links cannot be made or shown", *cause ? *cause : "no link key");
	free(*cause);
	*cause = NULL;
	return 0;
}

/* Forks; the parent waits until the child says it is ready (or why not) and exits with it. */
static int detach(int *ready_fd)
{
	int fds[2];
	char msg[1024];
	ssize_t n;

	if (pipe2(fds, O_CLOEXEC) == -1)
		fatal("pipe: %s", strerror(errno));
	switch (fork()) {
	case -1:
		fatal("fork: %s", strerror(errno));
	case 0:
		close(fds[0]);
		*ready_fd = fds[1];
		return 0;
	}
	close(fds[1]);
	n = read(fds[0], msg, sizeof msg - 1);
	if (n > 0 && msg[0] == '+')
		exit(0);
	msg[n > 0 ? n : 0] = '\0';
	fprintf(stderr, "qweekd: %s\n", n > 0 ? msg : "the daemon died while starting");
	exit(1);
}

static void tell_parent(int *ready_fd, const char *cause)
{
	int devnull;

	if (*ready_fd == -1)
		return;
	if (cause != NULL) {
		(void)!write(*ready_fd, cause, strlen(cause));
		return;
	}
	setsid();
	log_to_syslog();
	if ((devnull = open("/dev/null", O_RDWR)) != -1) {
		dup2(devnull, 0);
		dup2(devnull, 1);
		dup2(devnull, 2);
		if (devnull > 2)
			close(devnull);
	}
	(void)!write(*ready_fd, "+", 1);
	close(*ready_fd);
	*ready_fd = -1;
}

/* A detached child leaves the message to its parent, which prints it once. */
static void die_starting(int *ready_fd, char *cause)
{
	const char *msg = cause != NULL ? cause : strerror(errno);

	if (*ready_fd != -1) {
		tell_parent(ready_fd, msg);
		exit(1);
	}
	fatal("%s", msg);
}

/* epoll with a change list: a request's read/write interest changes cost fewer syscalls. */
static struct event_base *new_event_base(void)
{
	struct event_config *cfg = event_config_new();
	struct event_base *base;

	event_config_set_flag(cfg, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
	base = event_base_new_with_config(cfg);
	event_config_free(cfg);
	if (base == NULL)
		fatal("cannot create the event loop");
	return base;
}

static void run(struct daemon *d, struct options *o)
{
	struct event *ev_term, *ev_int, *ev_hup;
	int ready_fd = -1;
	char *cause = NULL;

	if (!o->foreground)
		detach(&ready_fd);
	/* The socket first: a second daemon is refused before it touches any database. */
	d->base = new_event_base();
	d->http = http_new(d->base, d, api_routes, api_access);
	if (open_listeners(d, &cause) == -1)
		die_starting(&ready_fd, cause);
	if ((d->db = db_open(d->config.db, &cause)) == NULL) {
		if (d->own_socket)
			unlink(d->config.socket);
		die_starting(&ready_fd, cause);
	}
	if (load_link_key(d, &cause) == -1) {
		if (d->own_socket)
			unlink(d->config.socket);
		die_starting(&ready_fd, cause);
	}
	feed_init(d);
	remind_init(d);
	ev_term = evsignal_new(d->base, SIGTERM, on_stop, d);
	ev_int = evsignal_new(d->base, SIGINT, on_stop, d);
	ev_hup = evsignal_new(d->base, SIGHUP, on_reload, d);
	event_add(ev_term, NULL);
	event_add(ev_int, NULL);
	event_add(ev_hup, NULL);
	log_info("qweekd %s ready: database %s", QWEEK_VERSION, d->config.db);
	tell_parent(&ready_fd, NULL);
	sd_notify(0, "READY=1");
	event_base_dispatch(d->base);
	event_free(ev_term);
	event_free(ev_int);
	event_free(ev_hup);
}

/*
 * qweekd --restore FILE: the copy FILE and its link key FILE.key (qweek backup) in place of the
 * configured database and key. The key is read first, so that a copy without it changes nothing.
 */
static int restore(const struct config *c, const char *file)
{
	char keyfile[4096], buf[4096], old[4096];
	const char *key = c->key != NULL ? c->key : link_key_path_for(c->db, buf, sizeof buf);
	char *cause = NULL;

	snprintf(keyfile, sizeof keyfile, "%s.key", file);
	if (key == NULL) {
		fprintf(stderr, "qweekd: %s: the path is too long\n", c->db);
		return 1;
	}
	if (link_key_load(keyfile, 0, &cause) == -1) {
		fprintf(stderr,
			"qweekd: %s; the copy's links need its key (qweek backup writes it beside "
			"the copy): nothing was restored\n",
			cause ? cause : keyfile);
		free(cause);
		return 1;
	}
	if (db_restore(file, c->db, &cause) == -1) {
		fprintf(stderr, "qweekd: %s\n", cause ? cause : "the restore failed");
		free(cause);
		return 1;
	}
	snprintf(old, sizeof old, "%s.before-restore", key);
	if ((rename(key, old) == -1 && errno != ENOENT) || link_key_save(key, &cause) == -1) {
		fprintf(stderr,
			"qweekd: the database is restored, but not its link key: %s; copy %s to "
			"%s by hand\n",
			cause ? cause : strerror(errno), keyfile, key);
		free(cause);
		return 1;
	}
	db_restore_own(key);
	printf("restored %s into %s and %s.key into %s\n(what they replaced is kept as "
	       "%s.before-restore and %s); start qweekd\n",
	       file, c->db, file, key, c->db, old);
	return 0;
}

int main(int argc, char **argv)
{
	struct daemon d = { 0 };
	char *cause = NULL;

	signal(SIGPIPE, SIG_IGN);
	/* Fixed thresholds: glibc raises its mmap threshold once a big block is freed, after which
	 * every big reply or import stays in the heap for good. Fixed, they go back when freed. */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
	config_init(&opts.cli);
	parse_args(argc, argv, &opts);
	if (clock_init_from_env() == -1) {
		fprintf(stderr, "qweekd: QWEEKD_NOW must be an instant such as "
				"2017-11-14T03:00:00Z\n");
		return 2;
	}
	if (load_config(&opts, &d.config, &cause) == -1 ||
	    (opts.check_only && config_notify_check(&d.config, &cause) == -1) || opts.check_only) {
		int failed = cause != NULL || !opts.check_only;
		if (failed)
			fprintf(stderr, "qweekd: %s\n", cause ? cause : "bad configuration");
		else
			printf("configuration OK\n");
		free(cause);
		config_free(&d.config);
		config_free(&opts.cli);
		return failed;
	}
	if (opts.restore != NULL) {
		int rc = restore(&d.config, opts.restore);
		link_key_forget();
		config_free(&d.config);
		config_free(&opts.cli);
		return rc;
	}
	log_set_level(d.config.log_level);
	tr_init();
	run(&d, &opts);
	api_backup_shutdown();
	feed_shutdown();
	link_key_forget();
	status_page_cache_free();
	me_page_cache_free();
	remind_shutdown();
	http_free(d.http);
	if (d.own_socket)
		unlink(d.config.socket); /* leave nothing stale behind */
	db_close(d.db);
	event_base_free(d.base);
	config_free(&d.config);
	config_free(&opts.cli);
	tz_shutdown();
	libevent_global_shutdown();
	log_info("stopped");
	return 0;
}
