/* SPDX-License-Identifier: MIT */
#include "core/i18n.h"
#include "report/survey_words.h"

/*
 * Words for people who answer a questionnaire in a lobby, often older, often on a phone for
 * the first time: short sentences, what happens next, what is kept.
 */

enum { NLANG = I18N_NLANG };

static const char *const words[SW_COUNT][NLANG] = {
	[SW_TITLE] = { "Анкета", "Анкета", "Questionnaire" },
	[SW_KEPT] = { "Анкета анонимная. Хранятся только ваши ответы: ни имени, ни сведений о "
		      "вашем устройстве. Его адрес в сети нигде не сохраняется; несколько минут он "
		      "держится в памяти, только чтобы защитить анкету от накрутки.",
		      "Анкета анонімна. Зберігаються лише ваші відповіді: ні імені, ні відомостей "
		      "про ваш пристрій. Його адреса в мережі ніде не зберігається; кілька хвилин "
		      "вона тримається в пам’яті, лише щоб захистити анкету від накруток.",
		      "This questionnaire is anonymous. Only your answers are kept: no name, "
		      "nothing about your device. Its network address is never stored; it is held "
		      "in memory for a few minutes only, to protect the survey from floods." },
	[SW_REQUIRED_NOTE] = { "Вопросы со звёздочкой (*) обязательны, остальные — по желанию.",
			       "Питання із зірочкою (*) обов’язкові, решта — за бажанням.",
			       "Questions marked * must be answered; the others are optional." },
	[SW_REQUIRED] = { "обязательный вопрос", "обов’язкове питання", "required" },
	[SW_SEND] = { "Отправить анкету", "Надіслати анкету", "Send" },
	[SW_PAPER] = { "Ввод бумажной анкеты", "Введення паперової анкети",
		       "Entering a paper questionnaire" },
	[SW_THANKS_TITLE] = { "Спасибо!", "Дякуємо!", "Thank you!" },
	[SW_THANKS] = { "Ваши ответы получены. Анкета ниже снова пустая — для следующего "
			"посетителя.",
			"Ваші відповіді отримано. Анкета нижче знову порожня — для наступного "
			"відвідувача.",
			"Your answers have been received. The form below is empty again, for the "
			"next visitor." },
	[SW_AGAIN] = { "Заполнить новую анкету", "Заповнити нову анкету", "Fill in a new form" },
	[SW_REFUSED_TITLE] = { "Анкета не принята", "Анкету не прийнято", "Not accepted" },
	[SW_BACK] = { "Вернуться к анкете", "Повернутися до анкети", "Back to the form" },
	[SW_USED] = { "Эта анкета уже была отправлена. Если нужно ответить ещё раз, откройте "
		      "новую анкету.",
		      "Цю анкету вже надіслано. Якщо потрібно відповісти ще раз, відкрийте нову "
		      "анкету.",
		      "This form was already sent. To answer again, open a new form." },
	[SW_EXPIRED] = { "Анкета была открыта слишком долго. Откройте новую анкету и заполните "
			 "её ещё раз.",
			 "Анкету було відкрито занадто довго. Відкрийте нову анкету й заповніть "
			 "її ще раз.",
			 "The form was open too long. Open a new form and fill it in again." },
	[SW_TOO_LARGE] = { "Ответы слишком длинные. Сократите, пожалуйста, текст.",
			   "Відповіді занадто довгі. Скоротіть, будь ласка, текст.",
			   "The answers are too long. Please shorten the text." },
	[SW_TOO_MANY] = { "Слишком много анкет отправлено с этого устройства подряд. Подождите "
			  "минуту и отправьте снова.",
			  "Забагато анкет надіслано з цього пристрою поспіль. Зачекайте хвилину "
			  "й надішліть знову.",
			  "Too many forms were sent from this device in a row. Wait a minute and "
			  "send again." },
	[SW_BAD_FORM] = { "Форма пришла повреждённой. Откройте анкету заново.",
			  "Форма надійшла пошкодженою. Відкрийте анкету заново.",
			  "The form arrived damaged. Open the form again." },
	[SW_UNKNOWN_OPTION] = { "такого варианта ответа нет", "такого варіанта відповіді немає",
				"there is no such answer" },
	[SW_TWO_ANSWERS] = { "здесь нужен один ответ", "тут потрібна одна відповідь",
			     "one answer only" },
	[SW_MUST_ANSWER] = { "на этот вопрос нужно ответить", "на це питання потрібно відповісти",
			     "this question must be answered" },
	[SW_NOT_NUMBER] = { "здесь нужно число", "тут потрібне число", "a number is needed" },
	[SW_TOO_LONG] = { "ответ длиннее 1000 знаков", "відповідь довша за 1000 знаків",
			  "the answer is over 1000 characters" },
	[SW_NOTHING] = { "Не отмечено ни одного ответа.", "Не позначено жодної відповіді.",
			 "No question was answered." },
	[SW_UNAVAILABLE] = { "Анкету сейчас не удалось сохранить. Попробуйте ещё раз через "
			     "минуту.",
			     "Анкету зараз не вдалося зберегти. Спробуйте ще раз за хвилину.",
			     "The form could not be saved just now. Try again in a minute." },
	[SW_SECTION] = { "Анкетирование", "Анкетування", "Survey" },
	[SW_RESPONSES] = { "Заполнено анкет", "Заповнено анкет", "Responses" },
	[SW_ANSWERED] = { "ответили", "відповіли", "answered" },
	[SW_ANSWER] = { "Ответ", "Відповідь", "Answer" },
	[SW_COUNT_HEAD] = { "Чел.", "Осіб", "Count" },
	[SW_PERCENT_HEAD] = { "%", "%", "%" },
	[SW_FREE] = { "Ответы своими словами", "Відповіді своїми словами", "Free answers" },
	[SW_NO_RESPONSES] = { "Анкет пока нет.", "Анкет поки немає.", "No responses yet." },
	[SW_CONCLUSIONS] = { "Выводы", "Висновки", "Conclusions" },
	[SW_SURVEY_LINE] = { "Анкет заполнено", "Анкет заповнено", "Survey responses" },
	[SW_POSTER_INVITE] = { "Оцените нашу работу!", "Оцініть нашу роботу!", "Rate our work!" },
	[SW_POSTER_HOW] = { "Наведите камеру телефона на код и ответьте на несколько вопросов. "
			    "Анкета анонимная.",
			    "Наведіть камеру телефона на код і дайте відповідь на кілька питань. "
			    "Анкета анонімна.",
			    "Point your phone's camera at the code and answer a few questions. "
			    "It is anonymous." },
	[SW_PRINT_HOW] = { "Отметьте подходящий ответ: ☐ → ☒. Анкета анонимная.",
			   "Позначте відповідну відповідь: ☐ → ☒. Анкета анонімна.",
			   "Tick the answer that fits: ☐ → ☒. It is anonymous." },
	[SW_PRINT_ONE] = { "один ответ", "одна відповідь", "one answer" },
	[SW_PRINT_MANY] = { "можно несколько ответов", "можна кілька відповідей",
			    "several answers allowed" },
};

const char *survey_word(const char *lang, enum survey_word w)
{
	if ((int)w < 0 || w >= SW_COUNT || words[w][0] == NULL)
		return "?";
	return words[w][i18n_lang(lang)];
}
