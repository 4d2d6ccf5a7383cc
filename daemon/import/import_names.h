/* SPDX-License-Identifier: MIT */
/* Names in a "responsible" cell: splitting, people or groups, names nearly alike. */
#ifndef QWEEK_IMPORT_NAMES_H
#define QWEEK_IMPORT_NAMES_H

#include <stddef.h>

/*
 * Splits CELL into names: at new lines, ';' and ',' outside brackets and quotes; bullets ("-",
 * "•") and numbering ("1.", "2)") before a name and white space runs are dropped, as is a
 * repeated name (compared case-insensitively). Sets *OUT to a malloc'd array of malloc'd names
 * (import_names_free) and returns how many, or -1 if out of memory.
 */
int import_names_split(const char *cell, char ***out);
void import_names_free(char **names, int n);

/*
 * True if NAME reads as a group rather than one person: its first word is plural
 * ("Заведующие отделениями", "Специалисты", "Психологи", "Фахівці", "Teachers"), a unit
 * ("Отделение …", "Відділення …", "Коллектив") or "все"/"всі"/"all". A name with initials
 * ("Иванова А. П.") is a person.
 */
int import_name_is_group(const char *name);

/*
 * True if A and B differ, but by so little that they are likely one name spelt two ways:
 * "Заведующие отделений" and "Заведующие отделениями", "Иванова А.П." and "Иванова А. П.".
 */
int import_names_near(const char *a, const char *b);

#endif
