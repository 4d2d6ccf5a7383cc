# The systemd unit's sandbox: `systemd-analyze security --offline=true` must rate
# contrib/systemd/qweekd.service at an exposure of 2.0 or lower (contrib/security.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step "systemd-analyze security on contrib/systemd/qweekd.service"
rc=0
bash "$QWEEK_SRC/contrib/security.sh" 2.0 >"$T/out" 2>&1 || rc=$?
cat "$T/out"
((rc == 77)) && skip "systemd-analyze is missing or cannot check a unit offline"
((rc == 0)) || fail "qweekd.service: exposure above 2.0"
step "the unit runs qweekd as its own user, sandboxed"
unit=$QWEEK_SRC/contrib/systemd/qweekd.service
for key in DynamicUser=yes StateDirectory=qweek ProtectSystem=strict ProtectHome=yes PrivateTmp=yes \
	NoNewPrivileges=yes 'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6' SystemCallFilter=@system-service; do
	grep -qxF "$key" "$unit" || fail "qweekd.service lacks $key"
done
echo "ok"
