# bash completion of qweek (issue 15), driven as bash drives it (COMP_WORDS, COMP_CWORD, the
# function `complete -p qweek` names) against a running qweekd: commands and their second
# words, options, and values asked from the daemon: person and group names, quoted for the shell
# (Иванова\ А.\ П.), or inside the quote the user opened; plan slugs; item labels; fixed values.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
COMPLETION=${QWEEK_BUILD:?QWEEK_BUILD must name the build directory}/completion/qweek
[[ -s $COMPLETION ]] || fail "$COMPLETION was not built"

start_daemon
expect_ok q plan new "Неделя качества 2026" --from 09.11.2026 --to 16.11.2026 --tz Europe/Kyiv --slug nk-2026
expect_ok q person add "Иванова А. П." --group "Заведующие отделениями"
expect_ok q person add "Иванов П. С."
expect_ok q person add "O'Brien \"Tom\""
expect_ok q add "День открытых дверей" --when "12.11 9.00-18.00" --no 7
expect_ok q add "Мастер-класс" --when "12.11 в 15.00" --no 7.3 --parent 7
expect_ok q add "Справка" --due 20.11.2026 --no 12

# comp WORD...: the completions of the last WORD of «qweek --socket S WORD...», one a line.
comp() {
	bash --norc --noprofile -c '
		source "$1"
		shift
		[[ $(complete -p qweek) == "complete -F _qweek qweek" ]] || { echo "complete -p: $(complete -p qweek)"; exit 3; }
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="${COMP_WORDS[*]}"
		COMP_POINT=${#COMP_LINE}
		_qweek
		printf "%s\n" "${COMPREPLY[@]}" | sort
	' comp "$COMPLETION" "$QWEEK" --socket "$T/q.sock" "$@"
}
# expect WANT WORD...: the completions, joined by "|", are WANT.
expect() {
	local want=$1 got
	shift
	got=$(comp "$@" | paste -sd'|')
	assert_eq "$want" "$got" "completing [$*]"
}

step "a Cyrillic name with spaces, quoted for the shell"
expect 'Иванов\ П.\ С.|Иванова\ А.\ П.' done 7.3 --by 'Ив'
expect 'Иванова\ А.\ П.' done --by 'Иванова\ А'
expect '"Иванова А. П."' done --by '"Иванова'
expect "'Иванова А. П.'" list --who "'Иванова"
expect "O\\'Brien\\ \\\"Tom\\\"" feed --who "O"

step "the result, typed back into bash, is the name itself"
W=$(comp done --by 'Иванова')
eval "set -- $W"
assert_eq "Иванова А. П." "$1" "the completed word as bash reads it"

step "groups where a group is asked for; people and groups for --who"
expect 'Заведующие\ отделениями' person add 'Петров' --group 'З'
expect 'Заведующие\ отделениями' list --who 'За'
expect '' person add 'Петров' --group 'Ив'

step "item labels, plan slugs, fixed values"
expect '7|7.3' done '7'
expect '12' reopen '1'
expect '7.3' show '7.'
expect 'nk-2026' --plan 'n'
expect 'nk-2026' list --plan ''
expect 'planner|staff|viewer' person token 'Иванова\ А.\ П.' --role ''
expect 'csv|ics' export --format ''
expect 'csv|html|md' report --format ''

step "commands, second words, options"
expect 'person|plan' 'p'
expect 'new' plan 'n'
expect 'digest|list|set|show|status|test' remind ''
expect 'backup' 'ba'
expect 'add' help 'a'
expect 'new' help plan 'n'
got=$(comp done 7 '--' | paste -sd' ')
for o in --note --by --plan --json --socket; do
	[[ " $got " == *" $o "* ]] || fail "done --<TAB> lacks $o: $got"
done
expect '--dry-run' import '--d'

step "a daemon that does not answer: no values, no noise"
got=$(bash --norc --noprofile -c '
	source "$1"; COMP_WORDS=("$2" --socket /nonexistent/q.sock done --by "Ив"); COMP_CWORD=5
	_qweek 2>&1; printf "%s\n" "${COMPREPLY[@]}"' x "$COMPLETION" "$QWEEK")
assert_eq "" "$(tr -d '\n' <<<"$got")" "completion without a daemon"
echo "PASS"
