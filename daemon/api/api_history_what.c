/* SPDX-License-Identifier: MIT */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_history.h"
#include "core/buf.h"

/*
 * A change in a sentence, in the plan's language, from the rows it touched: «пункт 3
 * «Семинар»: открыт → выполнен», «добавлен человек «Иванова А. П.»». The rows are the JSON the
 * history's triggers wrote; what people never read (sort keys, instants, versions) is left out.
 */

enum hw {
	HW_ITEM,
	HW_PERSON,
	HW_GROUP,
	HW_PLAN,
	HW_REMIND,
	HW_ADDED,
	HW_REMOVED,
	HW_OPEN,
	HW_DONE,
	HW_CANCELLED,
	HW_IN_GROUP,
	HW_OUT_GROUP,
	HW_WHO,
	HW_MORE,
	HW_UNDO,
	HW_COUNT
};

static const char *const hw_ru[HW_COUNT] = {
	"пункт",
	"человек",
	"группа",
	"план",
	"напоминания",
	"добавлен",
	"удалён",
	"открыт",
	"выполнен",
	"отменён",
	"в группе",
	"вышел из группы",
	"ответственные изменены",
	"и ещё",
	"отмена изменения",
};
static const char *const hw_uk[HW_COUNT] = {
	"пункт",
	"особа",
	"група",
	"план",
	"нагадування",
	"додано",
	"вилучено",
	"відкрито",
	"виконано",
	"скасовано",
	"у групі",
	"вийшов з групи",
	"відповідальних змінено",
	"і ще",
	"скасування зміни",
};
static const char *const hw_en[HW_COUNT] = {
	"item",
	"person",
	"group",
	"plan",
	"reminders",
	"added",
	"removed",
	"open",
	"done",
	"cancelled",
	"in group",
	"left group",
	"responsible changed",
	"and",
	"undo of change",
};

static const char *hw(const char *lang, enum hw w)
{
	if (strcmp(lang, "uk") == 0)
		return hw_uk[w];
	if (strcmp(lang, "en") == 0)
		return hw_en[w];
	return hw_ru[w];
}

/* Fields people read, shown as "field: «old» → «new»" (the state has its own words). */
struct shown_field {
	const char *column, *ru, *uk, *en;
};

static const struct shown_field shown[] = {
	{ "label", "номер", "номер", "number" },
	{ "title", "название", "назва", "title" },
	{ "when_text", "когда", "коли", "when" },
	{ "description", "описание", "опис", "description" },
	{ "place", "место", "місце", "where" },
	{ "note", "заметка", "примітка", "note" },
	{ "name", "имя", "ім’я", "name" },
	{ "role", "роль", "роль", "role" },
	{ "email", "почта", "пошта", "e-mail" },
	{ "slug", "slug", "slug", "slug" },
	{ "org", "организация", "організація", "organisation" },
	{ "first_day", "с", "з", "from" },
	{ "last_day", "по", "по", "to" },
	{ "tz", "часовой пояс", "часовий пояс", "time zone" },
	{ "lang", "язык", "мова", "language" },
	{ "events", "события", "події", "events" },
	{ "deadlines", "сроки", "терміни", "deadlines" },
	{ "overdue", "просрочено", "прострочено", "overdue" },
	{ "rules", "правила", "правила", "rules" },
	{ NULL, NULL, NULL, NULL },
};

static const char *field_word(const char *lang, const struct shown_field *f)
{
	if (strcmp(lang, "uk") == 0)
		return f->uk;
	if (strcmp(lang, "en") == 0)
		return f->en;
	return f->ru;
}

static const char *state_word(const char *lang, const char *s)
{
	if (s == NULL)
		return "";
	if (strcmp(s, "done") == 0)
		return hw(lang, HW_DONE);
	if (strcmp(s, "cancelled") == 0)
		return hw(lang, HW_CANCELLED);
	return hw(lang, HW_OPEN);
}

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s != NULL ? s : "";
}

static void what_fields(struct buf *b, const char *lang, json_t *old, json_t *new)
{
	const char *os = str(old, "state"), *ns = str(new, "state");
	int n = 0;

	if (strcmp(os, ns) != 0)
		buf_printf(b, "%s%s → %s", n++ ? "; " : ": ", state_word(lang, os),
			   state_word(lang, ns));
	for (const struct shown_field *f = shown; f->column != NULL; f++) {
		json_t *a = json_object_get(old, f->column), *z = json_object_get(new, f->column);
		if (a == NULL || json_equal(a, z))
			continue;
		buf_printf(b, "%s%s: «%s» → «%s»", n++ ? "; " : ": ", field_word(lang, f),
			   json_is_string(a) ? json_string_value(a) : "",
			   json_is_string(z) ? json_string_value(z) : "");
	}
}

