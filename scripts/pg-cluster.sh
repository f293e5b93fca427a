#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the test suite: initdb as the `postgres` user,
# C.UTF-8 locale, listening on loopback only, trust authentication on loopback.
# Prints the TEST_DATABASE_URL to use. Usage: scripts/pg-cluster.sh [DIR] [PORT]
# PG_SHARED_BUFFERS (e.g. 4GB) sizes the buffer cache, as a production server would be; the search
# benchmark's figures for a million items were taken with 4GB (the default is 128MB).
set -euo pipefail
dir="${1:-/tmp/gongkai-pg}"
port="${2:-54329}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  su postgres -s /bin/sh -c "$bin/initdb -D '$dir' -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8" >/dev/null
fi
if ! su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir' status" >/dev/null 2>&1; then
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir' -l '$dir/server.log' -w -o \"-h 127.0.0.1 -p $port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200${PG_SHARED_BUFFERS:+ -c shared_buffers=$PG_SHARED_BUFFERS}\" start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
