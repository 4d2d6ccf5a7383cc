# bash completion for qweek(1): commands, options, and values asked from qweekd (plan slugs,
# person and group names, item labels), quoted for the shell ("Иванова А. П." → Иванова\ А.\ П.).
# The build puts the command tables in front of this file (qweek_docgen bash, from cli/cmd.c)
# and installs the whole as /usr/share/bash-completion/completions/qweek.

# _qweek_ask ARGS...: qweek with the connection options of the line being completed.
_qweek_ask() {
	"${_qweek_bin:-qweek}" "${_qweek_conn[@]}" --json "$@" 2>/dev/null
}

# _qweek_json_strings KEY: the string values of "KEY" in the JSON on stdin, one a line.
_qweek_json_strings() {
	grep -o "\"$1\":\"\\([^\"\\\\]\\|\\\\.\\)*\"" | sed -e "s/^\"$1\":\"//" -e 's/"$//' \
		-e 's/\\"/"/g' -e 's/\\\\/\\/g'
}

# _qweek_values KIND: the values qweekd knows: slugs, people (persons and groups), groups, labels.
_qweek_values() {
	case $1 in
	slugs) _qweek_ask plan list | _qweek_json_strings slug ;;
	people) _qweek_ask person list | _qweek_json_strings name ;;
	groups) _qweek_ask person list | grep -o '"name":"\([^"\\]\|\\.\)*","kind":"group"' |
		_qweek_json_strings name ;;
	labels) _qweek_ask list | _qweek_json_strings label ;;
	esac
}

# _qweek_quote WORD: WORD as it must be typed, with a backslash before what the shell would take.
_qweek_quote() {
	local w=$1 out= c i
	for ((i = 0; i < ${#w}; i++)); do
		c=${w:i:1}
		case $c in
		[[:space:]\"\'\\\$\`\!\&\;\|\<\>\(\)\*\?\[\]\{\}\#\~\=\:,]) out+="\\$c" ;;
		*) out+=$c ;;
		esac
	done
	printf '%s\n' "$out"
}

# _qweek_offer CUR WORD...: COMPREPLY from the WORDs that start with CUR (as typed: a leading
# quote is kept and closed, a backslash-quoted word is compared unquoted).
_qweek_offer() {
	local cur=$1 q= w
	shift
	case $cur in
	\"* | \'*) q=${cur:0:1} cur=${cur:1} ;;
	*) cur=$(printf '%s' "$cur" | sed 's/\\\(.\)/\1/g') ;;
	esac
	COMPREPLY=()
	for w in "$@"; do
		[[ $w == "$cur"* ]] || continue
		if [[ -n $q ]]; then
			COMPREPLY+=("$q$w$q")
		else
			COMPREPLY+=("$(_qweek_quote "$w")")
		fi
	done
}

# A new command or option is completed from the tables as soon as it is in cli/cmd.c; if its
# value or argument is a name, a label or a slug, add it to one of the two case lists below.

# _qweek_value_of OPTION COMMAND: what kind of value OPTION of COMMAND takes.
_qweek_value_of() {
	case $1 in
	--who | --by) echo people ;;
	--group) echo groups ;;
	--plan) echo slugs ;;
	--parent) echo labels ;;
	--role) echo roles ;;
	--format) [[ $2 == export ]] && echo formats_export || echo formats_report ;;
	--output | --socket) echo files ;;
	*) echo none ;;
	esac
}

_qweek_complete_value() {
	local kind=$1 cur=$2 IFS=$'\n'
	case $kind in
	roles) _qweek_offer "$cur" planner staff viewer ;;
	formats_export) _qweek_offer "$cur" csv ics ;;
	formats_report) _qweek_offer "$cur" md html csv ;;
	files) COMPREPLY=($(compgen -f -- "$cur")) ;;
	none) COMPREPLY=() ;;
	*) _qweek_offer "$cur" $(_qweek_values "$kind") ;;
	esac
}

# What a command's arguments are.
_qweek_positional_of() {
	case $1 in
	done | reopen | cancel | show | edit | 'remind set' | 'remind show') echo labels ;;
	'person token' | 'person revoke' | 'person link') echo people ;;
	import | backup) echo files ;;
	*) echo none ;;
	esac
}

# _qweek_command_words CUR [WORD]: the first words of the commands, or the second ones after WORD.
_qweek_command_words() {
	local cur=$1 c
	local -a next=()
	shift
	for c in "${_qweek_commands[@]}"; do
		if (($# == 0)); then
			next+=("${c%% *}")
		elif [[ $c == "$1 "* ]]; then
			next+=("${c#* }")
		fi
	done
	COMPREPLY=($(compgen -W "$(printf '%s\n' "${next[@]}" | sort -u)" -- "$cur"))
}

_qweek() {
	local cur=${COMP_WORDS[COMP_CWORD]} i w c cmd= opts copts
	local -a pos=() args=() _qweek_conn=()
	local _qweek_bin=${COMP_WORDS[0]}
	COMPREPLY=()
	# The words before the one completed: connection options kept, the command found.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--socket | --url | --token | --plan)
			_qweek_conn+=("$w" "${COMP_WORDS[i + 1]}")
			((i++))
			;;
		--*)
			copts=${cmd:+${_qweek_command_options[$cmd]}}
			[[ " $copts $_qweek_global_options " == *" $w= "* ]] && ((i++))
			;;
		*) if [[ -z $cmd ]]; then pos+=("$w"); else args+=("$w"); fi ;;
		esac
		if [[ -z $cmd && ${#pos[@]} -gt 0 ]]; then
			for c in "${_qweek_commands[@]}"; do
				[[ $c == "${pos[*]}" ]] && cmd=$c && break
			done
		fi
	done
	# The value of an option?
	w=${COMP_WORDS[COMP_CWORD - 1]}
	copts=${cmd:+${_qweek_command_options[$cmd]}}
	if ((COMP_CWORD > 1)) && [[ $w == --* && " $copts $_qweek_global_options " == *" $w= "* ]]; then
		_qweek_complete_value "$(_qweek_value_of "$w" "$cmd")" "$cur"
		return 0
	fi
	if [[ $cur == -* ]]; then
		opts="$copts $_qweek_global_options"
		COMPREPLY=($(compgen -W "${opts//=/}" -- "$cur"))
		return 0
	fi
	if [[ -z $cmd || $cmd == help ]]; then
		[[ $cmd == help ]] && pos=("${args[@]}")
		_qweek_command_words "$cur" "${pos[@]}"
		return 0
	fi
	_qweek_complete_value "$(_qweek_positional_of "$cmd")" "$cur"
}

complete -F _qweek qweek
