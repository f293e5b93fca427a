#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the test suite: initdb as the `postgres` user,
# C.UTF-8 locale, listening on loopback only, trust authentication on loopback.
# Prints the TEST_DATABASE_URL to use. Usage: scripts/pg-cluster.sh [DIR] [PORT]
# PG_SHARED_BUFFERS (e.g. 4GB) sizes the buffer cache, as a production server would be; the search
# benchmark's figures for a million items were taken with 4GB (the default is 128MB).
# PG_HUGE_PAGES=1 (as root) reserves huge pages for the server's shared memory and requires them
# (huge_pages=on), as a production server with a large buffer cache should: with 4 KB pages every
# new connection faults in each page of the buffer cache it touches the first time, and on a
# virtual machine that cost more than the reading (a count over 4,795 cached pages: 932 ms in a
# new connection, 17 ms in the same connection again; 35 ms in a new one with huge pages).
# effective_io_concurrency=200, as on a production server's SSD: PostgreSQL then reads ahead the
# table pages of a bitmap scan, which a search of a table larger than memory waits on (README).
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
  huge=""
  if [ "${PG_HUGE_PAGES:-}" = 1 ]; then
    # The pages the server needs with these settings, added to what is reserved already.
    need="$(su postgres -s /bin/sh -c "$bin/postgres -D '$dir' -C shared_memory_size_in_huge_pages -c max_connections=200${PG_SHARED_BUFFERS:+ -c shared_buffers=$PG_SHARED_BUFFERS}")"
    # Free pages less those another server has reserved and not yet touched.
    free="$(awk '/^HugePages_Free/ {f = $2} /^HugePages_Rsvd/ {r = $2} END {print f - r}' /proc/meminfo)"
    if [ "$free" -lt "$need" ]; then
      echo $(( $(cat /proc/sys/vm/nr_hugepages) + need - free )) > /proc/sys/vm/nr_hugepages
    fi
    huge=" -c huge_pages=on"
  fi
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir' -l '$dir/server.log' -w -o \"-h 127.0.0.1 -p $port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c effective_io_concurrency=200${PG_SHARED_BUFFERS:+ -c shared_buffers=$PG_SHARED_BUFFERS}$huge\" start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
