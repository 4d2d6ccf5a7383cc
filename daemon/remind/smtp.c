/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <event2/event.h>

#include "core/log.h"
#include "remind/smtp.h"

/*
 * SMTP through libcurl's multi interface on the daemon's own event_base: libcurl says which
 * sockets to watch (CURLMOPT_SOCKETFUNCTION) and when to call back (CURLMOPT_TIMERFUNCTION);
 * libevent watches, and curl_multi_socket_action does the work. Nothing here blocks the loop.
 */

#define SMTP_CONNECT_TIMEOUT 20L /* seconds */
#define SMTP_TIMEOUT	     120L

struct transfer {
	struct smtp *s;
	CURL *easy;
	struct curl_slist *rcpt;
	char *data;
	size_t len, off;
	char errbuf[CURL_ERROR_SIZE];
	char reply[160]; /* the server's first refusal, for errors */
	smtp_done_fn fn;
	void *arg;
	struct transfer *next;
};

/* A socket libcurl asked us to watch. */
struct watch {
	struct smtp *s;
	struct event *ev;
};

struct smtp {
	struct event_base *base;
	CURLM *multi;
	struct event *timer;
	struct transfer *transfers;
	int busy;
};

static void transfer_free(struct transfer *t)
{
	if (t->easy != NULL) {
		curl_multi_remove_handle(t->s->multi, t->easy);
		curl_easy_cleanup(t->easy);
	}
	curl_slist_free_all(t->rcpt);
	free(t->data);
	free(t);
}

static void unlink_transfer(struct smtp *s, struct transfer *t)
{
	for (struct transfer **p = &s->transfers; *p != NULL; p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			s->busy--;
			return;
		}
}

/* Why transfer T failed with RESULT: libcurl's words and the server's last reply. */
static void explain(struct transfer *t, CURLcode result)
{
	size_t n;

	if (t->errbuf[0] == '\0')
		snprintf(t->errbuf, sizeof t->errbuf, "%s", curl_easy_strerror(result));
	n = strlen(t->errbuf);
	if (result == CURLE_USE_SSL_FAILED) {
		/* libcurl's "STARTTLS not supported.": which server, and what the choice is. */
		const char *url = NULL;
		curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url);
		snprintf(t->errbuf + n, sizeof t->errbuf - n,
			 " The mail server %s offers no STARTTLS; [smtp] starttls = no sends "
			 "without TLS (on a network you trust), or use smtps://",
			 url != NULL ? url : "?");
		n = strlen(t->errbuf);
	}
	if (t->reply[0] != '\0' && result != CURLE_COULDNT_CONNECT && n + 8 < sizeof t->errbuf)
		snprintf(t->errbuf + n, sizeof t->errbuf - n, " (server: %s)", t->reply);
}

