#!/bin/sh
# As deployed: Debian's nginx terminates TLS on loopback (a certificate made
# with openssl now) in front of `vertrouwd serve --trusted-proxy 127.0.0.1`
# with an https base URL. Through it, with curl and then in Chromium: the
# sign-in form, signing in (the __Host- cookies, Secure, the session one
# without Max-Age), a CMS save that goes live, and signing out (Clear-Site-Data,
# the session gone).
#
#   sh tests/proxy/run.sh BIN
#
# Prints "ok - ..." lines and "proxy: N passed, M failed" (also to $SUMMARY).
set -u
bin=${1:-build/vertrouwd}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
. tests/lib/suite.sh
suite_start proxy

tls_cert "$tmp/tls" || { not_ok "openssl makes a test certificate"; finish; }
db=sqlite:$tmp/p.db
"$bin" init --demo --db "$db" --root . >/dev/null 2>&1
"$bin" user add red@example.nl --name "Rita Redacteur" --roles redacteur --db "$db" >/dev/null 2>&1
echo "paarse olifant op de fiets" | "$bin" user set-password red@example.nl --password-stdin --db "$db" >/dev/null 2>&1

proxied_start "$bin" "$tmp/log" "$tmp/tls" --db "$db" --root . ||
	{ not_ok "the server starts behind nginx with TLS"; finish; }
direct=$BASE
u=$LB
c() { curl -s --cacert "$tmp/tls/cert.pem" "$@"; }

# ---- curl ----
j=$tmp/jar
csrf=$(signin_form "$u" "$j" --cacert "$tmp/tls/cert.pem")
check "the sign-in form through TLS carries a CSRF token" "${#csrf}" 64
grep -qi '^#HttpOnly_127.0.0.1.*__Host-vt_formulier' "$j" && ok "the form's cookie is __Host-vt_formulier" ||
	not_ok "the form's cookie" "$(grep -v '^#' "$j" | tail -1)"
check "signing in through TLS: 303" "$(signin_post "$u" "$j" "$csrf" red@example.nl 'paarse olifant op de fiets' '' --cacert "$tmp/tls/cert.pem")" 303
cookie=$(grep -i '^set-cookie: __Host-vt_sessie=' "$tmp/head" | tr -d '\r')
echo "$cookie" | grep -q 'Secure' && echo "$cookie" | grep -q 'HttpOnly' && echo "$cookie" | grep -q 'SameSite=Strict' &&
	echo "$cookie" | grep -q 'Path=/' && ok "the session cookie is __Host-, Secure, HttpOnly, SameSite=Strict" ||
	not_ok "session cookie" "$cookie"
echo "$cookie" | grep -qi 'max-age\|expires' && not_ok "the session cookie outlives the browser" "$cookie" ||
	ok "the session cookie ends with the browser (no Max-Age)"
c -b "$j" -o "$tmp/account.html" "$u/account"
grep -q 'Rita Redacteur' "$tmp/account.html" && ok "the account page through TLS shows the editor" || not_ok "account page"
check "the plain cookie name is not read behind TLS" \
	"$(c -o /dev/null -w '%{http_code}' -H "Cookie: vt_sessie=$(sed -n 's/.*__Host-vt_sessie\t//p' "$j")" "$u/account")" 401

c -b "$j" -o "$tmp/new.html" "$u/redactie/nieuw?type=nieuws"
ecsrf=$(csrf_of "$tmp/new.html")
check "a CMS save through TLS: 303" "$(c -b "$j" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$ecsrf" \
	--data-urlencode type=nieuws --data-urlencode 'title=Achter de proxy' --data-urlencode slug=achter-de-proxy \
	--data-urlencode date=2026-11-20 --data-urlencode categories=Integriteit --data-urlencode 'lead=Kort.' \
	--data-urlencode 'body=Opgeslagen via **nginx** met TLS.' --data-urlencode status=gepubliceerd \
	--data-urlencode opslaan=1 "$u/redactie/opslaan")" 303
c -o "$tmp/item.html" "$u/nieuws/achter-de-proxy"
grep -q '<strong>nginx</strong>' "$tmp/item.html" && ok "the saved item is live through the proxy" || not_ok "saved item"
grep -q 'href="https://127.0.0.1:'"${LB##*:}"'/nieuws/achter-de-proxy"' "$tmp/item.html" &&
	ok "its canonical link is the public https address" || not_ok "canonical link"

acsrf=$(csrf_of "$tmp/account.html")
check "signing out through TLS: 303" "$(c -b "$j" -c "$j" -D "$tmp/head" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$acsrf" "$u/uitloggen")" 303
grep -qi '^clear-site-data: "cookies", "storage", "cache"' "$tmp/head" && ok "signing out sends Clear-Site-Data" ||
	not_ok "Clear-Site-Data" "$(grep -i clear-site "$tmp/head")"
check "after signing out the session is gone" "$(c -b "$j" -o /dev/null -w '%{http_code}' "$u/account")" 401

# Straight to the server (no proxy) over plain HTTP the https base URL still names the cookies __Host-.
check "the server alone sets the same cookie names" "$(curl -s -D - -o /dev/null "$direct/inloggen" | grep -ci '^set-cookie: __Host-vt_formulier=.*; Secure')" 1

# ---- Chromium ----
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && [ -f node_modules/playwright-core/package.json ]; then
	CHROMIUM=${CHROMIUM:-/usr/bin/chromium} EDITOR_EMAIL=red@example.nl EDITOR_PASSWORD='paarse olifant op de fiets' \
		node tests/browser/proxy.mjs "$u" >"$tmp/browser.out" 2>"$tmp/browser.err"
	cat "$tmp/browser.out"
	passed=$((passed + $(grep -c '^ok - ' "$tmp/browser.out")))
	failed=$((failed + $(grep -c '^not ok - ' "$tmp/browser.out")))
	[ -s "$tmp/browser.err" ] && { failed=$((failed + 1)); echo "not ok - proxy.mjs stderr"; sed 's/^/#   /' "$tmp/browser.err" | tail -n 10; }
else
	not_ok "Chromium and playwright-core are installed (make check installs them)"
fi
[ "$failed" = 0 ] || tail -n 20 "$tmp/log" | sed 's/^/# /'
finish
