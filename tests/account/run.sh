#!/bin/sh
# Signing in through the real server: CSRF, wrong and right passwords, the same
# answer for unknown accounts, TOTP (required for beheerder, one use per code),
# cookie flags, the account page, sign-out here and everywhere, rate limits.
# Usage: tests/account/run.sh BIN   (needs oathtool and curl)
bin=${1:-build/vertrouwd}
tmp=$(mktemp -d)
srv=""
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "  # $2"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got $2, want $3"; fi; }

# The store: $TEST_DB when set (tests/pg/run.sh passes a fresh PostgreSQL database), else SQLite.
db=${TEST_DB:-sqlite:$tmp/a.db}
"$bin" init --db "$db" >/dev/null 2>&1
"$bin" user add red@example.nl --name "Rita Redacteur" --roles redacteur --db "$db" >/dev/null 2>&1
echo "paarse olifant op de fiets" | "$bin" user set-password red@example.nl --password-stdin --db "$db" >/dev/null 2>&1
"$bin" user add baas@example.nl --name "Bert Beheer" --roles beheerder --db "$db" >/dev/null 2>&1
echo "groene giraffe in de trein" | "$bin" user set-password baas@example.nl --password-stdin --db "$db" >/dev/null 2>&1

port=$((30000 + $$ % 20000))
# A port can be taken without answering HTTP (another program's connection): then the next one.
for _ in 1 2 3 4 5; do
	while curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do port=$((port + 1)); done
	u="http://127.0.0.1:$port"
	"$bin" serve --db "$db" --root . --listen "127.0.0.1:$port" --publish-interval 1 >"$tmp/log" 2>&1 &
	srv=$!
	# Up to a minute (sanitizer builds on a busy machine start slowly); say why if it never answers.
	for _ in $(seq 1 300); do curl -sf "$u/healthz" >/dev/null 2>&1 && break; kill -0 "$srv" 2>/dev/null || break; sleep 0.2; done
	grep -q "kan niet luisteren" "$tmp/log" || break
	port=$((port + 1))
done
curl -sf "$u/healthz" >/dev/null 2>&1 || { echo "# the server did not start on port $port:"; sed 's/^/# /' "$tmp/log"; }

# A fresh browser: the form and its CSRF cookie.
form() { # jar -> prints the form's csrf
	curl -s -c "$1" -b "$1" "$u/inloggen" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//'
}
post() { # jar csrf email password [code] -> status
	curl -s -c "$1" -b "$1" -D "$tmp/head" -o "$tmp/body" -w '%{http_code}' --data-urlencode "csrf=$2" \
		--data-urlencode "email=$3" --data-urlencode "password=$4" --data-urlencode "code=${5:-}" "$u/inloggen"
}

