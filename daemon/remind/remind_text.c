/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "time/moment.h"
#include "core/buf.h"
#include "remind/remind_html.h"
#include "remind/remind_text.h"
#include "utf8.h"

/* The words of the messages, one table per language, and how a message is put together. */

#define SUBJECT_TITLE_CHARS 80

struct words {
	const char *subject[5]; /* by enum remind_msg_kind (not the digest) */
	const char *hello;	/* "%s": the person */
	const char *intro[5];	/* "%s": the plan's title */
	const char *when, *due, *where, *who, *nobody, *by;
	const char *done_hint, *calendar, *footer;
	const char *act;     /* before the item's link on the person's page */
	const char *command; /* before the qweek command, when there is a link */
	const char *button, *copy, *personal, *page;
};

static const struct words words_ru = {
	{ "Напоминание", "Срок", "Просрочено", "Просрочено (копия директору)",
	  "Проверка напоминаний qweek" },
	"Здравствуйте, %s!",
	{ "Напоминаем о пункте плана «%s»:", "Напоминаем о сроке по плану «%s»:",
	  "Срок прошёл, а пункт плана «%s» не отмечен выполненным:",
	  "Копия для директора: пункт плана «%s» просрочен.",
	  "Это проверочное сообщение: qweekd может доставлять вам напоминания по плану «%s»." },
	"Когда",
	"Срок",
	"Где",
	"Ответственные",
	"никто не назначен",
	"до",
	"Когда будет сделано, отметьте:",
	"Календарь",
	"Это письмо отправлено автоматически (qweekd).",
	"Открыть и отметить выполненным (одно нажатие, без пароля):",
	"Или командой:",
	"Открыть и отметить",
	"Если кнопка не открывается, откройте эту ссылку:",
	"Ссылка личная, только для вас: не пересылайте это письмо.",
	"Ваша страница",
};

static const struct words words_uk = {
	{ "Нагадування", "Термін", "Прострочено", "Прострочено (копія директору)",
	  "Перевірка нагадувань qweek" },
	"Доброго дня, %s!",
	{ "Нагадуємо про пункт плану «%s»:", "Нагадуємо про термін за планом «%s»:",
	  "Термін минув, а пункт плану «%s» не позначено виконаним:",
	  "Копія для директора: пункт плану «%s» прострочено.",
	  "Це перевірочне повідомлення: qweekd може надсилати вам нагадування за планом «%s»." },
	"Коли",
	"Термін",
	"Де",
	"Відповідальні",
	"нікого не призначено",
	"до",
	"Коли буде зроблено, позначте:",
	"Календар",
	"Цей лист надіслано автоматично (qweekd).",
	"Відкрити й позначити виконаним (одне натискання, без пароля):",
	"Або командою:",
	"Відкрити й позначити",
	"Якщо кнопка не відкривається, відкрийте це посилання:",
	"Посилання особисте, лише для вас: не пересилайте цей лист.",
	"Ваша сторінка",
};

static const struct words words_en = {
	{ "Reminder", "Due", "Overdue", "Overdue (director's copy)", "qweek reminder test" },
	"Hello %s,",
	{ "A reminder about an item of the plan “%s”:", "A deadline of the plan “%s” is coming:",
	  "This item of the plan “%s” is past its deadline and not marked done:",
	  "Director's copy: an item of the plan “%s” is overdue.",
	  "This is a test: qweekd can deliver the reminders of the plan “%s” to you." },
	"When",
	"Due",
	"Where",
	"Responsible",
	"nobody assigned",
	"by",
	"When it is done, mark it:",
	"Calendar",
	"This message was sent automatically (qweekd).",
	"Open it and mark it done (one tap, no password):",
	"Or with a command:",
	"Open and mark done",
	"If the button does not open, open this link:",
	"This link is yours alone: do not forward this message.",
	"Your page",
};

static const struct words *words_of(const char *lang)
{
	if (strcmp(lang, "uk") == 0)
		return &words_uk;
	if (strcmp(lang, "en") == 0)
		return &words_en;
	return &words_ru;
}

enum remind_msg_kind remind_text_kind(const struct remind_item *it, const char *rule, int copy)
{
	if (strcmp(rule, "digest") == 0)
		return REMIND_MSG_DIGEST;
	if (it == NULL)
		return REMIND_MSG_TEST;
	if (strcmp(rule, REMIND_OVERDUE_RULE) == 0)
		return copy ? REMIND_MSG_COPY : REMIND_MSG_OVERDUE;
	return strcmp(it->kind, "deadline") == 0 ? REMIND_MSG_DEADLINE : REMIND_MSG_EVENT;
}

