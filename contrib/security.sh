#!/usr/bin/env bash
# Prints the exposure `systemd-analyze security --offline=true` gives qweekd.service, and fails
# (exit 1) above the limit (2.0, or $1). Exit 77 when systemd-analyze is missing or too old.
# Usage: bash contrib/security.sh [LIMIT]
set -euo pipefail
LIMIT=${1:-2.0}
UNIT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/systemd/qweekd.service

if ! command -v systemd-analyze >/dev/null; then
	echo "systemd-analyze is missing (apt-get install systemd)" >&2
	exit 77
fi
out=$(systemd-analyze security --offline=true --no-pager "$UNIT" 2>&1) || {
	# An exposure above the threshold also exits non-zero: the figure decides below.
	if ! grep -q 'Overall exposure level' <<<"$out"; then
		echo "$out" >&2
		echo "systemd-analyze security --offline=true failed (systemd 252 or later needed)" >&2
		exit 77
	fi
}
figure=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' <<<"$out")
[[ -n $figure ]] || { echo "$out" >&2; echo "no exposure figure in the output" >&2; exit 1; }
echo "qweekd.service exposure: $figure (limit $LIMIT)"
if awk -v f="$figure" -v l="$LIMIT" 'BEGIN { exit !(f > l) }'; then
	grep '✗' <<<"$out" >&2 || true
	echo "qweekd.service is exposed above $LIMIT" >&2
	exit 1
fi