j="$tmp/jar1"
csrf=$(form "$j")
[ ${#csrf} = 64 ] && ok "the sign-in form carries a CSRF token" || not_ok "sign-in CSRF token" "$csrf"
check "no CSRF token: 403" "$(curl -s -b "$j" -o /dev/null -w '%{http_code}' --data-urlencode email=red@example.nl --data-urlencode 'password=paarse olifant op de fiets' "$u/inloggen")" 403
check "a forged CSRF token: 403" "$(post "$j" "$(printf '%064d' 0)" red@example.nl 'paarse olifant op de fiets')" 403
check "a wrong password: 401" "$(post "$j" "$csrf" red@example.nl 'niet het goede wachtwoord')" 401
wrong=$(sed -n 's/.*role="alert">\([^<]*\)<.*/\1/p' "$tmp/body")
check "an unknown account: 401" "$(post "$j" "$csrf" niemand@example.nl 'niet het goede wachtwoord')" 401
unknown=$(sed -n 's/.*role="alert">\([^<]*\)<.*/\1/p' "$tmp/body")
[ -n "$wrong" ] && [ "$wrong" = "$unknown" ] && ok "unknown accounts get the same message as wrong passwords" || not_ok "same message" "$wrong / $unknown"
check "the right password: 303 to /account" "$(post "$j" "$csrf" red@example.nl 'paarse olifant op de fiets')" 303
grep -qi '^location: /account' "$tmp/head" && ok "redirect to /account" || not_ok "redirect to /account"
cookie=$(grep -i '^set-cookie: vt_sessie=' "$tmp/head")
echo "$cookie" | grep -qi 'HttpOnly' && echo "$cookie" | grep -qi 'SameSite=Strict' && ok "the session cookie is HttpOnly and SameSite=Strict" || not_ok "cookie flags" "$cookie"
body=$(curl -s -b "$j" "$u/account")
echo "$body" | grep -q 'Rita Redacteur' && echo "$body" | grep -q 'deze sessie' && ok "the account page shows the user and this session" || not_ok "account page"
check "the account page is not cached" "$(curl -s -b "$j" -D - -o /dev/null "$u/account" | grep -ci '^cache-control: no-store')" 1
check "without a session the account page is 401" "$(curl -s -o /dev/null -w '%{http_code}' "$u/account")" 401
acsrf=$(echo "$body" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
check "sign-out with a forged token: 403" "$(curl -s -b "$j" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$(printf '%064d' 0)" "$u/uitloggen")" 403
check "sign-out: 303" "$(curl -s -b "$j" -c "$j" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$acsrf" "$u/uitloggen")" 303
check "after sign-out the session is gone" "$(curl -s -b "$j" -o /dev/null -w '%{http_code}' "$u/account")" 401

# Sign out everywhere: two browsers, one button.
ja="$tmp/jarA"; jb="$tmp/jarB"
post "$ja" "$(form "$ja")" red@example.nl 'paarse olifant op de fiets' >/dev/null
post "$jb" "$(form "$jb")" red@example.nl 'paarse olifant op de fiets' >/dev/null
[ "$(curl -s -b "$ja" "$u/account" | grep -c '<li>')" -ge 2 ] && ok "the account page lists both sessions" || not_ok "session list"
bcsrf=$(curl -s -b "$jb" "$u/account" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -s -b "$jb" -c "$jb" -o /dev/null --data-urlencode "csrf=$bcsrf" "$u/account/overal-uitloggen"
check "sign out everywhere ends the other browser's session too" "$(curl -s -b "$ja" -o /dev/null -w '%{http_code}' "$u/account")" 401

# TOTP: required for a beheerder, one use per code.
jt="$tmp/jarT"
tcsrf=$(form "$jt")
check "a beheerder without TOTP cannot sign in" "$(post "$jt" "$tcsrf" baas@example.nl 'groene giraffe in de trein')" 403
secret=$("$bin" user totp baas@example.nl --db "$db" 2>/dev/null | sed -n 's/^  \([A-Z2-7]\{32\}\)$/\1/p')
[ ${#secret} = 32 ] && ok "vertrouwd user totp prints a base32 secret" || not_ok "totp secret" "$secret"
code=$(oathtool --totp -b "$secret")
check "a wrong code: 401" "$(post "$jt" "$tcsrf" baas@example.nl 'groene giraffe in de trein' 000000)" 401
check "password and code: 303" "$(post "$jt" "$tcsrf" baas@example.nl 'groene giraffe in de trein' "$code")" 303
jr="$tmp/jarR"
check "the same code a second time: 401" "$(post "$jr" "$(form "$jr")" baas@example.nl 'groene giraffe in de trein' "$code")" 401

# Rate limit: after five failures the account must wait.
jl="$tmp/jarL"
lcsrf=$(form "$jl")
for i in 1 2 3 4 5; do post "$jl" "$lcsrf" red@example.nl "fout wachtwoord nummer $i" >/dev/null; done
check "the sixth attempt in a row is refused: 429" "$(post "$jl" "$lcsrf" red@example.nl 'paarse olifant op de fiets')" 429
grep -q 'Te veel mislukte pogingen' "$tmp/body" && ok "the refusal says to wait" || not_ok "rate-limit message"

# A one-time setup link: password and second factor through the web, once.
out=$("$bin" user add chef@example.nl --name "Carla Chef" --roles beheerder --db "$db" --listen "127.0.0.1:$port" 2>/dev/null)
link=$(echo "$out" | grep -o 'http://[^ ]*instellen?token=[0-9a-f]*')
[ -n "$link" ] && ok "user add prints a one-time setup link" || not_ok "setup link" "$out"
token=${link##*token=}
js="$tmp/jarS"
check "the setup page opens" "$(curl -s -c "$js" -b "$js" -o "$tmp/setup.html" -w '%{http_code}' "$link")" 200
scsrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$tmp/setup.html" | sed 's/.*value="//; s/"//')
ssecret=$(grep -o '<code>[A-Z2-7]*</code>' "$tmp/setup.html" | sed 's/<[^>]*>//g')
[ ${#ssecret} = 32 ] && ok "a beheerder's setup shows a TOTP key" || not_ok "setup TOTP key"
check "the QR code is an SVG from our own host" "$(curl -s -o /dev/null -w '%{content_type}' "$u/account/instellen/qr.svg?token=$token")" "image/svg+xml"
setup() { # password again code -> status
	curl -s -c "$js" -b "$js" -o "$tmp/body" -w '%{http_code}' --data-urlencode "csrf=$scsrf" --data-urlencode "token=$token" \
		--data-urlencode "password=$1" --data-urlencode "again=$2" --data-urlencode "code=$3" "$u/account/instellen"
}
check "two different passwords: 400" "$(setup 'een heel goed wachtwoord' 'een ander wachtwoord' 000000)" 400
check "a common password: 400" "$(setup Wachtwoord1234 Wachtwoord1234 "$(oathtool --totp -b "$ssecret")")" 400
check "a wrong code: 400" "$(setup 'een heel goed wachtwoord' 'een heel goed wachtwoord' 000000)" 400
check "password and code: 303 to the sign-in page" "$(setup 'een heel goed wachtwoord' 'een heel goed wachtwoord' "$(oathtool --totp -b "$ssecret")")" 303
check "the link works only once" "$(curl -s -o /dev/null -w '%{http_code}' "$link")" 404
check "an unknown link: 404" "$(curl -s -o /dev/null -w '%{http_code}' "$u/account/instellen?token=$(printf '%064d' 7)")" 404

# Administration: only a beheerder, every change with CSRF, audited, no self-lockout.
for who in admin:beheerder red2:redacteur; do
	"$bin" user add "${who%%:*}@example.nl" --name "${who%%:*}" --roles "${who#*:}" --db "$db" >/dev/null 2>&1
	echo "een wachtwoord voor ${who%%:*} hier" | "$bin" user set-password "${who%%:*}@example.nl" --password-stdin --db "$db" >/dev/null 2>&1
done
asecret=$("$bin" user totp admin@example.nl --db "$db" 2>/dev/null | sed -n 's/^  \([A-Z2-7]\{32\}\)$/\1/p')
jadm="$tmp/jarAdm"; jred="$tmp/jarRed"
check "a beheerder signs in" "$(post "$jadm" "$(form "$jadm")" admin@example.nl 'een wachtwoord voor admin hier' "$(oathtool --totp -b "$asecret")")" 303
check "a redacteur signs in" "$(post "$jred" "$(form "$jred")" red2@example.nl 'een wachtwoord voor red2 hier')" 303
check "a redacteur may not manage users: 403" "$(curl -s -b "$jred" -o /dev/null -w '%{http_code}' "$u/beheer/gebruikers")" 403
check "without a session: 401" "$(curl -s -o /dev/null -w '%{http_code}' "$u/beheer/gebruikers")" 401
check "the beheerder sees the users" "$(curl -s -b "$jadm" -o "$tmp/users.html" -w '%{http_code}' "$u/beheer/gebruikers")" 200
grep -q 'red2@example.nl' "$tmp/users.html" && ok "the list shows the accounts" || not_ok "user list"
acsrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$tmp/users.html" | head -1 | sed 's/.*value="//; s/"//')
admin() { # path data... -> status
	p=$1; shift
	curl -s -b "$jadm" -o "$tmp/body" -w '%{http_code}' --data-urlencode "csrf=$acsrf" "$@" "$u$p"
}
check "adding with a forged token: 403" "$(curl -s -b "$jadm" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$(printf '%064d' 1)" --data-urlencode email=x@example.nl --data-urlencode name=X "$u/beheer/gebruikers")" 403
check "add a user" "$(admin /beheer/gebruikers --data-urlencode email=nieuw@example.nl --data-urlencode 'name=Nina Nieuw' --data-urlencode rol=redacteur)" 200
grep -q 'instellen?token=[0-9a-f]\{64\}' "$tmp/body" && ok "adding shows a one-time setup link" || not_ok "setup link shown"
check "a taken e-mail address: 409" "$(admin /beheer/gebruikers --data-urlencode email=nieuw@example.nl --data-urlencode name=N)" 409
check "no self-lockout: keeping your own beheerder role" "$(admin /beheer/gebruikers/rollen --data-urlencode email=admin@example.nl --data-urlencode rol=redacteur)" 400
check "block the redacteur" "$(admin /beheer/gebruikers/blokkeren --data-urlencode email=red2@example.nl)" 200
check "a blocked account is signed out at once" "$(curl -s -b "$jred" -o /dev/null -w '%{http_code}' "$u/account")" 401
check "an unknown action: 404" "$(admin /beheer/gebruikers/verwijderen --data-urlencode email=red2@example.nl)" 404
curl -s -b "$jadm" "$u/beheer/audit" | grep -q 'gebruiker geblokkeerd' && ok "the audit log shows who blocked whom" || not_ok "audit log"

# Recovery codes: made by the user, each works once instead of the app's code.
acsrf2=$(curl -s -b "$jadm" "$u/account" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -s -b "$jadm" -o "$tmp/codes.html" --data-urlencode "csrf=$acsrf2" "$u/account/herstelcodes"
rcode=$(grep -o '<code>[a-z2-9]\{4\}-[a-z2-9]\{4\}</code>' "$tmp/codes.html" | head -1 | sed 's/<[^>]*>//g')
[ "$(grep -o '<code>' "$tmp/codes.html" | wc -l)" = 10 ] && ok "ten recovery codes are shown" || not_ok "recovery codes"
jrc="$tmp/jarRC"
check "a recovery code stands in for the app's code" "$(post "$jrc" "$(form "$jrc")" admin@example.nl 'een wachtwoord voor admin hier' "$(echo "$rcode" | tr a-z A-Z)")" 303
jrc2="$tmp/jarRC2"
check "the same recovery code a second time: 401" "$(post "$jrc2" "$(form "$jrc2")" admin@example.nl 'een wachtwoord voor admin hier' "$rcode")" 401

# The editor: preview, save (with a revision), publish, rename (301), delete after confirming.
"$bin" user add ed@example.nl --name "Eddy Editor" --roles redacteur --db "$db" >/dev/null 2>&1
echo "een wachtwoord voor ed hier" | "$bin" user set-password ed@example.nl --password-stdin --db "$db" >/dev/null 2>&1
jed="$tmp/jarEd"
check "an editor signs in" "$(post "$jed" "$(form "$jed")" ed@example.nl 'een wachtwoord voor ed hier')" 303
check "a beheerder without the redacteur role may not edit: 403" "$(curl -s -b "$jadm" -o /dev/null -w '%{http_code}' "$u/redactie")" 403
check "the editor's list" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' "$u/redactie")" 200
check "a new item's form" "$(curl -s -b "$jed" -o "$tmp/new.html" -w '%{http_code}' "$u/redactie/nieuw?type=nieuws")" 200
ecsrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$tmp/new.html" | head -1 | sed 's/.*value="//; s/"//')
edit() { # categories extra-curl-args... -> status
	cats=$1; shift
	curl -s -b "$jed" -D "$tmp/head" -o "$tmp/body" -w '%{http_code}' --data-urlencode "csrf=$ecsrf" --data-urlencode type=nieuws \
		--data-urlencode 'title=Zebrapadoverleg <script>alert(1)</script>' --data-urlencode date=2026-11-20 \
		--data-urlencode "categories=$cats" --data-urlencode 'lead=Kort.' \
		--data-urlencode 'body=## Kop

Het **zebrapadoverleg** is begonnen. <b>vet</b>' "$@" "$u/redactie/opslaan"
}
check "preview" "$(edit 'Integriteit, Nieuwe categorie' --data-urlencode status=gepubliceerd --data-urlencode voorbeeld=1)" 200
grep -q '<strong>zebrapadoverleg</strong>' "$tmp/body" && grep -q '&lt;b&gt;vet' "$tmp/body" && ok "the preview renders Markdown and shows raw HTML as text" || not_ok "preview"
grep -q '<script>alert' "$tmp/body" && not_ok "a title reached the page unescaped" || ok "the title stays escaped in the form"
check "no categories: 400" "$(edit '' --data-urlencode status=gepubliceerd --data-urlencode opslaan=1)" 400
check "save and publish: 303" "$(edit 'Integriteit, Nieuwe categorie' --data-urlencode status=gepubliceerd --data-urlencode opslaan=1)" 303
loc=$(sed -n 's/^[Ll]ocation: //p' "$tmp/head" | tr -d '\r')
slug=$(echo "$loc" | sed 's|/redactie/nieuws/||; s|?.*||')
[ "$slug" = "zebrapadoverleg-script-alert-1-script" ] && ok "the address is made from the title" || not_ok "slug from title" "$slug"
check "the item is on the site" "$(curl -s -o /dev/null -w '%{http_code}' "$u/nieuws/$slug")" 200
curl -s "$u/zoeken?q=zebrapadoverleg" | grep -q -- "$slug" && ok "search finds it at once" || not_ok "search index on save"
check "rename: 303" "$(edit 'Integriteit' --data-urlencode status=gepubliceerd --data-urlencode opslaan=1 --data-urlencode old_slug="$slug" --data-urlencode slug=zebrapad)" 303
check "the old address answers 301" "$(curl -s -o /dev/null -w '%{http_code}' "$u/nieuws/$slug")" 301
check "... to the new one" "$(curl -s -o /dev/null -w '%{redirect_url}' "$u/nieuws/$slug")" "$u/nieuws/zebrapad"
curl -s -b "$jed" "$u/redactie/nieuws/zebrapad" | grep -q '2 eerdere versies bewaard' && ok "every save keeps a revision" || not_ok "revisions"
check "delete asks first" "$(curl -s -b "$jed" -o "$tmp/body" -w '%{http_code}' --data-urlencode "csrf=$ecsrf" --data-urlencode type=nieuws --data-urlencode slug=zebrapad "$u/redactie/verwijderen")" 200
grep -q 'Weet je zeker' "$tmp/body" && ok "the confirmation names the item" || not_ok "delete confirmation"
check "delete after confirming: 303" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$ecsrf" --data-urlencode type=nieuws --data-urlencode slug=zebrapad --data-urlencode zeker=ja "$u/redactie/verwijderen")" 303
check "the item is gone from the site" "$(curl -s -o /dev/null -w '%{http_code}' "$u/nieuws/zebrapad")" 404
curl -s "$u/zoeken?q=zebrapadoverleg" | grep -q 'href="/nieuws/zebrapad' && not_ok "a deleted item is still found" || ok "and from search"
check "editing an unknown item: 404" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' "$u/redactie/nieuws/bestaat-niet")" 404

# Scheduling: gepland needs a time; a time that has passed goes live on the publisher's next
# tick, with its search entry; a later one waits.
check "gepland without a time: 400" "$(edit 'Integriteit' --data-urlencode status=gepland --data-urlencode slug=gepland-zonder --data-urlencode opslaan=1)" 400
grep -q 'datum en tijd van publicatie' "$tmp/body" && ok "... saying what is missing" || not_ok "schedule message"
check "a malformed time: 400" "$(edit 'Integriteit' --data-urlencode status=gepland --data-urlencode publish_at=morgen --data-urlencode slug=gepland-fout --data-urlencode opslaan=1)" 400
check "schedule for later: 303" "$(edit 'Integriteit' --data-urlencode status=gepland --data-urlencode publish_at=2199-01-01T09:00 --data-urlencode slug=gepland-later --data-urlencode opslaan=1)" 303
curl -s -b "$jed" "$u/redactie/nieuws/gepland-later" | grep -q 'verschijnt op 1 januari 2199 om 09:00' && ok "the form shows when it goes live" || not_ok "schedule shown"
check "schedule for a time that has passed: 303" "$(edit 'Integriteit' --data-urlencode status=gepland --data-urlencode publish_at=2026-01-01T09:00 --data-urlencode slug=gepland-nu --data-urlencode opslaan=1)" 303
for _ in $(seq 1 50); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$u/nieuws/gepland-nu")" = 200 ] && break; sleep 0.2; done
check "the server publishes it by itself" "$(curl -s -o /dev/null -w '%{http_code}' "$u/nieuws/gepland-nu")" 200
curl -s "$u/zoeken?q=zebrapadoverleg" | grep -q 'href="/nieuws/gepland-nu' && ok "and search finds it" || not_ok "scheduled item not in search"
check "the later one is not on the site yet" "$(curl -s -o /dev/null -w '%{http_code}' "$u/nieuws/gepland-later")" 404

# Revisions: compare two versions, restore an old one (kept as a new revision).
check "save v1" "$(edit 'Integriteit' --data-urlencode status=gepubliceerd --data-urlencode slug=versies-test --data-urlencode opslaan=1)" 303
check "save v2" "$(edit 'Integriteit, Pesten' --data-urlencode status=gepubliceerd --data-urlencode old_slug=versies-test --data-urlencode slug=versies-test --data-urlencode opslaan=1)" 303
check "the versions page" "$(curl -s -b "$jed" -o "$tmp/revs.html" -w '%{http_code}' "$u/redactie/nieuws/versies-test/versies")" 200
grep -q 'class="diff-del">- categories: \[&quot;Integriteit&quot;\]' "$tmp/revs.html" && grep -q 'class="diff-add">+ categories: \[&quot;Integriteit&quot;, &quot;Pesten&quot;\]' "$tmp/revs.html" &&
	ok "the diff shows what changed" || not_ok "revision diff" "$(grep -o 'class="diff-[ad][a-z]*">[^<]*' "$tmp/revs.html" | head -5)"
rev1=$(grep -o 'name="revision" value="[0-9]*"' "$tmp/revs.html" | head -1 | sed 's/.*value="//; s/"//')
restore() { curl -s -b "$jed" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$1" --data-urlencode type=nieuws --data-urlencode slug=versies-test --data-urlencode "revision=$2" "$u/redactie/terugzetten"; }
check "restore with a forged CSRF token: 403" "$(restore 0000 "$rev1")" 403
check "restore an unknown revision: 404" "$(restore "$ecsrf" 99999999)" 404
later=$(curl -s -b "$jed" "$u/redactie/nieuws/gepland-later/versies" | grep -o 'name="naar" value="[0-9]*"' | head -1 | sed 's/.*value="//; s/"//')
check "restore another item's revision: 404" "$(restore "$ecsrf" "$later")" 404
check "restore the first version: 303" "$(restore "$ecsrf" "$rev1")" 303
curl -s -b "$jed" "$u/redactie/nieuws/versies-test" >"$tmp/restored.html"
grep -q 'name="categories" type="text" required value="Integriteit"' "$tmp/restored.html" && ok "the old version is back" || not_ok "restore"
grep -q '3 eerdere versies bewaard' "$tmp/restored.html" && ok "restoring kept a new revision" || not_ok "restore revision"
check "the versions of an unknown item: 404" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' "$u/redactie/nieuws/bestaat-niet/versies")" 404
check "versions need the redacteur role" "$(curl -s -b "$jadm" -o /dev/null -w '%{http_code}' "$u/redactie/nieuws/versies-test/versies")" 403

# Categories: add, rename (the address stays), merge (items move along), delete only when empty.
cat_post() { # action field=value... -> status
	a=$1; shift
	set -- $(for kv in "$@"; do printf -- '--data-urlencode %s ' "$kv"; done)
	curl -s -b "$jed" -o "$tmp/cat.html" -w '%{http_code}' --data-urlencode "csrf=$ecsrf" "$@" "$u/redactie/categorieen/$a"
}
check "the categories page" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' "$u/redactie/categorieen")" 200
check "add a category: 303" "$(cat_post nieuw name=Vervoer)" 303
check "the same name again: 409" "$(cat_post nieuw name=vervoer)" 409
grep -q 'Er is al een categorie' "$tmp/cat.html" && ok "... saying why" || not_ok "duplicate category message"
check "a name without letters: 400" "$(cat_post nieuw name=---)" 400
check "rename: 303" "$(cat_post hernoemen slug=vervoer name=Woon-werkverkeer)" 303
check "rename an unknown category: 404" "$(cat_post hernoemen slug=bestaat-niet name=Iets)" 404
check "delete a category in use: 409" "$(cat_post verwijderen slug=integriteit)" 409
check "merge Integriteit into Woon-werkverkeer: 303" "$(cat_post samenvoegen slug=integriteit into=vervoer)" 303
curl -s -b "$jed" "$u/redactie/nieuws/versies-test" | grep -q 'name="categories" type="text" required value="Woon-werkverkeer"' && ok "the items moved along" || not_ok "merge did not move the items"
check "the merged category is gone" "$(curl -s -o /dev/null -w '%{http_code}' "$u/categorie/integriteit")" 404
check "the other one now has a public page" "$(curl -s -o /dev/null -w '%{http_code}' "$u/categorie/vervoer")" 200
check "merge into itself: 400" "$(cat_post samenvoegen slug=vervoer into=vervoer)" 400
check "an unknown action: 404" "$(cat_post opruimen slug=vervoer)" 404
check "category changes need CSRF" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' --data-urlencode name=X "$u/redactie/categorieen/nieuw")" 403
check "add one more: 303" "$(cat_post nieuw name=Leeg)" 303
check "delete the empty one: 303" "$(cat_post verwijderen slug=leeg)" 303
curl -s -b "$jadm" "$u/beheer/audit" | grep -q 'categorie samenvoegen</td><td>categorie/integriteit' && ok "category changes are audited" || not_ok "category audit"

# Exactly once across processes: a second server and four publish-due runs race for twelve items.
port2=$((port + 1))
while curl -s -o /dev/null "http://127.0.0.1:$port2/" 2>/dev/null; do port2=$((port2 + 1)); done
"$bin" serve --db "$db" --root . --listen "127.0.0.1:$port2" --publish-interval 1 >"$tmp/log2" 2>&1 &
srv2=$!
for i in $(seq 1 12); do
	edit 'Integriteit' --data-urlencode status=gepland --data-urlencode publish_at=2099-06-01T09:00 --data-urlencode "slug=race-$i" --data-urlencode opslaan=1 >/dev/null
done
pids=""
for k in 1 2 3 4; do
	"$bin" publish-due --db "$db" --at 2100-01-01T00:00 >"$tmp/pub$k" 2>&1 &
	pids="$pids $!"
done
wait $pids
total=0
for n in $(cat "$tmp"/pub[1-4] | sed -n 's/^\([0-9]*\) geplande.*/\1/p'); do total=$((total + n)); done
check "four racing processes publish the twelve items once in all" "$total" 12
check "every one is on the site" "$(for i in $(seq 1 12); do curl -s -o /dev/null -w '%{http_code} ' "$u/nieuws/race-$i"; done)" "$(printf '200 %.0s' $(seq 1 12))"
check "the publication is audited once per item" "$(curl -s -b "$jadm" "$u/beheer/audit" | grep -c 'volgens planning</td><td>nieuws/race-')" 12
check "the later one still waits" "$(curl -s -o /dev/null -w '%{http_code}' "$u/nieuws/gepland-later")" 404
check "publish-due with a bad time: exit 2" "$("$bin" publish-due --db "$db" --at gisteren >/dev/null 2>&1; echo $?)" 2
kill "$srv2" 2>/dev/null; wait "$srv2" 2>/dev/null

kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null; srv=""
grep -Eq '([0-9]{1,3}\.){3}[0-9]{1,3}' "$tmp/log" && [ "$(grep -Ec '([0-9]{1,3}\.){3}[0-9]{1,3}' "$tmp/log")" -gt 1 ] &&
	not_ok "the log holds client addresses" "$(grep -E '([0-9]{1,3}\.){3}' "$tmp/log" | head -2)" || ok "no client addresses in the log"
grep -qi 'olifant\|giraffe' "$tmp/log" && not_ok "a password reached the log" || ok "no passwords in the log"
grep -q 'AddressSanitizer\|runtime error:' "$tmp"/log* && not_ok "sanitizer reports" || ok "no sanitizer reports"

line="account${TEST_STORE:+ ($TEST_STORE)}: $passed passed, $failed failed"
echo "$line"
[ -n "${SUMMARY:-}" ] && echo "$line" >>"$SUMMARY"
[ "$failed" = 0 ]
