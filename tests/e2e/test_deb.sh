# The Debian package (issue 15): cpack -G DEB from this build, unpacked into a clean directory
# (dpkg -x), must hold what it says and work from there: qweek and qweekd --version, the manual
# pages found by man -w and rendered by man -l without warnings, the completion loading, the
# configuration it installs passing qweekd -n, the systemd units passing systemd-analyze verify
# (run against the unpacked binaries), the postinst a valid shell script, the control fields
# (Depends with the libraries and locales). The package's prefix is the build's
# (CMAKE_INSTALL_PREFIX; /usr for a release: see README, "Installing from a package").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v dpkg-deb >/dev/null || skip "dpkg-deb is not installed"
command -v cpack >/dev/null || fail "cpack (cmake) is missing"
: "${QWEEK_BUILD:?QWEEK_BUILD must name the build directory}"
PREFIX=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$QWEEK_BUILD/CMakeCache.txt")
[[ -n $PREFIX ]] || fail "no CMAKE_INSTALL_PREFIX in the build's cache"
case $PREFIX in /usr) ETC=/etc ;; *) ETC=$PREFIX/etc ;; esac

step "cpack -G DEB"
(cd "$T" && cpack -G DEB -B "$T/pkg" --config "$QWEEK_BUILD/CPackConfig.cmake") >"$T/cpack.log" 2>&1 ||
	fail "cpack failed: $(tail -n 20 "$T/cpack.log")"
DEB=$(ls "$T"/pkg/qweek_*.deb)
[[ -f $DEB ]] || fail "no .deb was made"
dpkg-deb -I "$DEB" >"$T/info"
dpkg-deb -c "$DEB" | awk '{ print $6 }' | sed 's|^\./|/|' >"$T/files"

step "the control fields: name, dependencies, conffiles"
grep -q '^ Package: qweek$' "$T/info" || fail "Package is not qweek"
DEPENDS=$(sed -n 's/^ Depends: //p' "$T/info")
for d in locales tzdata libsqlite3-0 libevent-core libjansson4 libcurl4 libical3; do
	grep -q "$d" <<<"$DEPENDS" || fail "Depends lacks $d: $DEPENDS"
done
dpkg-deb -e "$DEB" "$T/control"
assert_eq "$ETC/qweek/qweekd.conf" "$(cat "$T/control/conffiles")" "conffiles"
sh -n "$T/control/postinst" || fail "postinst is not valid sh"

step "the files: binaries, pages, completion, units, sysusers, configuration, docs"
for f in "$PREFIX/bin/qweek" "$PREFIX/bin/qweekd" "$PREFIX/share/man/man1/qweek.1.gz" \
	"$PREFIX/share/man/man8/qweekd.8.gz" "$PREFIX/share/man/man5/qweekd.conf.5.gz" \
	"$PREFIX/share/bash-completion/completions/qweek" "$PREFIX/lib/systemd/system/qweekd.service" \
	"$PREFIX/lib/systemd/system/qweekd.socket" "$PREFIX/lib/sysusers.d/qweek.conf" \
	"$ETC/qweek/qweekd.conf" "$PREFIX/share/doc/qweek/README.md" \
	"$PREFIX/share/doc/qweek/examples/qweek-backup.timer"; do
	grep -qxF "$f" "$T/files" || fail "the package has no $f"
done

step "installed into a clean directory (dpkg -x), it runs"
R=$T/root
dpkg -x "$DEB" "$R"
assert_match "^qweek [0-9]" "$("$R$PREFIX/bin/qweek" --version)" "installed qweek --version"
assert_match "^qweekd [0-9]" "$("$R$PREFIX/bin/qweekd" --version)" "installed qweekd --version"
expect_ok "$R$PREFIX/bin/qweekd" -n --config "$R$ETC/qweek/qweekd.conf"
assert_eq "configuration OK" "$(last_out)" "qweekd -n on the packaged configuration"
bash --norc --noprofile -c "source '$R$PREFIX/share/bash-completion/completions/qweek' && complete -p qweek" |
	grep -q -- '-F _qweek qweek' || fail "the installed completion does not load"

step "man -w finds the installed pages, man -l renders them without warnings"
export MANPATH=$R$PREFIX/share/man
for p in qweek qweekd qweekd.conf; do
	w=$(man -w "$p") || fail "man -w $p found nothing"
	[[ $w == "$R"* ]] || fail "man -w $p gave $w, not the package's page"
	MANWIDTH=80 man --warnings -l "$w" >/dev/null 2>"$T/man.err" || fail "man -l $w failed"
	[[ ! -s $T/man.err ]] || fail "man --warnings $p: $(cat "$T/man.err")"
done

step "systemd-analyze verify on the installed units"
command -v systemd-analyze >/dev/null || skip "systemd-analyze is not installed"
mkdir -p "$T/units"
for u in qweekd.service qweekd.socket; do
	grep -q "^ExecStart=$PREFIX/bin/qweekd --foreground --config $ETC/qweek/qweekd.conf\$" \
		"$R$PREFIX/lib/systemd/system/$u" || [[ $u == *.socket ]] ||
		fail "$u does not start $PREFIX/bin/qweekd with the packaged configuration"
	# The binary as it lies in the clean directory, so that verify checks it exists and runs.
	sed "s|$PREFIX/bin/|$R$PREFIX/bin/|g" "$R$PREFIX/lib/systemd/system/$u" >"$T/units/$u"
done
cp "$R$PREFIX/share/doc/qweek/examples/qweek-backup.service" \
	"$R$PREFIX/share/doc/qweek/examples/qweek-backup.timer" "$T/units/"
(cd "$T/units" && systemd-analyze verify qweekd.service qweekd.socket qweek-backup.service \
	qweek-backup.timer) >"$T/verify" 2>&1 || fail "systemd-analyze verify: $(cat "$T/verify")"
[[ ! -s $T/verify ]] || fail "systemd-analyze verify said: $(cat "$T/verify")"
echo "PASS"
