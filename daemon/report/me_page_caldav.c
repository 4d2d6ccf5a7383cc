/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "report/me_page.h"
#include "report/report_render.h"

/*
 * Connecting a phone's task app (CalDAV, api/api_dav.h): a task ticked off there is ticked off
 * in the plan. The person makes an app password here, sees it once, and may revoke it; the
 * page is reached from the person's page (?caldav=1) and its forms post to the same URL.
 */

enum cw {
	CW_LINK_HEAD,
	CW_LINK,
	CW_TITLE,
	CW_INTRO,
	CW_URL,
	CW_LOGIN,
	CW_NEW_HEAD,
	CW_NEW_ONCE,
	CW_LABEL,
	CW_MAKE,
	CW_MADE_HEAD,
	CW_NONE,
	CW_REVOKE,
	CW_STEPS,
	CW_BACK,
	CW_COUNT
};

static const char *const words_ru[CW_COUNT] = {
	"Приложение задач на телефоне",
	"Подключить приложение задач телефона",
	"Подключить приложение задач",
	"Задачи появятся в приложении задач телефона (Tasks.org через DAVx⁵, «Напоминания» "
	"iPhone, Thunderbird). Отметка «выполнено» там отмечает пункт здесь — от вашего имени.",
	"Адрес сервера",
	"Имя пользователя",
	"Новый пароль приложения",
	"Пароль показан один раз: введите его в приложении сейчас.",
	"Для какого устройства (необязательно)",
	"Сделать пароль приложения",
	"Пароли приложений",
	"Паролей пока нет.",
	"Отозвать",
	"Как подключить",
	"Вернуться на мою страницу",
};

static const char *const words_uk[CW_COUNT] = {
	"Застосунок завдань на телефоні",
	"Під’єднати застосунок завдань телефона",
	"Під’єднати застосунок завдань",
	"Завдання з’являться в застосунку завдань телефона (Tasks.org через DAVx⁵, "
	"«Нагадування» iPhone, Thunderbird). Позначка «виконано» там позначає пункт тут — від "
	"вашого імені.",
	"Адреса сервера",
	"Ім’я користувача",
	"Новий пароль застосунку",
	"Пароль показано один раз: введіть його в застосунку зараз.",
	"Для якого пристрою (необов’язково)",
	"Зробити пароль застосунку",
	"Паролі застосунків",
	"Паролів поки немає.",
	"Відкликати",
	"Як під’єднати",
	"Повернутися на мою сторінку",
};

static const char *const words_en[CW_COUNT] = {
	"Task app on the phone",
	"Connect my phone's task app",
	"Connect a task app",
	"Your items appear in your phone's task app (Tasks.org through DAVx⁵, iPhone Reminders, "
	"Thunderbird). Ticking one off there marks it done here, in your name.",
	"Server address",
	"User name",
	"New app password",
	"The password is shown only now: type it into the app.",
	"For which device (optional)",
	"Make an app password",
	"App passwords",
	"No passwords yet.",
	"Revoke",
	"How to connect",
	"Back to my page",
};

/* The usual apps' steps, one line each (our own text: no markup). */
static const char *const steps_ru[] = {
	"Android: Tasks.org и DAVx⁵",
	"В DAVx⁵: «+» → «Вход по URL и имени пользователя»; адрес сервера, имя пользователя и "
	"пароль приложения отсюда.\nВключите коллекцию «Задачи» и выберите Tasks.org.",
	"iPhone: «Напоминания»",
	"Настройки → Напоминания → Учётные записи → Добавить → Другое → Учётная запись CalDAV.\n"
	"Сервер: адрес сервера; пользователь и пароль приложения отсюда.",
	"Thunderbird",
	"Задачи → Новый календарь → В сети → имя пользователя и адрес сервера.\nПароль: пароль "
	"приложения отсюда.",
	NULL,
};

static const char *const steps_en[] = {
	"Android: Tasks.org and DAVx⁵",
	"In DAVx⁵: \"+\" → \"Login with URL and user name\"; the server address, user name and an "
	"app password from here.\nTurn on the tasks collection and choose Tasks.org.",
	"iPhone: Reminders",
	"Settings → Reminders → Accounts → Add Account → Other → Add CalDAV Account.\nServer: the "
	"server address; user name and app password from here.",
	"Thunderbird",
	"Tasks → New Calendar → On the Network → the user name and the server address.\nPassword: "
	"an app password from here.",
	NULL,
};

static const char *cw(const char *lang, enum cw w)
{
	if (strcmp(lang, "uk") == 0)
		return words_uk[w];
	if (strcmp(lang, "en") == 0)
		return words_en[w];
	return words_ru[w];
}

