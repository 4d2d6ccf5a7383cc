/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "remind/remind_html.h"
#include "remind/remind_invite.h"
#include "remind/remind_link.h"
#include "time/moment.h"

/*
 * What an invitation says. The plain text is complete on its own (a phone's mail app may show
 * only it); the HTML part says the same with the page as a button. The calendar steps are the
 * short form of those on the person's page.
 */

struct invite_words {
	const char *subject; /* "%s": the plan's title */
	const char *hello;   /* "%s": the person */
	const char *intro;   /* "%s%s": the plan's title, " (org)"; then the dates */
	const char *dates;   /* "%s", "%s": the first and the last day */
	const char *explain;
	const char *items, *no_items;
	const char *page, *button, *copy;
	const char *calendar, *subscribe, *webcal, *https;
	const char *apps[5];
	const char *personal, *footer;
};

static const struct invite_words words_ru = {
	"%s: ваша страница и календарь",
	"Здравствуйте, %s!",
	"Вы участвуете в плане «%s»%s.",
	"Даты: %s – %s.",
	"На вашей личной странице — ваши пункты плана. Когда пункт сделан, отметьте его там: одно "
	"нажатие, без пароля, с телефона или компьютера. Напоминания будут приходить со ссылкой на "
	"неё.",
	"Ваши пункты:",
	"Пока пунктов нет: они появятся на странице, когда их назначат.",
	"Ваша страница",
	"Открыть мою страницу",
	"Если кнопка не открывается, откройте эту ссылку:",
	"Календарь на телефоне",
	"Подпишитесь один раз — ваши пункты появятся в календаре и будут обновляться сами.",
	"Подписаться (телефон)",
	"Адрес календаря (скопировать)",
	{ "Android: приложение ICSx⁵ → «+» → вставьте адрес календаря.",
	  "iPhone: нажмите ссылку «Подписаться» выше → «Подписаться» → «Добавить».",
	  "Google Календарь: calendar.google.com → «Другие календари» → «+» → «Добавить по URL».",
	  "Outlook: «Добавить календарь» → «Подписаться из Интернета».",
	  "Thunderbird: «Новый календарь…» → «В сети» → адрес календаря." },
	"Ссылки личные, только для вас: не пересылайте это письмо. Если телефон потерян, попросите "
	"новую ссылку — старая перестанет работать.",
	"Это письмо отправлено автоматически (qweekd).",
};

static const struct invite_words words_uk = {
	"%s: ваша сторінка і календар",
	"Доброго дня, %s!",
	"Ви берете участь у плані «%s»%s.",
	"Дати: %s – %s.",
	"На вашій особистій сторінці — ваші пункти плану. Коли пункт зроблено, позначте його там: "
	"одне натискання, без пароля, з телефона чи комп’ютера. Нагадування надходитимуть із "
	"посиланням на неї.",
	"Ваші пункти:",
	"Поки що пунктів немає: вони з’являться на сторінці, коли їх призначать.",
	"Ваша сторінка",
	"Відкрити мою сторінку",
	"Якщо кнопка не відкривається, відкрийте це посилання:",
	"Календар на телефоні",
	"Підпишіться один раз — ваші пункти з’являться в календарі й оновлюватимуться самі.",
	"Підписатися (телефон)",
	"Адреса календаря (скопіювати)",
	{ "Android: застосунок ICSx⁵ → «+» → вставте адресу календаря.",
	  "iPhone: натисніть посилання «Підписатися» вище → «Підписатися» → «Додати».",
	  "Google Календар: calendar.google.com → «Інші календарі» → «+» → «За URL-адресою».",
	  "Outlook: «Додати календар» → «Підписатися з Інтернету».",
	  "Thunderbird: «Новий календар…» → «У мережі» → адреса календаря." },
	"Посилання особисті, лише для вас: не пересилайте цей лист. Якщо телефон загублено, "
	"попросіть нове посилання — старе перестане працювати.",
	"Цей лист надіслано автоматично (qweekd).",
};

static const struct invite_words words_en = {
	"%s: your page and calendar",
	"Hello %s,",
	"You take part in the plan “%s”%s.",
	"Dates: %s – %s.",
	"Your personal page lists your items of the plan. When one is done, mark it there: one tap, "
	"no password, from a phone or a computer. Reminders will come with a link to it.",
	"Your items:",
	"No items yet: they will show on your page once they are given to you.",
	"Your page",
	"Open my page",
	"If the button does not open, open this link:",
	"Calendar on your phone",
	"Subscribe once: your items appear in your calendar and stay up to date by themselves.",
	"Subscribe (phone)",
	"Calendar address (to copy)",
	{ "Android: the app ICSx⁵ → “+” → paste the calendar address.",
	  "iPhone: tap the “Subscribe” link above → “Subscribe” → “Add”.",
	  "Google Calendar: calendar.google.com → “Other calendars” → “+” → “From URL”.",
	  "Outlook: “Add calendar” → “Subscribe from web”.",
	  "Thunderbird: “New Calendar…” → “On the Network” → the calendar address." },
	"These links are yours alone: do not forward this message. If your phone is lost, ask for "
	"a new link: the old one then stops working.",
	"This message was sent automatically (qweekd).",
};

struct invite_ctx {
	const struct plan *plan;
	FILE *items;
	int count;
};

