#!/bin/sh
# A throw-away PostgreSQL cluster for the tests: initdb in a temporary
# directory, listening only on a Unix socket in that directory.
#
#   sh tests/pg/cluster.sh start DIR     create and start; prints the base DSN
#   sh tests/pg/cluster.sh db DIR NAME   create database NAME; prints its DSN
#   sh tests/pg/cluster.sh halt DIR      stop the server, keep the data (an outage)
#   sh tests/pg/cluster.sh resume DIR    start it again after halt
#   sh tests/pg/cluster.sh stop DIR      stop it and remove DIR
#
# PostgreSQL refuses to run as root; as root the cluster runs as the
# 'postgres' user (Debian's package creates it).
set -eu
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?usage: cluster.sh start|db|halt|resume|stop DIR [NAME]}
dir=${2:?usage: cluster.sh start|db|halt|resume|stop DIR [NAME]}

as_owner() {
	# From / : postgres may not enter the directory we were started in.
	if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

owner=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)
dsn_base="postgresql:///?host=$dir&port=5432&user=$owner"

case $cmd in
start | resume)
	if [ "$cmd" = start ]; then
		mkdir -p "$dir"
		[ "$(id -u)" = 0 ] && chown postgres "$dir"
		as_owner "$bin/initdb" -D "$dir/data" --auth=trust --encoding=UTF8 --locale=C.UTF-8 -U "$owner" \
			>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
	fi
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
		-o "-c listen_addresses='' -c unix_socket_directories='$dir' -c port=5432 -c fsync=off" start \
		>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	echo "$dsn_base"
	;;
db)
	name=${3:?usage: cluster.sh db DIR NAME}
	as_owner "$bin/createdb" -h "$dir" -p 5432 -U "$owner" "$name"
	echo "postgresql:///$name?host=$dir&port=5432&user=$owner"
	;;
halt)
	as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
stop)
	as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*) echo "usage: cluster.sh start|db|halt|resume|stop DIR [NAME]" >&2; exit 2 ;;
esac
