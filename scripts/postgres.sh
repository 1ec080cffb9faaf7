#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on a loopback port for the integration tests:
#   scripts/postgres.sh start DIR [PORT]   prints the connection string
#   scripts/postgres.sh stop DIR
#   scripts/postgres.sh resume DIR         starts a stopped cluster again, on its port
# Needs Debian's `postgresql` package; runs the server as the `postgres` user.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?data folder}
port=${3:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else (cd / && su postgres -s /bin/bash -c "$(printf '%q ' "$@")"); fi; }

start_server() {
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-k $dir -c listen_addresses=127.0.0.1 -p $1 -c max_connections=200 -c fsync=off" start >&2
}

case "$action" in
start)
  mkdir -p "$dir"
  chown postgres "$dir" 2>/dev/null || true
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust >"$dir/initdb.log"
  echo "$port" >"$dir/port"
  start_server "$port"
  echo "postgresql://postgres@127.0.0.1:$port"
  ;;
resume)
  start_server "$(cat "$dir/port")"
  ;;
stop)
  [ -d "$dir/data" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  ;;
*)
  echo "unknown action $action" >&2
  exit 1
  ;;
esac
