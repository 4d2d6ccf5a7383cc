#!/usr/bin/env bash
# Installs, from Debian 12's own archive, exactly what qweek needs to build and test.
# Idempotent: when every package is already there it does nothing (no apt-get update).
# Usage: bash scripts/deps.sh [--npm] [EXTRA-PACKAGE...]
#   --npm   also the npm packages of tests/e2e/package-lock.json (the calendar parsers the feed
#           tests use, axe-core for the pages), with `npm ci`, unless already there; needs node
#           and npm (the machine's, else Debian's nodejs and npm)
#   EXTRA   more Debian packages (bench/core.sh adds hyperfine this way)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

npm=0
if [[ ${1:-} == --npm ]]; then
	npm=1
	shift
fi

PACKAGES=(
	# build
	build-essential cmake pkg-config
	libevent-dev libsqlite3-dev libical-dev libjansson-dev libcurl4-openssl-dev
	libsystemd-dev libinih-dev libcsv-dev zlib1g-dev libssl-dev libqrencode-dev
	# tests: unit (cmocka) and end-to-end (curl, python3 for JSON, valgrind on demand)
	libcmocka-dev tzdata sqlite3 valgrind curl
	python3 python3-icalendar python3-aiosmtpd ca-certificates
	# feeds: a real subscriber (vdirsyncer + khal); fuzzing: clang's libFuzzer;
	# the status page: headless Chromium driven by Selenium (tests/e2e/browser.py);
	# the systemd unit's exposure: systemd-analyze; another user on the socket: runuser;
	# the fault tests' small disk: mount (tmpfs); the clock run fast: libfaketime.
	# No test is skipped when all of these are here (ctest would show it as skipped).
	vdirsyncer khal clang chromium chromium-driver python3-selenium systemd util-linux mount
	faketime
	# the HTTPS front of contrib/nginx (test_nginx_front): nginx, and openssl for its certificate
	nginx-light openssl
	# the manual pages (scdoc builds them, man-db renders them in test_man); the .deb of
	# cpack -G DEB needs dpkg-shlibdeps (dpkg-dev, with build-essential)
	scdoc man-db
	# CalDAV (issue 16): its XML with libxml2; real clients python3-caldav and todoman
	libxml2-dev python3-caldav todoman
	# messages in Russian and Ukrainian: msgfmt/xgettext (po/), and localedef's sources of the
	# locales the tests compile (tests/e2e/locales.sh)
	gettext locales
	# the report as Word and OpenDocument (qweek report --format docx|odt; test_survey)
	pandoc file
)
PACKAGES+=("$@")
if ((npm)) && ! command -v npm >/dev/null 2>&1; then
	PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
		missing+=("$p")
	fi
done

npm_ci() {
	local dir=$ROOT/tests/e2e
	((npm)) && [[ -f $dir/package-lock.json ]] || return 0
	if [[ -d $dir/node_modules/ical.js && -d $dir/node_modules/node-ical &&
		-d $dir/node_modules/axe-core ]]; then
		echo "deps: npm packages of tests/e2e are installed"
		return 0
	fi
	echo "deps: npm ci in tests/e2e"
	npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
}

if ((${#missing[@]} == 0)); then
	echo "deps: all ${#PACKAGES[@]} Debian packages are installed"
	npm_ci
	exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
	if command -v sudo >/dev/null 2>&1; then
		as_root=(sudo)
	else
		echo "deps: missing ${missing[*]}; run this as root (sudo is not installed)" >&2
		exit 1
	fi
fi

echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y --no-install-recommends "${missing[@]}"
npm_ci
