#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store tests and exports EARSHOT_TEST_PG_URL.
#
# Source it from .ci/run (it sets a trap that stops the server and deletes its files):
#   source .ci/postgres.sh
# or run it by hand to get a server for local tests (then stop it yourself):
#   bash .ci/postgres.sh start   # prints the export line
#   bash .ci/postgres.sh stop
#
# The server listens on 127.0.0.1:${EARSHOT_PG_PORT:-55432} only, with trust auth for
# local connections, and runs as the `postgres` user (initdb refuses root).

EARSHOT_PG_PORT=${EARSHOT_PG_PORT:-55432}
EARSHOT_PG_DIR=${EARSHOT_PG_DIR:-/tmp/earshot-pg-$EARSHOT_PG_PORT}

# prints the folder of pg_ctl and friends, or nothing; never fails (safe under set -euo pipefail)
earshot_pg_bin() {
  local ctl
  ctl=$(command -v pg_ctl 2>/dev/null || { ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null || true; } | sort -V | tail -1) || true
  if [ -n "$ctl" ]; then dirname "$(readlink -f "$ctl")"; fi
  return 0
}

earshot_pg_as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

earshot_pg_install() {
  if [ -z "$(earshot_pg_bin)" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null || return 1
  fi
  return 0
}

earshot_pg_start() {
  earshot_pg_install || return 1
  local bin
  bin=$(earshot_pg_bin)
  earshot_pg_stop
  mkdir -p "$EARSHOT_PG_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$EARSHOT_PG_DIR"; fi
  earshot_pg_as_postgres "$bin/initdb" -D "$EARSHOT_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  earshot_pg_as_postgres "$bin/pg_ctl" -D "$EARSHOT_PG_DIR/data" -l "$EARSHOT_PG_DIR/server.log" -w \
    -o "-p $EARSHOT_PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null || {
    cat "$EARSHOT_PG_DIR/server.log" >&2
    return 1
  }
  earshot_pg_as_postgres "$bin/createdb" -h 127.0.0.1 -p "$EARSHOT_PG_PORT" -U postgres earshot_test || return 1
  export EARSHOT_TEST_PG_URL="postgres://postgres@127.0.0.1:$EARSHOT_PG_PORT/earshot_test"
  echo "postgres: started on 127.0.0.1:$EARSHOT_PG_PORT (EARSHOT_TEST_PG_URL=$EARSHOT_TEST_PG_URL)" >&2
}

earshot_pg_stop() {
  local bin
  bin=$(earshot_pg_bin)
  if [ -n "$bin" ] && [ -f "$EARSHOT_PG_DIR/data/postmaster.pid" ]; then
    earshot_pg_as_postgres "$bin/pg_ctl" -D "$EARSHOT_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$EARSHOT_PG_DIR"
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # run as a script: start or stop, and leave the server running between the two
  set -euo pipefail
  case "${1:-start}" in
    start) earshot_pg_start && echo "export EARSHOT_TEST_PG_URL=$EARSHOT_TEST_PG_URL" ;;
    stop) earshot_pg_stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
  esac
else
  # sourced (CI): start now, stop and clean up when the sourcing shell exits
  trap earshot_pg_stop EXIT
  earshot_pg_start
fi
