# The manual pages (issue 15): each renders without a warning at 80 columns; qweek(1) has every
# command of cli/cmd.c's table with the usage and examples qweek help gives (the section is made
# from that table); qweekd.conf(5) has every key of daemon/core/config.c; qweekd(8) every option
# of qweekd --help. The pages are those the build made (build/man), as installed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v man >/dev/null || skip "man (man-db) is not installed"
MAN=${QWEEK_BUILD:?QWEEK_BUILD must name the build directory}/man

step "each page renders without warnings (MANWIDTH=80 man --warnings -l)"
for page in qweek.1 qweekd.8 qweekd.conf.5; do
	[[ -s $MAN/$page.gz ]] || fail "$MAN/$page.gz was not built"
	MANWIDTH=80 man --warnings -l "$MAN/$page.gz" >"$T/$page.txt" 2>"$T/$page.err" ||
		fail "man -l $page failed: $(cat "$T/$page.err")"
	[[ ! -s $T/$page.err ]] || fail "man --warnings on $page: $(cat "$T/$page.err")"
	(($(wc -l <"$T/$page.txt") > 40)) || fail "$page renders to almost nothing"
done
# man joins words the page hyphenated; compare without the breaks and the spaces.
flat() { tr -d '\n ‐' <"$T/$1.txt" | sed 's/-//g'; }
flat qweek.1 >"$T/qweek.flat"

step "qweek(1): every command of qweek help, its usage line and its examples"
"$QWEEK" help >"$T/help.txt"
CMDS=$(sed -n '/^commands:/,/^$/p' "$T/help.txt" | sed -n 's/^  \([a-z]\+\( [a-z]\+\)\?\)  *[A-Z].*/\1/p')
(($(wc -l <<<"$CMDS") >= 25)) || fail "found too few commands in qweek help: $CMDS"
while read -r cmd; do
	grep -q "^   qweek $cmd\$" "$T/qweek.1.txt" || fail "qweek(1) has no section for «$cmd»"
	# shellcheck disable=SC2086
	"$QWEEK" help $cmd >"$T/one.txt"
	usage=$(sed -n 's/^usage: //p' "$T/one.txt")
	grep -qF -- "$(tr -d '\n ‐' <<<"$usage" | sed 's/-//g')" "$T/qweek.flat" ||
		fail "qweek(1) does not give the usage of «$cmd»: $usage"
	while read -r ex; do
		grep -qF -- "$ex" "$T/qweek.1.txt" || fail "qweek(1) lacks the example of «$cmd»: $ex"
	done < <(sed -n 's/^  \(qweek .*\)/\1/p' "$T/one.txt")
done <<<"$CMDS"

step "qweekd.conf(5): every key of the configuration parser"
KEYS=$(grep -oE '\{ "(daemon|smtp|notify)", "[a-z_]+"' "$QWEEK_SRC/daemon/core/config.c" |
	sed -E 's/\{ "([a-z]+)", "([a-z_]+)"/\1.\2/')
(($(wc -l <<<"$KEYS") >= 15)) || fail "found too few keys in config.c: $KEYS"
for k in $KEYS; do
	section=${k%%.*} key=${k#*.}
	sed -n "/^\[$section\]\$/,/^[A-Z[]/p" "$T/qweekd.conf.5.txt" | grep -qE "^       $key = " ||
		fail "qweekd.conf(5) does not describe [$section] $key"
done

step "qweekd(8): every option of qweekd --help, the signals, the exit statuses"
for o in $("$QWEEKD" --help | grep -oE -- '--[a-z-]+' | sort -u); do
	grep -qE -- "^       (-[a-zA-Z], )?$o\b" "$T/qweekd.8.txt" || fail "qweekd(8) does not describe $o"
done
for w in SIGTERM SIGHUP "EXIT STATUS" SYSTEMD FILES; do
	grep -q "$w" "$T/qweekd.8.txt" || fail "qweekd(8) has no $w"
done
echo "PASS"