/* Reports the transfers libcurl has finished; callbacks last, as they may start new ones. */
static void check_done(struct smtp *s)
{
	struct transfer *done = NULL, *t;
	char err[CURL_ERROR_SIZE];
	CURLMsg *msg;
	int left, ok;

	while ((msg = curl_multi_info_read(s->multi, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
		if (msg->data.result == CURLE_OK)
			t->errbuf[0] = '\0';
		else
			explain(t, msg->data.result);
		unlink_transfer(s, t);
		t->next = done;
		done = t;
	}
	while ((t = done) != NULL) {
		smtp_done_fn fn = t->fn;
		void *arg = t->arg;

		done = t->next;
		ok = t->errbuf[0] == '\0';
		snprintf(err, sizeof err, "%s", t->errbuf);
		transfer_free(t);
		fn(arg, ok, ok ? NULL : err);
	}
}

/* Keeps the server's first refusal (a 4xx or 5xx reply: libcurl's "header in" for SMTP). */
static int on_debug(CURL *easy, curl_infotype type, char *data, size_t size, void *arg)
{
	struct transfer *t = arg;

	if (type != CURLINFO_HEADER_IN || t->reply[0] != '\0' || size == 0 ||
	    (data[0] != '4' && data[0] != '5'))
		return 0;
	while (size > 0 && (data[size - 1] == '\n' || data[size - 1] == '\r'))
		size--;
	if (size >= sizeof t->reply)
		size = sizeof t->reply - 1;
	memcpy(t->reply, data, size);
	t->reply[size] = '\0';
	return 0;
}

static void on_event(evutil_socket_t fd, short what, void *arg)
{
	struct watch *w = arg;
	struct smtp *s = w->s; /* W may be freed by the action */
	int action = ((what & EV_READ) ? CURL_CSELECT_IN : 0) |
		     ((what & EV_WRITE) ? CURL_CSELECT_OUT : 0),
	    running;

	curl_multi_socket_action(s->multi, fd, action, &running);
	check_done(s);
}

static void on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct smtp *s = arg;
	int running;

	curl_multi_socket_action(s->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	check_done(s);
}

static int on_socket(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp)
{
	struct smtp *s = userp;
	struct watch *w = socketp;
	short kind = EV_PERSIST;

	if (what == CURL_POLL_REMOVE) {
		if (w != NULL) {
			event_free(w->ev);
			free(w);
			curl_multi_assign(s->multi, fd, NULL);
		}
		return 0;
	}
	if (what & CURL_POLL_IN)
		kind |= EV_READ;
	if (what & CURL_POLL_OUT)
		kind |= EV_WRITE;
	if (w == NULL) {
		if ((w = calloc(1, sizeof *w)) == NULL)
			return -1;
		w->s = s;
		curl_multi_assign(s->multi, fd, w);
	} else {
		event_free(w->ev);
	}
	if ((w->ev = event_new(s->base, fd, kind, on_event, w)) == NULL ||
	    event_add(w->ev, NULL) == -1)
		return -1;
	return 0;
}

static int on_curl_timer(CURLM *multi, long timeout_ms, void *userp)
{
	struct smtp *s = userp;
	struct timeval tv;

	if (timeout_ms < 0)
		return evtimer_del(s->timer);
	tv.tv_sec = timeout_ms / 1000;
	tv.tv_usec = (timeout_ms % 1000) * 1000;
	return evtimer_add(s->timer, &tv);
}

struct smtp *smtp_new(struct event_base *base)
{
	struct smtp *s = calloc(1, sizeof *s);

	if (s == NULL || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		free(s);
		return NULL;
	}
	s->base = base;
	s->multi = curl_multi_init();
	s->timer = evtimer_new(base, on_timer, s);
	if (s->multi == NULL || s->timer == NULL) {
		smtp_free(s);
		return NULL;
	}
	curl_multi_setopt(s->multi, CURLMOPT_SOCKETFUNCTION, on_socket);
	curl_multi_setopt(s->multi, CURLMOPT_SOCKETDATA, s);
	curl_multi_setopt(s->multi, CURLMOPT_TIMERFUNCTION, on_curl_timer);
	curl_multi_setopt(s->multi, CURLMOPT_TIMERDATA, s);
	return s;
}

void smtp_free(struct smtp *s)
{
	struct transfer *t;

	if (s == NULL)
		return;
	while ((t = s->transfers) != NULL) {
		s->transfers = t->next;
		transfer_free(t);
	}
	if (s->multi != NULL)
		curl_multi_cleanup(s->multi);
	if (s->timer != NULL)
		event_free(s->timer);
	free(s);
	curl_global_cleanup();
}

static size_t on_read(char *buf, size_t size, size_t n, void *arg)
{
	struct transfer *t = arg;
	size_t want = size * n, left = t->len - t->off;

	if (want > left)
		want = left;
	memcpy(buf, t->data + t->off, want);
	t->off += want;
	return want;
}

/* "<addr>" for the envelope. */
static char *bracketed(const char *addr)
{
	char *s;

	return asprintf(&s, "<%s>", addr) == -1 ? NULL : s;
}

static int setup(struct transfer *t, const struct smtp_server *srv, const char *from)
{
	CURL *e = t->easy;
	char *env_from = bracketed(from);
	int bad = env_from == NULL;

	bad |= curl_easy_setopt(e, CURLOPT_URL, srv->url) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "smtp,smtps") != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_MAIL_FROM, env_from) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_MAIL_RCPT, t->rcpt) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_UPLOAD, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_READFUNCTION, on_read) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_READDATA, t) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_USE_SSL,
				srv->starttls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE) !=
	       CURLE_OK;
	if (srv->user != NULL && *srv->user != '\0') {
		bad |= curl_easy_setopt(e, CURLOPT_USERNAME, srv->user) != CURLE_OK;
		bad |= curl_easy_setopt(e, CURLOPT_PASSWORD, srv->password ? srv->password : "") !=
		       CURLE_OK;
	}
	bad |= curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, SMTP_CONNECT_TIMEOUT) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_TIMEOUT, SMTP_TIMEOUT) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_PRIVATE, t) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_DEBUGDATA, t) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_VERBOSE, 1L) != CURLE_OK;
	free(env_from); /* libcurl copies string options */
	return bad ? -1 : 0;
}

int smtp_send(struct smtp *s, const struct smtp_server *srv, const char *from, const char *rcpt,
	      char *data, size_t len, smtp_done_fn fn, void *arg, char **cause)
{
	struct transfer *t = calloc(1, sizeof *t);
	char *to = bracketed(rcpt);

	if (t == NULL || to == NULL) {
		free(t);
		free(to);
		free(data);
		*cause = strdup("out of memory");
		return -1;
	}
	t->s = s;
	t->data = data;
	t->len = len;
	t->fn = fn;
	t->arg = arg;
	t->rcpt = curl_slist_append(NULL, to);
	free(to);
	if (t->rcpt == NULL || (t->easy = curl_easy_init()) == NULL || setup(t, srv, from) == -1 ||
	    curl_multi_add_handle(s->multi, t->easy) != CURLM_OK) {
		if (t->easy != NULL) {
			curl_easy_cleanup(t->easy);
			t->easy = NULL;
		}
		transfer_free(t);
		*cause = strdup("cannot set up libcurl for SMTP");
		return -1;
	}
	t->next = s->transfers;
	s->transfers = t;
	s->busy++;
	return 0;
}
