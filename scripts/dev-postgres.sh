#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for developing and testing the PostgreSQL store.
#
#   scripts/dev-postgres.sh start [PORT]   # initdb (first time) + start; prints the export line
#   scripts/dev-postgres.sh stop  [PORT]   # stop (fast) and remove the data folder
#   scripts/dev-postgres.sh url   [PORT]   # the admin URL only
#
# The server listens on 127.0.0.1:PORT only (default 54330), with a superuser `pushdesk` whose
# password is `pushdesk` (scram-sha-256 over TCP; a throwaway test password, never a real one).
# The data folder is /tmp/pushdesk-pg-PORT unless PUSHDESK_PG_DIR says otherwise. As root, the
# server runs as the `postgres` OS user (PostgreSQL refuses to run as root).
set -euo pipefail

cmd="${1:-}"; port="${2:-54330}"
dir="${PUSHDESK_PG_DIR:-/tmp/pushdesk-pg-$port}"
bin="${PUSHDESK_PG_BIN:-/usr/lib/postgresql/15/bin}"
url="postgres://pushdesk:pushdesk@127.0.0.1:$port/postgres"

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres "$dir"
      pw="$dir.pw"; echo pushdesk > "$pw"; [ "$(id -u)" = 0 ] && chown postgres "$pw"
      as_owner "$bin/initdb" -D "$dir" -U pushdesk --pwfile="$pw" --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 || { cat "$dir.initdb.log" >&2; exit 1; }
      rm -f "$pw"
    fi
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    echo "export PUSHDESK_TEST_POSTGRES_URL=$url"
    ;;
  stop)
    if [ -f "$dir/PG_VERSION" ]; then
      as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
      rm -rf "$dir" "$dir.initdb.log"
    fi
    ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|url [PORT]" >&2; exit 2 ;;
esac
