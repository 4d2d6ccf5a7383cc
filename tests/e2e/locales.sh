# Languages for the end-to-end tests: sourced after lib.sh by a test that runs qweek or qweekd
# in Russian or Ukrainian. Nothing is asked of the machine's own locales: each locale is
# compiled into $T (localedef, from the locales package) and found through LOCPATH.
#
#   use_catalogues            the build's catalogues (po/*.po), for qweek and a qweekd started after
#   use_locales ru_RU uk_UA   compile them and point LOCPATH there (qweek's locales: a qweekd
#                             started before does without, as on a server)
#   in_locale LANG CMD...     run CMD in the locale LANG ("ru_RU.UTF-8", "C") and no other

use_catalogues() {
	export QWEEK_LOCALEDIR=${QWEEK_BUILD:?QWEEK_BUILD must name the build directory}/locale
	[[ -f $QWEEK_LOCALEDIR/ru/LC_MESSAGES/qweek.mo ]] || fail "no catalogues in $QWEEK_LOCALEDIR"
}

use_locales() {
	command -v localedef >/dev/null || skip "localedef is missing (apt-get install locales)"
	mkdir -p "$T/locale"
	local l
	for l in "$@"; do
		[[ -f /usr/share/i18n/locales/$l ]] || skip "no source of the locale $l (apt-get install locales)"
		localedef -i "$l" -f UTF-8 "$T/locale/$l.UTF-8" ||
			[[ -f $T/locale/$l.UTF-8/LC_MESSAGES/SYS_LC_MESSAGES ]] ||
			fail "localedef could not compile $l.UTF-8"
	done
	export LOCPATH=$T/locale
	use_catalogues
	# glibc keeps the LOCPATH list it splits once, for good: not a leak of ours.
	echo "leak:__argz_add_sep" >"$T/lsan.supp"
	export LSAN_OPTIONS=suppressions=$T/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}
}

in_locale() {
	local lang=$1
	shift
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG="$lang" "$@"
}
