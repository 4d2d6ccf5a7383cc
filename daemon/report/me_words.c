/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "core/i18n.h"
#include "report/me_words.h"

/*
 * The words of the personal page, for people who may never have used a web form to report
 * their work: whole sentences, no jargon, the names apps give their own menus.
 */

enum { RU = I18N_RU, UK = I18N_UK, EN = I18N_EN, NLANG = I18N_NLANG };

static const char *const words[MW_COUNT][NLANG] = {
	[MW_TITLE] = { "Мои мероприятия", "Мої заходи", "My items" },
	[MW_SECTIONS] = { "Разделы страницы", "Розділи сторінки", "Sections of the page" },
	[MW_OVERDUE] = { "Просрочено", "Прострочено", "Overdue" },
	[MW_TODAY] = { "Сегодня", "Сьогодні", "Today" },
	[MW_COMING] = { "Предстоит", "Попереду", "Coming up" },
	[MW_DONE] = { "Выполнено", "Виконано", "Done" },
	[MW_NONE_AT_ALL] = { "Мероприятий, за которые вы отвечаете, пока нет.",
			     "Заходів, за які ви відповідаєте, поки немає.",
			     "You have no items in this plan yet." },
	[MW_WHEN] = { "Когда", "Коли", "When" },
	[MW_WHERE] = { "Где", "Де", "Where" },
	[MW_WITH] = { "Также отвечают", "Також відповідають", "Also responsible" },
	[MW_NOTE] = { "Примечание", "Примітка", "Note" },
	[MW_NOTE_LABEL] = { "Примечание (необязательно): что сделано, сколько пришло",
			    "Примітка (необов’язково): що зроблено, скільки прийшло",
			    "Note (optional): what was done, how many came" },
	[MW_MARK_DONE] = { "Отметить выполненным", "Позначити виконаним", "Mark as done" },
	[MW_REOPEN] = { "Вернуть в работу", "Повернути в роботу", "Reopen" },
	[MW_DONE_BY] = { "Отметил(а)", "Позначив(-ла)", "Marked by" },
	[MW_LATE_BY] = { "Просрочено на", "Прострочено на", "Overdue by" },
	[MW_PRIVATE] = { "Эта страница — только для вас: по её ссылке любой может отмечать ваши "
			 "мероприятия. Не пересылайте её.",
			 "Ця сторінка — лише для вас: за її посиланням будь-хто може позначати "
			 "ваші заходи. Не пересилайте її.",
			 "This page is for you alone: anyone with its link can mark your items. "
			 "Do not forward it." },
	[MW_CALENDAR] = { "Мой календарь", "Мій календар", "My calendar" },
	[MW_CALENDAR_INTRO] = { "Подпишитесь — и ваши мероприятия сами появятся в календаре "
				"телефона или компьютера, с напоминаниями, и будут там обновляться.",
				"Підпишіться — і ваші заходи самі з’являться в календарі телефона "
				"чи комп’ютера, з нагадуваннями, і будуть там оновлюватися.",
				"Subscribe, and your items appear in your phone's or computer's "
				"calendar, with reminders, and stay up to date there." },
	[MW_SUBSCRIBE] = { "Подписаться на календарь", "Підписатися на календар",
			   "Subscribe to my calendar" },
	[MW_COPY_LABEL] = { "Адрес календаря (скопируйте его, если кнопка не сработала)",
			    "Адреса календаря (скопіюйте її, якщо кнопка не спрацювала)",
			    "Calendar address (copy it if the button did not work)" },
	[MW_QR_TITLE] = { "QR-код адреса календаря", "QR-код адреси календаря",
			  "QR code of the calendar address" },
	[MW_QR_CAPTION] = { "Открыли страницу на компьютере? Наведите камеру телефона на этот код.",
			    "Відкрили сторінку на комп’ютері? Наведіть камеру телефона на цей код.",
			    "On a computer? Point your phone's camera at this code." },
	[MW_STEPS] = { "Как подписаться", "Як підписатися", "How to subscribe" },
	[MW_NO_FEED] = { "Календаря для вас пока нет: попросите ссылку у того, кто составляет план.",
			 "Календаря для вас поки немає: попросіть посилання в того, хто складає "
			 "план.",
			 "There is no calendar for you yet: ask whoever writes the plan for its "
			 "link." },
	[MW_BACK] = { "Вернуться к моим мероприятиям", "Повернутися до моїх заходів",
		      "Back to my items" },
	[MW_NOTHING_CHANGED] = { "Ничего не изменено", "Нічого не змінено", "Nothing was changed" },
	[MW_STALE] = { "Это мероприятие изменилось, пока страница была открыта. Посмотрите, каким "
		       "оно стало, и при необходимости отметьте его снова.",
		       "Цей захід змінився, поки сторінка була відкрита. Подивіться, яким він "
		       "став, і за потреби позначте його знову.",
		       "This item changed after you opened the page. Look at it as it is now, and "
		       "mark it again if need be." },
	[MW_ALREADY_DONE] = { "Это мероприятие уже отмечено выполненным",
			      "Цей захід уже позначено виконаним",
			      "This item is already marked done" },
	[MW_ALREADY_OPEN] = { "Это мероприятие уже в работе.", "Цей захід уже в роботі.",
			      "This item is open already." },
	[MW_CANCELLED] = { "Это мероприятие отменено: отметить его нельзя.",
			   "Цей захід скасовано: позначити його не можна.",
			   "This item was cancelled: it cannot be marked." },
	[MW_BAD_FORM_TITLE] = { "Не получилось", "Не вдалося", "That did not work" },
	[MW_BAD_FORM] = { "Форма пришла неполной или испорченной. Откройте страницу заново и "
			  "попробуйте ещё раз.",
			  "Форма прийшла неповною або пошкодженою. Відкрийте сторінку знову й "
			  "спробуйте ще раз.",
			  "The form arrived incomplete or damaged. Open the page again and try "
			  "once more." },
	[MW_TOO_LONG] = { "Примечание слишком длинное: не больше 2000 знаков.",
			  "Примітка задовга: не більше 2000 знаків.",
			  "The note is too long: at most 2000 characters." },
	[MW_GONE_TITLE] = { "Мероприятия нет в вашем списке", "Заходу немає у вашому списку",
			    "Not one of your items" },
	[MW_GONE] = { "Этого мероприятия нет среди ваших: его могли удалить или поручить другому.",
		      "Цього заходу немає серед ваших: його могли видалити або доручити іншому.",
		      "This item is not among yours: it may have been deleted or given to someone "
		      "else." },
	[MW_UNAVAILABLE] = { "Сейчас сохранить отметку не удалось. Попробуйте немного позже.",
			     "Зараз зберегти позначку не вдалося. Спробуйте трохи пізніше.",
			     "The mark could not be saved just now. Try again a little later." },
};