/* One row in words into B; 0 when it says nothing of its own (an item's assignments). */
static int what_row(struct api_what *x, const struct change_row *r, json_t *old, json_t *new,
		    struct buf *b)
{
	json_t *o = old != NULL ? old : new;
	const char *lang = x->lang, *op = old == NULL ? hw(lang, HW_ADDED) :
					  new == NULL ? hw(lang, HW_REMOVED) :
							NULL;
	char a[200], g[200];

	if (strcmp(r->tbl, "items") == 0) {
		const char *label = str(o, "label");
		buf_printf(b, "%s %s%s«%s»", hw(lang, HW_ITEM), *label ? label : "",
			   *label ? " " : "", str(new != NULL ? new : old, "title"));
		if (*x->ref == '\0')
			snprintf(x->ref, sizeof x->ref, "%s", label);
	} else if (strcmp(r->tbl, "people") == 0) {
		buf_printf(b, "%s «%s»",
			   hw(lang, strcmp(str(o, "kind"), "group") == 0 ? HW_GROUP : HW_PERSON),
			   str(new != NULL ? new : old, "name"));
	} else if (strcmp(r->tbl, "plans") == 0) {
		buf_printf(b, "%s «%s»", hw(lang, HW_PLAN), str(new != NULL ? new : old, "title"));
	} else if (strcmp(r->tbl, "members") == 0) {
		store_history_person_name(
			x->db, json_integer_value(json_object_get(o, "person_id")), a, sizeof a);
		store_history_person_name(x->db, json_integer_value(json_object_get(o, "group_id")),
					  g, sizeof g);
		buf_printf(b, "«%s» %s «%s»", a, hw(lang, new != NULL ? HW_IN_GROUP : HW_OUT_GROUP),
			   g);
		return 1;
	} else if (strncmp(r->tbl, "remind_", 7) == 0) {
		buf_printf(b, "%s", hw(lang, HW_REMIND));
	} else {
		return 0;
	}
	if (op != NULL)
		buf_printf(b, ": %s", op);
	else
		what_fields(b, lang, old, new);
	return 1;
}

/* The items whose rows are in C, so that their assignments are not told apart from them. */
static int item_in(const struct change *c, int64_t item_id)
{
	for (size_t i = 0; i < c->nrows; i++)
		if (strcmp(c->rows[i].tbl, "items") == 0 && c->rows[i].item_id == item_id)
			return 1;
	return 0;
}

char *api_history_what(struct api_what *x, const struct change *c)
{
	struct buf b = { 0 };
	size_t told = 0, assigned = 0;

	*x->ref = '\0';
	if (c->undoes != 0)
		buf_printf(&b, "%s %lld: ", hw(x->lang, HW_UNDO), (long long)c->undoes);
	for (size_t i = 0; i < c->nrows && told < 3; i++) {
		const struct change_row *r = &c->rows[i];
		json_t *old = r->before ? json_loads(r->before, 0, NULL) : NULL;
		json_t *new = r->after ? json_loads(r->after, 0, NULL) : NULL;
		struct buf one = { 0 };

		if (strcmp(r->tbl, "assignments") == 0) {
			if (!item_in(c, r->item_id) && assigned++ == 0) {
				char label[64];
				store_history_item_label(x->db, r->item_id, label, sizeof label);
				buf_printf(&one, "%s %s: %s", hw(x->lang, HW_ITEM), label,
					   hw(x->lang, HW_WHO));
				if (*x->ref == '\0')
					snprintf(x->ref, sizeof x->ref, "%s", label);
			}
		} else {
			what_row(x, r, old, new, &one);
		}
		size_t len = 0;
		char *text = buf_take(&one, &len);
		if (text != NULL && len > 0)
			buf_printf(&b, "%s%s", told++ > 0 ? "; " : "", text);
		free(text);
		json_decref(old);
		json_decref(new);
	}
	if (c->total > told && told >= 3)
		buf_printf(&b, " (%s %zu)", hw(x->lang, HW_MORE), c->total - told);
	size_t len;
	char *text = buf_take(&b, &len);
	return text != NULL ? text : strdup("");
}
