/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "ctx.h"
#include "output.h"
#include "paths.h"
#include "util.h"
#include "nls.h"

/* One command run: where qweekd is, which plan, how to print; requests and their refusals. */

struct cmd_ctx {
	const struct cmd_entry *entry;
	const char *socket, *url, *token, *plan;
	char socket_buf[4096];
	int json, color;
	size_t width;
	struct client *client; /* made on the first request */
};

/* Option NAME from ARGS, else GLOBAL, else environment variable ENV (if not empty). */
static const char *ctx_option(const struct args *global, const struct args *args, const char *name,
			      const char *env)
{
	const char *v;

	if ((v = args_get(args, name)) != NULL || (v = args_get(global, name)) != NULL)
		return v;
	if (env != NULL && (v = getenv(env)) != NULL && *v != '\0')
		return v;
	return NULL;
}

static int ctx_where(struct cmd_ctx *ctx, const struct args *global, const struct args *args,
		     char **cause)
{
	int socket_given = args_has(args, "socket") || args_has(global, "socket");
	/* After a command, --url may be that command's own flag (status --url): no value. */
	int url_given = args_get(args, "url") != NULL || args_has(global, "url");

	if (socket_given && url_given)
		return util_cause(cause, _("give --socket or --url, not both"));
	ctx->socket = ctx_option(global, args, "socket", socket_given ? NULL : "QWEEK_SOCKET");
	ctx->url = socket_given ? NULL : ctx_option(global, args, "url", "QWEEK_URL");
	ctx->token = ctx_option(global, args, "token", "QWEEK_TOKEN");
	if ((ctx->url != NULL && *ctx->url == '\0') ||
	    (ctx->socket != NULL && *ctx->socket == '\0'))
		return util_cause(cause, _("--socket and --url need a value that is not empty"));
	if (ctx->url != NULL)
		ctx->socket = NULL;
	else if (ctx->socket == NULL && (ctx->socket = paths_default_socket(
						 ctx->socket_buf, sizeof ctx->socket_buf)) == NULL)
		return util_cause(cause, _("the default socket path is too long: give --socket"));
	return 0;
}

struct cmd_ctx *ctx_new(const struct cmd_entry *entry, const struct args *global,
			const struct args *args, char **cause)
{
	struct cmd_ctx *ctx = calloc(1, sizeof *ctx);

	if (ctx == NULL) {
		util_cause(cause, _("out of memory"));
		return NULL;
	}
	ctx->entry = entry;
	if (ctx_where(ctx, global, args, cause) == -1) {
		free(ctx);
		return NULL;
	}
	ctx->plan = ctx_option(global, args, "plan", "QWEEK_PLAN");
	ctx->json = args_has(args, "json") || args_has(global, "json");
	ctx->color = output_color();
	ctx->width = output_width();
	return ctx;
}

void ctx_free(struct cmd_ctx *ctx)
{
	if (ctx == NULL)
		return;
	client_free(ctx->client);
	free(ctx);
}

int ctx_json(const struct cmd_ctx *ctx)
{
	return ctx->json;
}

int ctx_color(const struct cmd_ctx *ctx)
{
	return ctx->color;
}

size_t ctx_width(const struct cmd_ctx *ctx)
{
	return ctx->width;
}

const char *ctx_plan(const struct cmd_ctx *ctx)
{
	return ctx->plan != NULL ? ctx->plan : "_";
}

void ctx_set_plan(struct cmd_ctx *ctx, const char *slug)
{
	ctx->plan = slug;
}