static const struct me_app_steps apps[NLANG][6] = {
	[RU] = {
		{ "Android", "Установите бесплатное приложение ICSx⁵ (Google Play или F-Droid).\n"
			     "Нажмите «Подписаться на календарь» выше — или откройте ICSx⁵, "
			     "нажмите «+» и вставьте адрес календаря.\n"
			     "Мероприятия появятся в приложении «Календарь» телефона." },
		{ "iPhone, iPad", "Нажмите «Подписаться на календарь» выше.\n"
				  "Подтвердите: «Подписаться», затем «Добавить».\n"
				  "Или: Настройки → Календарь → Учётные записи → Новая учётная "
				  "запись → Другое → Подписной календарь, и вставьте адрес." },
		{ "Google Календарь", "Откройте calendar.google.com на компьютере.\n"
				      "Слева, у «Другие календари», нажмите «+» → «Добавить "
				      "по URL».\n"
				      "Вставьте адрес календаря и нажмите «Добавить календарь»: "
				      "он появится и в телефоне." },
		{ "Outlook", "Откройте Календарь в Outlook.\n"
			     "«Добавить календарь» → «Подписаться из Интернета».\n"
			     "Вставьте адрес календаря и подтвердите." },
		{ "Thunderbird", "Календарь → «Новый календарь…» → «В сети».\n"
				 "Вставьте адрес календаря и нажмите «Найти календари».\n"
				 "Выберите календарь и нажмите «Подписаться»." },
		{ NULL, NULL },
	},
	[UK] = {
		{ "Android", "Установіть безкоштовний застосунок ICSx⁵ (Google Play або F-Droid).\n"
			     "Натисніть «Підписатися на календар» вище — або відкрийте ICSx⁵, "
			     "натисніть «+» і вставте адресу календаря.\n"
			     "Заходи з’являться в застосунку «Календар» телефона." },
		{ "iPhone, iPad", "Натисніть «Підписатися на календар» вище.\n"
				  "Підтвердьте: «Підписатися», потім «Додати».\n"
				  "Або: Параметри → Календар → Облікові записи → Додати обліковий "
				  "запис → Інше → Додати підписний календар, і вставте адресу." },
		{ "Google Календар", "Відкрийте calendar.google.com на комп’ютері.\n"
				     "Ліворуч, біля «Інші календарі», натисніть «+» → «За "
				     "URL-адресою».\n"
				     "Вставте адресу календаря й натисніть «Додати календар»: "
				     "він з’явиться і в телефоні." },
		{ "Outlook", "Відкрийте Календар в Outlook.\n"
			     "«Додати календар» → «Підписатися з Інтернету».\n"
			     "Вставте адресу календаря й підтвердьте." },
		{ "Thunderbird", "Календар → «Новий календар…» → «У мережі».\n"
				 "Вставте адресу календаря й натисніть «Знайти календарі».\n"
				 "Виберіть календар і натисніть «Підписатися»." },
		{ NULL, NULL },
	},
	[EN] = {
		{ "Android", "Install the free app ICSx⁵ (Google Play or F-Droid).\n"
			     "Press “Subscribe to my calendar” above — or open ICSx⁵, press “+” "
			     "and paste the calendar address.\n"
			     "Your items appear in the phone's Calendar app." },
		{ "iPhone, iPad", "Press “Subscribe to my calendar” above.\n"
				  "Confirm: “Subscribe”, then “Add”.\n"
				  "Or: Settings → Calendar → Accounts → Add Account → Other → Add "
				  "Subscribed Calendar, and paste the address." },
		{ "Google Calendar", "Open calendar.google.com on a computer.\n"
				     "On the left, next to “Other calendars”, press “+” → “From "
				     "URL”.\n"
				     "Paste the calendar address and press “Add calendar”: it "
				     "shows on your phone too." },
		{ "Outlook", "Open the Calendar in Outlook.\n"
			     "“Add calendar” → “Subscribe from web”.\n"
			     "Paste the calendar address and confirm." },
		{ "Thunderbird", "Calendar → “New Calendar…” → “On the Network”.\n"
				 "Paste the calendar address and press “Find Calendars”.\n"
				 "Choose the calendar and press “Subscribe”." },
		{ NULL, NULL },
	},
};

const char *me_word(const char *lang, enum me_word w)
{
	if ((int)w < 0 || w >= MW_COUNT || words[w][0] == NULL)
		return "?";
	return words[w][i18n_lang(lang)];
}

const struct me_app_steps *me_word_apps(const char *lang)
{
	return apps[i18n_lang(lang)];
}