/* One line of the person's items: "7.2 Title — when" (cancelled ones are left out). */
static int add_item(const struct item *it, void *arg)
{
	struct invite_ctx *x = arg;
	struct remind_item view = { 0 };
	char when[160];

	if (strcmp(it->state, "cancelled") == 0)
		return 0;
	view.kind = (char *)it->kind;
	view.start_at = (char *)it->start_at;
	view.end_at = (char *)it->end_at;
	view.due_at = (char *)it->due_at;
	remind_text_when(&view, x->plan->tz, when, sizeof when);
	if (*it->label != '\0')
		fprintf(x->items, "%s %s — %s\n", it->label, it->title, when);
	else
		fprintf(x->items, "%s — %s\n", it->title, when);
	x->count++;
	return 0;
}

/* "Вы участвуете в плане «…» (org).\nДаты: 06.11.2017 – 10.11.2017." */
static char *intro(const struct plan *p, const struct invite_words *w)
{
	char org[400] = "", a[32], b[32], *s = NULL, *line = NULL, *out = NULL;

	if (*p->org != '\0')
		snprintf(org, sizeof org, " (%s)", p->org);
	moment_human_day(p->first_day, a, sizeof a);
	moment_human_day(p->last_day, b, sizeof b);
	if (asprintf(&s, w->intro, p->title, org) == -1)
		s = NULL;
	if (s != NULL && asprintf(&line, w->dates, a, b) == -1)
		line = NULL;
	if (line != NULL && asprintf(&out, "%s\n%s", s, line) == -1)
		out = NULL;
	free(s);
	free(line);
	return out;
}

static void text_calendar(FILE *f, const struct invite_words *w, const char *http,
			  const char *webcal)
{
	fprintf(f, "\n%s\n%s\n\n%s:\n  %s\n%s:\n  %s\n\n", w->calendar, w->subscribe, w->webcal,
		webcal, w->https, http);
	for (int i = 0; i < 5; i++)
		fprintf(f, "- %s\n", w->apps[i]);
}

static char *text(const struct remind_invite_in *in, const struct invite_words *w, const char *head,
		  const char *items, int count, const char *webcal)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return NULL;
	fprintf(f, w->hello, in->person);
	fprintf(f, "\n\n%s\n\n%s\n\n%s\n", head, w->explain, count > 0 ? w->items : w->no_items);
	for (const char *s = items; count > 0 && *s != '\0'; s++) {
		if (s == items || s[-1] == '\n')
			fputs("  ", f);
		fputc(*s, f);
	}
	fprintf(f, "\n%s:\n  %s\n", w->page, in->page_url);
	if (in->feed_url != NULL)
		text_calendar(f, w, in->feed_url, webcal);
	fprintf(f, "\n%s\n\n-- \n%s\n", w->personal, w->footer);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static char *html(const struct remind_invite_in *in, const struct invite_words *w,
		  const char *subject, const char *head, const char *items, int count,
		  const char *webcal)
{
	struct buf b;
	char apps[2048] = "";
	size_t used = 0;

	buf_init(&b, 8192);
	remind_html_open(&b, in->plan->lang, subject);
	remind_html_pf(&b, w->hello, in->person);
	remind_html_p(&b, head, 0);
	remind_html_p(&b, w->explain, 0);
	remind_html_button(&b, in->page_url, w->button);
	remind_html_link(&b, w->copy, in->page_url);
	remind_html_h(&b, count > 0 ? w->items : w->no_items);
	if (count > 0)
		remind_html_list(&b, items, 0);
	if (in->feed_url != NULL) {
		remind_html_h(&b, w->calendar);
		remind_html_p(&b, w->subscribe, 0);
		remind_html_button(&b, webcal, w->webcal);
		remind_html_link(&b, w->https, in->feed_url);
		for (int i = 0; i < 5 && used < sizeof apps; i++)
			used += (size_t)snprintf(apps + used, sizeof apps - used, "%s%s",
						 i ? "\n" : "", w->apps[i]);
		remind_html_list(&b, apps, 1);
	}
	remind_html_p(&b, w->personal, 1);
	return remind_html_close(&b, w->footer);
}

int remind_invite_text(struct db *db, const struct remind_invite_in *in, struct remind_msg *out,
		       struct error *err)
{
	const char *lang = in->plan->lang;
	const struct invite_words *w = strcmp(lang, "uk") == 0 ? &words_uk :
				       strcmp(lang, "en") == 0 ? &words_en :
								 &words_ru;
	struct invite_ctx x = { .plan = in->plan };
	struct item_filter f = { NULL, in->person_id, 0 };
	char *items = NULL, *head = NULL, webcal[REMIND_URL_MAX + 16] = "";
	size_t len = 0;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if ((x.items = open_memstream(&items, &len)) == NULL)
		return error_set(err, ERR_INTERNAL, "out of memory");
	rc = store_item_each(db, in->plan->id, &f, add_item, &x, err);
	if (fclose(x.items) != 0 && rc == 0)
		rc = error_set(err, ERR_INTERNAL, "out of memory");
	if (rc == -1)
		goto out;
	if (in->feed_url != NULL)
		remind_link_webcal(in->feed_url, webcal, sizeof webcal);
	if (asprintf(&out->subject, w->subject, in->plan->title) == -1)
		out->subject = NULL;
	if (out->subject == NULL || (head = intro(in->plan, w)) == NULL ||
	    (out->body = text(in, w, head, items, x.count, webcal)) == NULL ||
	    (out->html = html(in, w, out->subject, head, items, x.count, webcal)) == NULL) {
		remind_msg_free(out);
		rc = error_set(err, ERR_INTERNAL, "out of memory");
	}
out:
	free(items);
	free(head);
	return rc;
}