/* A stored time ("…Z", "YYYY-MM-DD", "YYYY-MM") as people read it; its day into DAY. */
static void human(const char *stored, const char *tz, char *buf, size_t len, char day[16])
{
	struct tm tm = { 0 };
	int y, m;

	day[0] = '\0';
	if (strlen(stored) == 20 && strptime(stored, "%Y-%m-%dT%H:%M:%SZ", &tm) != NULL) {
		moment_human_instant((int64_t)timegm(&tm), tz, buf, len);
		snprintf(day, 16, "%.10s", buf);
	} else if (strlen(stored) == 10) {
		moment_human_day(stored, buf, len);
		snprintf(day, 16, "%s", buf);
	} else if (strlen(stored) == 7 && sscanf(stored, "%4d-%2d", &y, &m) == 2) {
		snprintf(buf, len, "%02d.%04d", m, y);
	} else {
		snprintf(buf, len, "%s", stored);
	}
}

void remind_text_when(const struct remind_item *it, const char *tz, char *buf, size_t len)
{
	char a[64], b[64], day_a[16], day_b[16];

	if (strcmp(it->kind, "deadline") == 0) {
		human(it->due_at, tz, buf, len, day_a);
		return;
	}
	human(it->start_at, tz, a, sizeof a, day_a);
	if (*it->end_at == '\0') {
		snprintf(buf, len, "%s", a);
		return;
	}
	human(it->end_at, tz, b, sizeof b, day_b);
	if (*day_a != '\0' && strcmp(day_a, day_b) == 0 && strlen(b) > 11)
		snprintf(buf, len, "%s–%s", a, b + 11); /* "14.11.2017 09:00–18:00" */
	else
		snprintf(buf, len, "%s – %s", a, b);
}

/* REF as a shell word: itself when it is plain ("7.2", "@12"), else in single quotes. */
static void shell_word(const char *ref, char *buf, size_t len)
{
	size_t used = 0;

	if (*ref != '\0' && strspn(ref, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
					"0123456789.@_-") == strlen(ref)) {
		snprintf(buf, len, "%s", ref);
		return;
	}
	used += (size_t)snprintf(buf, len, "'");
	for (const char *s = ref; *s != '\0' && used + 5 < len; s++)
		used += (size_t)snprintf(buf + used, len - used, *s == '\'' ? "'\\''" : "%c", *s);
	snprintf(buf + used, len - used, "'");
}

void remind_text_done_command(const char *ref, const char *slug, int several_plans, char *buf,
			      size_t len)
{
	char word[160];

	shell_word(ref, word, sizeof word);
	if (several_plans)
		snprintf(buf, len, "qweek --plan %s done %s", slug, word);
	else
		snprintf(buf, len, "qweek done %s", word);
}

/* TITLE cut to SUBJECT_TITLE_CHARS characters (with "…"), into BUF of 4 * that + 8. */
static void short_title(const char *title, char *buf)
{
	const char *s = title;
	char *p = buf;
	uint32_t cp;
	int n = 0;

	while ((cp = utf8_next(&s)) != 0 && n++ < SUBJECT_TITLE_CHARS)
		p += utf8_put(p, cp == '\n' || cp == '\r' || cp == '\t' ? ' ' : cp);
	if (cp != 0)
		p += utf8_put(p, 0x2026);
	*p = '\0';
}

static char *subject(const struct remind_msg_in *in, const struct words *w, const char *when)
{
	char title[4 * SUBJECT_TITLE_CHARS + 8], *s = NULL;
	const char *head = w->subject[in->kind];
	int rc;

	if (in->item == NULL)
		return strdup(head);
	short_title(in->item->title, title);
	if (in->kind == REMIND_MSG_EVENT)
		rc = asprintf(&s, "%s: %s %s — %s", head, in->ref, title, when);
	else if (in->kind == REMIND_MSG_DEADLINE)
		rc = asprintf(&s, "%s: %s %s — %s %s", head, in->ref, title, w->by, when);
	else
		rc = asprintf(&s, "%s: %s %s", head, in->ref, title);
	return rc == -1 ? NULL : s;
}

