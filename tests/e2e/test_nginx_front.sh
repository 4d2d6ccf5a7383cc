# contrib/nginx/qweek.conf as it ships, in front of a real qweekd: nginx accepts it (nginx -t),
# a person's page and a feed come through TLS and a form posts through it, the JSON API does
# not, plain http is sent to https, and qweekd logs the client that the front names
# (trusted_proxy). Only the ports, the certificate (made here) and the pid/log paths differ.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v nginx >/dev/null || skip "nginx is not installed (scripts/deps.sh)"
command -v openssl >/dev/null || skip "openssl is not installed"
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
HTTP=$(free_port)
HTTPS=$(free_port)
NAME=qweek.example.org

step "the shipped configuration, on this test's ports and certificate"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" -days 1 \
	-subj "/CN=$NAME" 2>/dev/null || fail "openssl could not make a certificate"
sed -e "s#/etc/letsencrypt/live/$NAME/fullchain.pem#$T/cert.pem#" \
	-e "s#/etc/letsencrypt/live/$NAME/privkey.pem#$T/key.pem#" \
	-e "s#listen 80;#listen 127.0.0.1:$HTTP;#" -e "s#listen 443 ssl http2;#listen 127.0.0.1:$HTTPS ssl http2;#" \
	-e '/listen \[::\]/d' -e "s#127.0.0.1:8317#127.0.0.1:$PORT#" \
	"$QWEEK_SRC/contrib/nginx/qweek.conf" >"$T/site.conf"
cat >"$T/nginx.conf" <<EOF
pid $T/nginx.pid;
error_log $T/nginx.err;
events {}
http { include $T/site.conf; }
EOF
nginx -t -q -c "$T/nginx.conf" -p "$T" || fail "nginx -t refuses the configuration"
nginx -c "$T/nginx.conf" -p "$T" || fail "nginx did not start"
trap 'rc=$?; set +e; nginx -c "$T/nginx.conf" -p "$T" -s stop 2>/dev/null; (exit $rc); _cleanup' EXIT

start_daemon --listen "127.0.0.1:$PORT" --url "https://$NAME" --trusted-proxy 127.0.0.1 \
	--log-level debug
expect_ok q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk
expect_ok q person add "Иванова А. П."
expect_ok q add "Консультация" --when "14.11 в 15.00" --who "Иванова А. П." --no 3
expect_ok q person link "Иванова А. П."
PAGE=$(sed -n 1p "$T/last.out")
FEED=$(sed -n 2p "$T/last.out")
assert_match "^https://$NAME/me/[a-z2-7]{26}$" "$PAGE" "the page's URL uses the public address"

# From 127.0.0.3, so that the address qweekd logs can only have come from the front's header.
front() { curl -sk --max-time 10 --interface 127.0.0.3 --resolve "$NAME:$HTTPS:127.0.0.1" "$@"; }
pub() { echo "https://$NAME:$HTTPS${1#https://$NAME}"; }

step "through TLS: the page, the feed, a form; not the API"
assert_eq 200 "$(front -o "$T/page.html" -w '%{http_code}' "$(pub "$PAGE")")" "the page"
grep -q 'Консультация' "$T/page.html" || fail "the page does not show the item"
assert_eq 200 "$(front -o "$T/feed.ics" -w '%{http_code}' "$(pub "$FEED")")" "the feed"
grep -q 'BEGIN:VCALENDAR' "$T/feed.ics" || fail "the feed is not a calendar"
form=$("$PY" - "$T/page.html" <<'PYEOF'
import html.parser, sys, urllib.parse
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.fields = None; self.done = None
    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag == "form" and self.done is None:
            self.fields = {}
        elif tag in ("input", "button") and self.fields is not None and a.get("name"):
            self.fields[a["name"]] = a.get("value", "")
    def handle_endtag(self, tag):
        if tag == "form" and self.fields is not None and self.done is None:
            self.done = self.fields
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
f = p.done or {}
f["note"] = "Провели, 12 детей"
print(urllib.parse.urlencode(f))
PYEOF
)
code=$(front -o /dev/null -w '%{http_code}' -d "$form" "$(pub "$PAGE")")
assert_eq 303 "$code" "a form posted through the front"
expect_ok qj show 3
assert_eq "done Иванова А. П." "$(jget 'd["state"] + " " + d["done_by"]' "$(last_out)")" "done, by the person"
assert_eq 404 "$(front -o /dev/null -w '%{http_code}' "https://$NAME:$HTTPS/api/v1/plans")" "the API is not passed on"
assert_eq 403 "$(front -o /dev/null -w '%{http_code}' -X DELETE "$(pub "$PAGE")")" "other methods on a page"

step "plain http goes to https; the front names the client"
assert_eq "301 https://$NAME/me/x" "$(curl -s --max-time 10 -o /dev/null -w '%{http_code} %{redirect_url}' \
	-H "Host: $NAME" "http://127.0.0.1:$HTTP/me/x")" "http to https"
grep -q '127.0.0.3: answered 200' "$DAEMON_LOG" || fail "qweekd did not log the client the front named"

stop_daemon
echo "ok"