/* "qweek: MESSAGE" on stderr, after what is already on stdout. */
static void ctx_say(const char *fmt, va_list ap)
{
	fflush(stdout);
	fputs("qweek: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

enum cmd_retval ctx_usage(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ctx_say(fmt, ap);
	va_end(ap);
	entry_print_usage(stderr, ctx->entry);
	fprintf(stderr, _("see qweek %s --help\n"), ctx->entry->name);
	return CMD_USAGE;
}

enum cmd_retval ctx_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ctx_say(fmt, ap);
	va_end(ap);
	return CMD_REFUSED;
}

static struct client *ctx_client(struct cmd_ctx *ctx)
{
	char *cause = NULL;

	if (ctx->client != NULL)
		return ctx->client;
	ctx->client = client_new(ctx->socket, ctx->url, ctx->token, &cause);
	if (ctx->client == NULL) {
		ctx_fail("%s", cause != NULL ? cause : _("out of memory"));
		free(cause);
	}
	return ctx->client;
}

char *ctx_escape(struct cmd_ctx *ctx, const char *s)
{
	char *e;

	if (ctx_client(ctx) == NULL)
		return NULL;
	if ((e = client_escape(ctx->client, s)) == NULL)
		ctx_fail(_("out of memory"));
	return e;
}

char *ctx_path(struct cmd_ctx *ctx, const char *what, const char *ref, const char *tail)
{
	char *slug, *eref = NULL, *path = NULL;

	if ((slug = ctx_escape(ctx, ctx_plan(ctx))) == NULL)
		return NULL;
	if (ref == NULL || (eref = ctx_escape(ctx, ref)) != NULL) {
		path = util_printf("/api/v1/plans/%s%s%s%s%s%s", slug, what != NULL ? "/" : "",
				   what != NULL ? what : "", eref != NULL ? "/" : "",
				   eref != NULL ? eref : "", tail != NULL ? tail : "");
		if (path == NULL)
			ctx_fail(_("out of memory"));
	}
	free(slug);
	free(eref);
	return path;
}

/* "qweek: warning: TEXT" for each of the reply's warnings. */
static void ctx_warnings(struct jscan *r)
{
	int arr = jscan_get(r, 0, "warnings");
	const char *w;

	for (int t = jscan_first(r, arr); t != -1; t = jscan_next(r, arr, t)) {
		if ((w = jscan_string(r, t)) != NULL)
			fprintf(stderr, _("qweek: warning: %s\n"), w);
	}
}

/* Prints why qweekd refused: its message (candidates are part of it), else its code. */
static enum cmd_retval ctx_refused(struct jscan *r, int status)
{
	const char *msg = NULL;
	int err;

	if (r != NULL) {
		err = jscan_get(r, 0, "error");
		msg = jscan_get_string(r, err, "message");
		if (msg == NULL || *msg == '\0')
			msg = jscan_get_string(r, err, "code");
	}
	if (msg != NULL && *msg != '\0')
		return ctx_fail("%s", msg);
	return ctx_fail(_("qweekd refused the request (HTTP status %d)"), status);
}

enum cmd_retval ctx_request(struct cmd_ctx *ctx, const char *method, const char *path, json_t *body,
			    struct jscan **reply)
{
	struct jscan *r = NULL;
	char *cause = NULL;
	int status;

	*reply = NULL;
	if (ctx_client(ctx) == NULL)
		return CMD_REFUSED;
	if ((status = client_request(ctx->client, method, path, body, &r, &cause)) == -1) {
		ctx_fail("%s", cause != NULL ? cause : _("out of memory"));
		free(cause);
		return CMD_REFUSED;
	}
	fflush(stdout);
	if (r != NULL && ctx->json)
		jscan_keep_raw(r);
	if (r != NULL && jscan_type(r, 0) == JSCAN_OBJECT)
		ctx_warnings(r);
	if (status < 200 || status > 299) {
		ctx_refused(r, status);
		jscan_free(r);
		return CMD_REFUSED;
	}
	if (r == NULL || jscan_type(r, 0) != JSCAN_OBJECT) {
		jscan_free(r);
		return ctx_fail(_("qweekd at %s answered %d without a JSON object"),
				client_where(ctx->client), status);
	}
	*reply = r;
	return CMD_OK;
}

enum cmd_retval ctx_print_reply(struct jscan *reply)
{
	size_t len;
	const char *raw = jscan_raw(reply, &len);

	while (len > 0 && (raw[len - 1] == '\n' || raw[len - 1] == '\r' || raw[len - 1] == ' ' ||
			   raw[len - 1] == '\t'))
		len--;
	fwrite(raw, 1, len, stdout);
	fputc('\n', stdout);
	return CMD_OK;
}

int ctx_request_bytes(struct cmd_ctx *ctx, const char *method, const char *path, const char *type,
		      const char *data, size_t len, char **reply, size_t *reply_len)
{
	char *cause = NULL;
	int status;

	*reply = NULL;
	*reply_len = 0;
	if (ctx_client(ctx) == NULL)
		return -1;
	status = client_request_bytes(ctx->client, method, path, type, data, len, reply, reply_len,
				      &cause);
	if (status == -1) {
		ctx_fail("%s", cause != NULL ? cause : _("out of memory"));
		free(cause);
	}
	fflush(stdout);
	return status;
}