void me_page_caldav_link(struct buf *b, const char *lang)
{
	buf_printf(b,
		   "<section id=\"tasks-app\" aria-labelledby=\"h-tasks-app\">\n"
		   "<h2 id=\"h-tasks-app\">%s</h2>\n"
		   "<p><a class=\"button\" href=\"?caldav=1\">%s</a></p>\n</section>\n",
		   cw(lang, CW_LINK_HEAD), cw(lang, CW_LINK));
}

static void field(struct buf *b, const char *id, const char *label, const char *value)
{
	buf_printf(b,
		   "<label for=\"%s\">%s</label>\n<input class=\"url\" id=\"%s\" type=\"text\" "
		   "readonly value=\"",
		   id, label, id);
	rbuf_html(b, value);
	buf_add_str(b, "\">\n");
}

static void steps(struct buf *b, const char *lang)
{
	const char *const *s = strcmp(lang, "en") == 0 ? steps_en : steps_ru;

	buf_printf(b, "<h2>%s</h2>\n", cw(lang, CW_STEPS));
	for (; s[0] != NULL; s += 2) {
		const char *t = s[1];
		buf_add_str(b, "<details>\n<summary>");
		rbuf_html(b, s[0]);
		buf_add_str(b, "</summary>\n<ol>\n");
		while (*t != '\0') {
			size_t n = strcspn(t, "\n");
			buf_add_str(b, "<li>");
			buf_add(b, t, n);
			buf_add_str(b, "</li>\n");
			t += n + (t[n] == '\n');
		}
		buf_add_str(b, "</ol>\n</details>\n");
	}
}

static void passwords(struct buf *b, const struct me_caldav *c)
{
	buf_printf(b, "<h2>%s</h2>\n", cw(c->lang, CW_MADE_HEAD));
	if (c->npasswords == 0)
		buf_printf(b, "<p>%s</p>\n", cw(c->lang, CW_NONE));
	buf_add_str(b, "<ul class=\"items\">\n");
	for (size_t i = 0; i < c->npasswords; i++) {
		const struct me_app_password *p = &c->passwords[i];
		buf_printf(b, "<li class=\"item\" id=\"password-%lld\">\n<h3>", (long long)p->id);
		rbuf_html(b, *p->label != '\0' ? p->label : "—");
		buf_add_str(b, "</h3>\n<p>");
		rbuf_html(b, p->created);
		buf_printf(b,
			   "</p>\n<form method=\"post\"><input type=\"hidden\" name=\"password\" "
			   "value=\"%lld\"><button type=\"submit\" name=\"action\" "
			   "value=\"app-password-revoke\" class=\"secondary\">%s</button></form>\n"
			   "</li>\n",
			   (long long)p->id, cw(c->lang, CW_REVOKE));
	}
	buf_add_str(b, "</ul>\n");
}

void me_page_caldav(struct buf *b, const struct me_caldav *c)
{
	const char *l = c->lang;

	me_page_open(b, l, cw(l, CW_TITLE));
	buf_add_str(b, "<main>\n<h1>");
	rbuf_html(b, cw(l, CW_TITLE));
	buf_add_str(b, "</h1>\n<p class=\"who\">");
	rbuf_html(b, c->person);
	buf_printf(b, "</p>\n<p>%s</p>\n", cw(l, CW_INTRO));
	field(b, "dav-url", cw(l, CW_URL), c->url);
	field(b, "dav-login", cw(l, CW_LOGIN), c->login);
	if (c->new_password != NULL) {
		buf_printf(b,
			   "<section class=\"private\" aria-labelledby=\"h-new\">\n"
			   "<h2 id=\"h-new\">%s</h2>\n<p>%s</p>\n",
			   cw(l, CW_NEW_HEAD), cw(l, CW_NEW_ONCE));
		field(b, "dav-password", cw(l, CW_NEW_HEAD), c->new_password);
		buf_add_str(b, "</section>\n");
	}
	buf_printf(
		b,
		"<form method=\"post\">\n<label for=\"label\">%s</label>\n"
		"<input class=\"url\" id=\"label\" name=\"label\" type=\"text\" maxlength=\"60\">\n"
		"<button type=\"submit\" name=\"action\" value=\"app-password\">%s</button>\n"
		"</form>\n",
		cw(l, CW_LABEL), cw(l, CW_MAKE));
	passwords(b, c);
	steps(b, l);
	buf_printf(b, "<p><a class=\"button\" href=\"?back=1\">%s</a></p>\n</main>\n",
		   cw(l, CW_BACK));
	report_html_close(b);
}
