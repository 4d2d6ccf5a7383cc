/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

/* Words as people in a Russian, Ukrainian or English-speaking institution would write them. */

enum { RU = I18N_RU, UK = I18N_UK, EN = I18N_EN, NLANG = I18N_NLANG };

static const char *const words[W_COUNT][NLANG] = {
	[W_STATUS_TITLE] = { "Ход выполнения плана", "Хід виконання плану", "Plan progress" },
	[W_REPORT_TITLE] = { "Аналитический отчёт", "Аналітичний звіт", "Analytical report" },
	[W_AS_OF] = { "Данные на", "Дані на", "As of" },
	[W_TOTAL] = { "Всего", "Усього", "Total" },
	[W_DONE] = { "Выполнено", "Виконано", "Done" },
	[W_OPEN] = { "Не выполнено", "Не виконано", "Open" },
	[W_OVERDUE] = { "Просрочено", "Прострочено", "Overdue" },
	[W_CANCELLED] = { "Отменено", "Скасовано", "Cancelled" },
	[W_OF] = { "из", "з", "of" },
	[W_BY_PERSON] = { "По ответственным", "За відповідальними", "By responsible person" },
	[W_PERSON] = { "Ответственный", "Відповідальний", "Responsible" },
	[W_WEEK] = { "Неделя по дням", "Тиждень по днях", "The week day by day" },
	[W_OVERDUE_ITEMS] = { "Просроченные мероприятия", "Прострочені заходи", "Overdue items" },
	[W_DUE_SOON] = { "В ближайшие 48 часов", "Найближчі 48 годин", "Due in the next 48 hours" },
	[W_NOTES] = { "Отметки о выполнении", "Відмітки про виконання", "Completion notes" },
	[W_BEFORE_WEEK] = { "До начала недели", "До початку тижня", "Before the week" },
	[W_AFTER_WEEK] = { "После недели", "Після тижня", "After the week" },
	[W_NOTHING] = { "нет мероприятий", "немає заходів", "nothing planned" },
	[W_LABEL] = { "№", "№", "No." },
	[W_ITEM] = { "Мероприятие", "Захід", "Item" },
	[W_PLANNED] = { "Срок", "Термін", "Planned" },
	[W_WHO] = { "Ответственные", "Відповідальні", "Responsible" },
	[W_COMPLETED] = { "Выполнено (когда, кем)", "Виконано (коли, ким)",
			  "Completed (when, by whom)" },
	[W_OUTCOME] = { "Результат", "Результат", "Outcome" },
	[W_NOTE] = { "Примечание", "Примітка", "Note" },
	[W_ON_TIME] = { "в срок", "вчасно", "on time" },
	[W_LATE_BY] = { "с опозданием на", "із запізненням на", "late by" },
	[W_NOT_DONE] = { "не выполнено", "не виконано", "not done" },
	[W_IN_PROGRESS] = { "в работе", "у роботі", "in progress" },
	[W_STATE_CANCELLED] = { "отменено", "скасовано", "cancelled" },
	[W_DONE_ON_TIME] = { "Выполнено в срок", "Виконано вчасно", "Done on time" },
	[W_DONE_LATE] = { "Выполнено с опозданием", "Виконано із запізненням", "Done late" },
	[W_TOTALS] = { "Итоги", "Підсумки", "Totals" },
	[W_ITEMS] = { "Мероприятия", "Заходи", "Items" },
	[W_DUE_BY] = { "до", "до", "by" },
	[W_SHARE_ON_TIME] = { "Доля выполненных в срок", "Частка виконаних вчасно",
			      "Share done on time" },
	[W_REFRESH_NOTE] = { "Страница обновляется каждые 5 минут.",
			     "Сторінка оновлюється кожні 5 хвилин.",
			     "This page refreshes every 5 minutes." },
	[W_DAYS_LATE_HEAD] = { "Опоздание", "Запізнення", "Late by" },
	[W_ORG] = { "Учреждение", "Установа", "Institution" },
	[W_PERIOD] = { "Период", "Період", "Period" },
	[W_OVERDUE_BY] = { "просрочено на", "прострочено на", "overdue by" },
	/* "5 из 16 запланированных": the base of the done share (report_share_text). */
	[W_OF_PLANNED] = { "запланированных", "запланованих", "planned" },
};

static const char *const weekdays[NLANG][7] = {
	{ "Вс", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб" },
	{ "Нд", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб" },
	{ "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" },
};

enum i18n_lang i18n_lang(const char *lang)
{
	if (lang != NULL && strcmp(lang, "uk") == 0)
		return I18N_UK;
	if (lang != NULL && strcmp(lang, "en") == 0)
		return I18N_EN;
	return I18N_RU;
}

const char *i18n(const char *lang, enum i18n_word w)
{
	if ((int)w < 0 || w >= W_COUNT || words[w][0] == NULL)
		return "?";
	return words[w][i18n_lang(lang)];
}

const char *i18n_weekday(const char *lang, int wday)
{
	return weekdays[i18n_lang(lang)][((wday % 7) + 7) % 7];
}

/* Slavic plural forms: one (1, 21), few (2-4, 22-24), many (0, 5-20, 25...). */
static int slavic_form(int64_t n)
{
	int64_t d = n % 10, h = n % 100;

	if (d == 1 && h != 11)
		return 0;
	if (d >= 2 && d <= 4 && (h < 12 || h > 14))
		return 1;
	return 2;
}

char *i18n_days(const char *lang, int64_t days, char *buf, size_t len)
{
	static const char *const ru[3] = { "день", "дня", "дней" };
	static const char *const uk[3] = { "день", "дні", "днів" };
	int l = i18n_lang(lang);

	if (l == EN)
		snprintf(buf, len, "%lld day%s", (long long)days, days == 1 ? "" : "s");
	else
		snprintf(buf, len, "%lld %s", (long long)days,
			 (l == RU ? ru : uk)[slavic_form(days)]);
	return buf;
}

char *i18n_duration(const char *lang, int64_t seconds, char *buf, size_t len)
{
	static const char *const hours[NLANG] = { "ч", "год", "h" };
	static const char *const minutes[NLANG] = { "мин", "хв", "min" };
	int l = i18n_lang(lang);
	int64_t d, h, m;
	char days[48];

	if (seconds < 0)
		seconds = 0;
	d = seconds / 86400;
	h = seconds % 86400 / 3600;
	m = seconds % 3600 / 60;
	if (d > 0 && h > 0)
		snprintf(buf, len, "%s %lld %s", i18n_days(lang, d, days, sizeof days),
			 (long long)h, hours[l]);
	else if (d > 0)
		snprintf(buf, len, "%s", i18n_days(lang, d, days, sizeof days));
	else if (h > 0)
		snprintf(buf, len, "%lld %s", (long long)h, hours[l]);
	else
		snprintf(buf, len, "%lld %s", (long long)(m > 0 ? m : 1), minutes[l]);
	return buf;
}
