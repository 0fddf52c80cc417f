#!/bin/sh
# Install what is missing for `make run` (run), `make check` (check) or `make bench` (bench) on
# Debian 12. Quick when everything is present: it only asks dpkg.
set -eu
what=${1:-run}
run_pkgs="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev libmd4c-dev libyaml-dev libjansson-dev libstemmer-dev wdutch libsodium-dev liboath-dev libqrencode-dev libpq-dev libcurl4-openssl-dev libglpk-dev gettext libcairo2-dev libpango1.0-dev libfontconfig-dev fonts-dejavu-core"
check_pkgs="$run_pkgs libcmocka-dev clang libclang-rt-14-dev clang-format curl chromium wrk nginx-light tidy libxml2-utils oathtool postgresql openssl sqlite3 xxd poppler-utils jq"
case "$what" in
	run) pkgs=$run_pkgs ;;
	check) pkgs=$check_pkgs ;;
	bench) pkgs="$run_pkgs wrk nginx-light curl postgresql libpq-dev oathtool sqlite3" ;;
	*) echo "usage: deps.sh run|check|bench" >&2; exit 2 ;;
esac
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ "$what" = check ] && ! command -v npm >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
if [ -n "$missing" ]; then
	echo "Ontbrekende pakketten installeren / installing missing packages:$missing"
	if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
		echo "Voer als root uit / run as root: apt-get install$missing" >&2; exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -q >/dev/null
	$sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
fi
if [ "$what" = check ]; then
	if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		echo "npm-pakketten installeren / installing npm packages (npm ci)"
		npm ci --no-audit --no-fund --loglevel=error
	fi
fi
