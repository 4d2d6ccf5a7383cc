/* Native language support: _("text") marks a message the user reads, N_("text") marks one
 * kept in a table and translated where it is shown. Until the catalogues land these are the
 * text itself; xgettext finds both (--keyword=_ --keyword=N_). */
#ifndef QWEEK_COMMON_NLS_H
#define QWEEK_COMMON_NLS_H

#define _(s) (s)
#define N_(s) (s)

#endif
