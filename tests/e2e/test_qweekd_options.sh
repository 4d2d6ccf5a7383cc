# qweekd's own command line (issue 15): --help names every option the parser knows, one line
# each; -n says "configuration OK", or what is wrong in words a person can act on: an unknown
# section, a misspelt key (with the nearest), a line without '=', a notify hook that is missing
# or cannot be run. No daemon is started.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step "qweekd --help lists every long option of daemon/main.c"
expect_ok "$QWEEKD" --help
HELP=$(last_out)
OPTS=$(grep -oE '^\s*\{ "[a-z-]+", (no|required)_argument' "$QWEEK_SRC/daemon/main.c" | grep -oE '"[a-z-]+"' | tr -d '"')
[[ $(wc -w <<<"$OPTS") -ge 10 ]] || fail "found too few options in main.c: $OPTS"
for o in $OPTS; do
	grep -qE "^ +(-[a-zA-Z], )?--$o\b" <<<"$HELP" || fail "qweekd --help has no line for --$o"
done
assert_match "SIGHUP" "$HELP" "--help names the signals"
assert_match "qweekd\(8\)" "$HELP" "--help points to the manual"
expect_fail 2 "$QWEEKD" --no-such-option
assert_match "usage: qweekd" "$(last_err)"

step "qweekd -n: a good configuration"
HOOK=$T/hook.sh
printf '#!/bin/sh\ncat >/dev/null\n' >"$HOOK"
chmod +x "$HOOK"
cat >"$T/ok.conf" <<CONF
# comment
[daemon]
db = $T/q.db
socket = $T/q.sock
hosts = qweek.example.org
trusted_proxy = 127.0.0.1
[smtp]
url = smtp://127.0.0.1:2525
starttls = no
[notify]
command = $HOOK "\$QWEEK_TO"
CONF
expect_ok "$QWEEKD" -n --config "$T/ok.conf"
assert_eq "configuration OK" "$(last_out)"

# check TEXT EXPECTED-REGEX: qweekd -n on a file of TEXT exits 1 saying EXPECTED.
check() {
	printf '%s\n' "$1" >"$T/bad.conf"
	expect_fail 1 "$QWEEKD" -n --config "$T/bad.conf"
	assert_match "$2" "$(last_err)" "qweekd -n on [$1]"
}
step "qweekd -n: what is wrong, in words"
check $'[deamon]\nlisten = 127.0.0.1:8080' "bad\.conf:2: unknown section \[deamon\]: did you mean \[daemon\]\?"
check $'[daemon]\nlisen = 127.0.0.1:8080' "unknown key 'lisen' in section \[daemon\]: did you mean 'listen'\?"
check $'[daemon]\nadmin_nmae = Директор' "did you mean 'admin_name'\?"
check $'[smtp]\nstarttsl = no' "did you mean 'starttls'\?"
check $'[daemon]\nlisten 127.0.0.1' "bad\.conf:2: «listen 127\.0\.0\.1» is neither a \[section\] nor a 'key = value' line \(it has no '='\)"
check $'[daemon]\nlisten 127.0.0.1:8080' "«listen 127\.0\.0\.1:8080» is not a 'key = value' line"
check $'[notify]\ncommand = /nonexistent/hook' "\[notify\] command = /nonexistent/hook: /nonexistent/hook does not exist"
chmod -x "$HOOK"
check "[notify]
command = $HOOK" "is not an executable file"
check $'[notify]\ncommand = qweek-no-such-hook --x' "qweek-no-such-hook is not a program in PATH"
echo "PASS"