/* The item's details, one "Name: value" a line: when, where, who. Malloc'd; NULL. */
static char *details(const struct remind_item *it, const struct words *w, const char *when)
{
	int deadline = strcmp(it->kind, "deadline") == 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return NULL;
	fprintf(f, "%s: %s%s%s\n", deadline ? w->due : w->when, deadline ? w->by : "",
		deadline ? " " : "", when);
	if (*it->place != '\0')
		fprintf(f, "%s: %s\n", w->where, it->place);
	fprintf(f, "%s: ", w->who);
	if (*it->who == '\0')
		fputs(w->nobody, f);
	for (const char *s = it->who; *s != '\0'; s++)
		if (*s == '\x1f')
			fputs(", ", f);
		else
			fputc(*s, f);
	fputc('\n', f);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Where the message sends its reader: the item on their page, their page, or nowhere (""). */
static void target(const struct remind_msg_in *in, char *buf, size_t len)
{
	*buf = '\0';
	if (in->page_url == NULL || *in->page_url == '\0' || in->kind == REMIND_MSG_COPY)
		return;
	if (in->item != NULL)
		snprintf(buf, len, "%s#item-%lld", in->page_url, (long long)in->item->id);
	else
		snprintf(buf, len, "%s", in->page_url);
}

/* The item's lines of the body: what, its details, and how to mark it done. */
static void item_lines(FILE *f, const struct remind_msg_in *in, const struct words *w,
		       const char *info, const char *link)
{
	fprintf(f, "  %s %s\n", in->ref, in->item->title);
	for (const char *s = info; *s != '\0'; s++) {
		if (s == info || s[-1] == '\n')
			fputs("  ", f);
		fputc(*s, f);
	}
	fputc('\n', f);
	if (in->kind == REMIND_MSG_COPY)
		return;
	if (*link != '\0')
		fprintf(f, "%s\n  %s\n\n%s\n  %s\n", w->act, link, w->command, in->done_command);
	else
		fprintf(f, "%s\n  %s\n", w->done_hint, in->done_command);
}

static char *body(const struct remind_msg_in *in, const struct words *w, const char *info,
		  const char *link)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return NULL;
	fprintf(f, w->hello, in->person);
	fputs("\n\n", f);
	fprintf(f, w->intro[in->kind], in->plan->title);
	fputs("\n\n", f);
	if (in->item != NULL)
		item_lines(f, in, w, info, link);
	else if (*link != '\0')
		fprintf(f, "%s:\n  %s\n", w->page, link);
	if (in->feed_url != NULL && *in->feed_url != '\0')
		fprintf(f, "\n%s: %s\n", w->calendar, in->feed_url);
	if (*link != '\0')
		fprintf(f, "\n%s\n", w->personal);
	fprintf(f, "\n-- \n%s\n", w->footer);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The HTML part: only for a message with a link to act on. */
static char *html(const struct remind_msg_in *in, const struct words *w, const char *subject,
		  const char *info, const char *link)
{
	struct buf b;
	char *head = NULL;

	buf_init(&b, 4096);
	remind_html_open(&b, in->plan->lang, subject);
	remind_html_pf(&b, w->hello, in->person);
	remind_html_pf(&b, w->intro[in->kind], in->plan->title);
	if (in->item != NULL && asprintf(&head, "%s %s", in->ref, in->item->title) == -1) {
		head = NULL;
		b.failed = 1;
	}
	if (head != NULL)
		remind_html_box(&b, head, info);
	free(head);
	remind_html_button(&b, link, in->item != NULL ? w->button : w->page);
	remind_html_link(&b, w->copy, link);
	remind_html_p(&b, w->personal, 1);
	return remind_html_close(&b, w->footer);
}

int remind_text_build(const struct remind_msg_in *in, struct remind_msg *out)
{
	const struct words *w = words_of(in->plan->lang);
	char when[160] = "", link[800];
	char *info = NULL;

	memset(out, 0, sizeof *out);
	if (in->item != NULL) {
		remind_text_when(in->item, in->plan->tz, when, sizeof when);
		if ((info = details(in->item, w, when)) == NULL)
			return -1;
	}
	target(in, link, sizeof link);
	out->subject = subject(in, w, when);
	out->body = body(in, w, info != NULL ? info : "", link);
	if (*link != '\0' && out->subject != NULL)
		out->html = html(in, w, out->subject, info != NULL ? info : "", link);
	free(info);
	if (out->subject == NULL || out->body == NULL || (*link != '\0' && out->html == NULL)) {
		remind_msg_free(out);
		return -1;
	}
	return 0;
}

void remind_msg_free(struct remind_msg *m)
{
	free(m->subject);
	free(m->body);
	free(m->html);
	m->subject = m->body = m->html = NULL;
}
